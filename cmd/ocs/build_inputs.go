package main

import (
	"debug/elf"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// buildInputs reads the standards named by args, or the bundled ones.
func buildInputs(args []string) ([]pipeline.Source, error) {
	if len(args) == 0 {
		return pipeline.AllBundled()
	}
	files, err := standard.FindFiles(args)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no standards (*.toml) found in %s", strings.Join(args, ", "))
	}
	ins := make([]pipeline.Source, 0, len(files))
	for _, file := range files {
		data, err := pipeline.ReadFile(file, pipeline.DefaultMaxInput, nil)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", file, err)
		}
		ins = append(ins, pipeline.Source{Name: filepath.ToSlash(file), Data: data})
	}
	return ins, nil
}

// filter is the --only selection: kinds and formats; empty means all.
type filter struct{ kinds, formats []string }

// has reports whether the filter selects a file of kind and format.
func (f filter) has(kind, format string) bool {
	return (len(f.kinds) == 0 || slices.Contains(f.kinds, kind)) &&
		(len(f.formats) == 0 || slices.Contains(f.formats, format))
}

// parseOnly splits --only values into kinds and formats.
func parseOnly(only []string) (filter, error) {
	var f filter
	for _, o := range only {
		o = strings.ToLower(strings.TrimSpace(o))
		switch o {
		case "standard", "assessment", "profile":
			f.kinds = append(f.kinds, o)
		case "pdf", "docx", "html":
			f.formats = append(f.formats, o)
		default:
			return f, fmt.Errorf("--only %q: choose kinds (standard, assessment, profile) and formats (pdf, docx, html)", o)
		}
	}
	return f, nil
}

// fingerprint is what, besides the standard itself, decides every output's
// bytes: the program, the language and labels, the fonts and
// SOURCE_DATE_EPOCH.
func fingerprint(enc *pipeline.Encoder, opt templates.Options, epoch string) string {
	c := enc.Config()
	parts := []string{generator(), "lang=" + opt.Lang, "epoch=" + strings.TrimSpace(epoch),
		fmt.Sprintf("missing=%t system=%t", c.AllowMissing, c.System),
		"docx=" + c.DOCX.EastAsiaFont + "/" + c.DOCX.ASCIIFont}
	for _, k := range slices.Sorted(maps.Keys(opt.Labels)) {
		parts = append(parts, "label."+k+"="+opt.Labels[k])
	}
	parts = append(parts, fmt.Sprintf("docx.embed=%d", len(c.DOCX.Embed)))
	if r := c.DOCX.Reference; r != nil {
		parts = append(parts, "docx.reference="+r.Fingerprint())
	}
	if b := c.Brand; b != nil {
		parts = append(parts, fmt.Sprintf("brand=%q %q %q %s", b.Name, b.Line, b.Footer, b.Color.Hex()))
		if b.Logo != nil {
			parts = append(parts, "brand.logo="+sum(b.Logo.Data))
		}
	}
	if strings.HasSuffix(generator(), "+dirty)") || !strings.Contains(generator(), "(") {
		parts = append(parts, "exe="+exeHash())
	}
	for _, face := range enc.Fonts().Faces() {
		if face.Source == "embedded" {
			parts = append(parts, "font=embedded")
			continue
		}
		parts = append(parts, "font="+face.Source+":"+sum(face.Data))
	}
	return strings.Join(parts, "\n")
}

// exeHash hashes the running program, so that a build from modified
// sources does not trust outputs made by another program. An ELF program
// (Linux) is named by the Go build ID in its notes, which the go command
// derives from the program's content: reading it spares hashing some
// 30 MB on every build.
func exeHash() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	if id := goBuildID(exe); id != "" {
		return "buildid:" + id
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return "unknown"
	}
	return sum(data)
}

// goBuildID returns the Go build ID in the notes of an ELF program, or ""
// when it has none (another format, or built with an empty -buildid).
func goBuildID(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	note, err := sec.Data()
	// A note: name size, descriptor size, type (4 bytes each), the name
	// "Go\0\0", then the descriptor, the build ID.
	if err != nil || len(note) < 16 || string(note[12:16]) != "Go\x00\x00" {
		return ""
	}
	n := int(binary.LittleEndian.Uint32(note[4:]))
	if f.ByteOrder == binary.BigEndian {
		n = int(binary.BigEndian.Uint32(note[4:]))
	}
	if n <= 0 || 16+n > len(note) {
		return ""
	}
	return string(note[16 : 16+n])
}
