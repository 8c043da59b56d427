// Package standards bundles published occupational competency standards
// (職能基準) transcribed into ocs's TOML format, so the tool has real
// examples to render and test against without any input file.
//
// Each file is named after the standard's iCAP code, e.g.
// "THM2431-001v1.toml".
package standards

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// FS holds the bundled standards, one TOML file per standard.
//
//go:embed *.toml
var FS embed.FS

// ext is the file extension of a bundled standard.
const ext = ".toml"

// Names returns the file names of the bundled standards, sorted.
func Names() []string {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		// The embedded root always exists; a failure here is a build defect.
		panic(fmt.Sprintf("standards: reading embedded files: %v", err))
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ext {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Codes returns the codes of the bundled standards (their file names
// without the extension), sorted.
func Codes() []string {
	names := Names()
	codes := make([]string, len(names))
	for i, n := range names {
		codes[i] = strings.TrimSuffix(n, ext)
	}
	return codes
}

// Open returns the TOML bytes and the file name of the bundled standard
// with the given code, e.g. "THM2431-001v1". The code is matched without
// regard to case, and a trailing ".toml" is accepted. If no bundled
// standard has the code, the error lists the available codes.
func Open(code string) ([]byte, string, error) {
	want := strings.TrimSpace(code)
	if len(want) > len(ext) && strings.EqualFold(want[len(want)-len(ext):], ext) {
		want = want[:len(want)-len(ext)]
	}
	for _, name := range Names() {
		if strings.EqualFold(strings.TrimSuffix(name, ext), want) {
			data, err := FS.ReadFile(name)
			if err != nil {
				return nil, "", fmt.Errorf("standards: reading bundled %s: %w", name, err)
			}
			return data, name, nil
		}
	}
	return nil, "", fmt.Errorf("standards: no bundled standard with code %q; available: %s",
		code, strings.Join(Codes(), ", "))
}
