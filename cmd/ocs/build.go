package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
	"github.com/ocs-project/ocs/templates/table"
)

func init() { commands = append(commands, newBuildCmd) }

// targets are the documents a build makes of every standard, by kind, in
// their formats.
var targets = []struct {
	kind    string
	formats []string
}{
	{"standard", []string{"pdf", "docx"}},
	{"assessment", []string{"pdf", "docx"}},
	{"profile", []string{"pdf", "docx", "html"}},
}

// buildFlags are the options of `ocs build`.
type buildFlags struct {
	out            string
	only           []string
	jobs           int
	verbose, force bool
	lang           string
	allowMissing   bool
	systemFonts    bool
	fonts          fontFlags
	draft          bool
}

func newBuildCmd() *cobra.Command {
	var f buildFlags
	cmd := &cobra.Command{
		Use:   "build [DIR|FILE...]",
		Short: "Render every document of a library of standards, reproducibly (for CI releases)",
		Long: `Render every standard found in the folders (every *.toml below them) as every document
kind — the standard table, the assessment pack, the occupation profile — in PDF, DOCX and
HTML, into the output folder, with a manifest.json listing each file's size and sha256 and
the sha256 of its inputs. Without DIR it builds the standards bundled with ocs.

A standard with errors is reported, as by ocs check, and the others are still built; the
exit status is then 1. Files whose inputs did not change are not made again. Output is
byte-for-byte reproducible: dates come from SOURCE_DATE_EPOCH when set, else a fixed date,
and fonts are the embedded ones unless given (system fonts only with --system-fonts).`,
		Example: `  ocs build                       # the bundled standards into dist/
  ocs build standards/ -o public/ # a library of standards
  ocs build --only pdf,standard   # only the standard tables, only as PDF`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBuild(cmd, &f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "output", "o", "dist", "output folder")
	fl.StringSliceVar(&f.only, "only", nil, "build only these kinds (standard, assessment, profile) and/or formats (pdf, docx, html)")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "parallel workers (default: number of CPUs)")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "list every file and print warnings")
	fl.BoolVar(&f.force, "force", false, "make every file again, even when its inputs did not change")
	fl.StringVar(&f.lang, "lang", "zh-TW", "label language: zh-TW or en")
	fl.BoolVar(&f.allowMissing, "allow-missing-glyphs", false, "print characters no font has as empty boxes instead of failing")
	addDraftFlag(cmd, &f.draft)
	fl.BoolVar(&f.systemFonts, "system-fonts", false, "take characters the fonts lack from CJK fonts installed here (output then depends on them)")
	fl.StringVar(&f.fonts.config.Font, "font", "", "TrueType font for text, .ttf or name.ttc#N (default: the embedded TW-Kai)")
	fl.StringVar(&f.fonts.config.Bold, "font-bold", "", "TrueType font for bold text (default: the regular font, emboldened)")
	fl.StringVar(&f.fonts.config.Latin, "latin-font", "", latinFontUsage)
	fl.StringArrayVar(&f.fonts.config.Fallbacks, "fallback-font", nil, "font for characters the main font lacks; repeat to add more")
	return cmd
}

// job is one output file to make.
type job struct {
	src    *source
	kind   string
	format string
	path   string // relative to the output folder, with slashes
	inputs string // sha256 of everything the file is made from
}

// source is one standard of the build.
type source struct {
	in    input
	s     *standard.Standard
	stem  string
	draft []string // problems of a standard built as a draft (--draft)
}

func runBuild(cmd *cobra.Command, f *buildFlags, args []string) error {
	start := time.Now()
	stderr := cmd.ErrOrStderr()
	kindsOnly, formatsOnly, err := parseOnly(f.only)
	if err != nil {
		return err
	}
	st, err := loadSettings(cmd)
	if err != nil {
		return err
	}
	st.applyFonts(cmd, &f.fonts)
	f.lang = st.lang(cmd, f.lang)
	if !cmd.Flags().Changed("system-fonts") && st.Fonts.System != nil {
		f.systemFonts = *st.Fonts.System
	}
	f.fonts.noSystem = !f.systemFonts
	set, err := f.fonts.load()
	if err != nil {
		return err
	}
	enc := &encoder{fonts: set, system: f.systemFonts, allowMissing: f.allowMissing}
	enc.docx.EastAsiaFont, enc.docx.ASCIIFont = st.DOCX.EastAsiaFont, st.DOCX.ASCIIFont
	opt := templates.Options{Lang: f.lang, Labels: st.Labels}
	ins, err := buildInputs(args, stderr)
	if err != nil {
		return err
	}

	failed := 0
	var srcs []*source
	stems := map[string]string{}
	for _, in := range ins {
		s, ps := parseChecked(in)
		drafted := draftOf(in, f.draft || st.Draft, &s, ps, stderr)
		if s == nil {
			failed++
			for _, p := range ps {
				fmt.Fprintln(stderr, p)
			}
			fmt.Fprintf(stderr, "%s: not built: %d errors\n", in.Name, ps.Count(standard.Error))
			continue
		}
		if f.verbose {
			for _, p := range ps {
				fmt.Fprintln(stderr, p)
			}
		}
		st := stem(s, in)
		if other, dup := stems[st]; dup {
			failed++
			fmt.Fprintf(stderr, "%s: not built: %s already makes the outputs named %s\n", in.Name, other, st)
			continue
		}
		stems[st] = in.Name
		srcs = append(srcs, &source{in: in, s: s, stem: st, draft: drafted})
	}

	base := fingerprint(f, enc, opt)
	old := readManifest(f.out)
	oldIdx := old.byPath()
	next := manifest{Generator: generator()}
	var todo []job
	for _, src := range srcs {
		for _, t := range targets {
			if len(kindsOnly) > 0 && !slices.Contains(kindsOnly, t.kind) {
				continue
			}
			for _, format := range t.formats {
				if len(formatsOnly) > 0 && !slices.Contains(formatsOnly, format) {
					continue
				}
				j := job{src: src, kind: t.kind, format: format,
					path: src.stem + "/" + src.stem + "-" + t.kind + "." + format}
				j.inputs = sum([]byte(base + "\x00" + t.kind + "\x00" + format + "\x00" + string(src.in.Data)))
				if o, ok := oldIdx[j.path]; ok && !f.force && o.Inputs == j.inputs && upToDate(f.out, o) {
					next.Outputs = append(next.Outputs, o)
					if f.verbose {
						fmt.Fprintf(stderr, "up to date %s\n", filepath.Join(f.out, j.path))
					}
					continue
				}
				todo = append(todo, j)
			}
		}
	}
	kept := len(next.Outputs)

	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bar := newProgress(stderr, len(todo), "building")
	var mu sync.Mutex
	errs := parallel(ctx, f.jobs, len(todo), func(i int) error {
		defer bar.step()
		o, err := make1(todo[i], f.out, opt, enc)
		if err != nil {
			return err
		}
		mu.Lock()
		next.Outputs = append(next.Outputs, o)
		mu.Unlock()
		if f.verbose {
			fmt.Fprintf(stderr, "wrote %s (%d bytes)\n", filepath.Join(f.out, o.Path), o.Size)
		}
		return nil
	})
	bar.done()
	failedFiles := 0
	for i, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			failedFiles++
			fmt.Fprintf(stderr, "%s: %s %s: %v\n", todo[i].src.in.Name, todo[i].kind, todo[i].format, err)
		}
	}
	removeStale(stderr, f.out, old, &next, kindsOnly, formatsOnly, f.verbose)
	if err := next.write(f.out); err != nil {
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "interrupted: %d of %d files written; run the build again to finish\n", len(next.Outputs)-kept, len(todo))
		return exitError{130}
	}
	fmt.Fprintf(stderr, "built %d files (%d up to date) from %d standards into %s in %s",
		len(todo)-failedFiles, kept, len(srcs), f.out, time.Since(start).Round(time.Millisecond))
	if failed+failedFiles > 0 {
		fmt.Fprintf(stderr, "; %d standards and %d files failed\n", failed, failedFiles)
		return exitError{1}
	}
	fmt.Fprintln(stderr)
	return nil
}

// make1 makes one output file and returns its manifest entry.
func make1(j job, dir string, opt templates.Options, enc *encoder) (output, error) {
	var (
		doc *render.Document
		err error
	)
	switch j.kind {
	case "standard":
		doc, err = table.Standard(j.src.s, opt)
	case "assessment":
		doc, err = assessment.Assessment(j.src.s, assessment.AssessmentOptions{Options: opt}, nil)
	case "profile":
		doc, err = jobdesc.JobDescription(j.src.s, nil, opt)
	}
	if err != nil {
		return output{}, err
	}
	markDraft(doc, opt.Lang, j.src.draft)
	data, err := enc.encode(doc, j.format)
	if err != nil {
		return output{}, err
	}
	if err := writeFile(filepath.Join(dir, filepath.FromSlash(j.path)), data, nil); err != nil {
		return output{}, err
	}
	return output{Path: j.path, Standard: j.src.s.Code, Source: j.src.in.Name, Kind: j.kind, Format: j.format,
		Size: int64(len(data)), SHA256: sum(data), Inputs: j.inputs}, nil
}

// buildInputs reads the standards named by args, or the bundled ones.
// Other TOML files (overlays, settings) are skipped with a note on w.
func buildInputs(args []string, w io.Writer) ([]input, error) {
	if len(args) == 0 {
		var ins []input
		for _, name := range standards.Names() {
			data, err := standards.FS.ReadFile(name)
			if err != nil {
				return nil, err
			}
			ins = append(ins, input{Name: "bundled:" + name, Data: data})
		}
		return ins, nil
	}
	files, err := standard.FindFiles(args)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no standards (*.toml) found in %s", strings.Join(args, ", "))
	}
	ins := make([]input, 0, len(files))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", file, err)
		}
		if k := detectKind(file, data); k != kindStandard {
			fmt.Fprintf(w, "%s: skipped: %s, not a standard\n", file, k.describe())
			continue
		}
		ins = append(ins, input{Name: filepath.ToSlash(file), Data: data})
	}
	if len(ins) == 0 {
		return nil, fmt.Errorf("no standards (*.toml) found in %s", strings.Join(args, ", "))
	}
	return ins, nil
}

// parseChecked parses and validates in; it returns a nil standard when
// the standard has errors, with all its problems.
func parseChecked(in input) (*standard.Standard, standard.Problems) {
	s, ps := standard.CheckData(in.Name, in.Data)
	if ps.Count(standard.Error) > 0 {
		return nil, ps
	}
	return s, ps
}

// parseOnly splits --only values into kinds and formats.
func parseOnly(only []string) (kindsOnly, formatsOnly []string, err error) {
	for _, o := range only {
		o = strings.ToLower(strings.TrimSpace(o))
		switch o {
		case "standard", "assessment", "profile":
			kindsOnly = append(kindsOnly, o)
		case "pdf", "docx", "html":
			formatsOnly = append(formatsOnly, o)
		default:
			return nil, nil, fmt.Errorf("--only %q: choose kinds (standard, assessment, profile) and formats (pdf, docx, html)", o)
		}
	}
	return kindsOnly, formatsOnly, nil
}

// fingerprint is what, besides the standard itself, decides every output's
// bytes: the program, the language and labels, the fonts and
// SOURCE_DATE_EPOCH.
func fingerprint(f *buildFlags, enc *encoder, opt templates.Options) string {
	parts := []string{generator(), "lang=" + opt.Lang, "epoch=" + os.Getenv("SOURCE_DATE_EPOCH"),
		fmt.Sprintf("missing=%t system=%t", f.allowMissing, f.systemFonts),
		"docx=" + enc.docx.EastAsiaFont + "/" + enc.docx.ASCIIFont}
	for _, k := range slices.Sorted(maps.Keys(opt.Labels)) {
		parts = append(parts, "label."+k+"="+opt.Labels[k])
	}
	if strings.HasSuffix(generator(), "+dirty)") || !strings.Contains(generator(), "(") {
		parts = append(parts, "exe="+exeHash())
	}
	for _, face := range enc.fonts.Faces() {
		if face.Source == "embedded" {
			parts = append(parts, "font=embedded")
			continue
		}
		parts = append(parts, "font="+face.Source+":"+sum(face.Data))
	}
	return strings.Join(parts, "\n")
}

// exeHash hashes the running program, so that a build from modified
// sources does not trust outputs made by another program.
func exeHash() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return "unknown"
	}
	return sum(data)
}

// removeStale deletes files of the previous build that this build no
// longer makes (a standard removed or renamed), within the --only filter;
// entries outside the filter stay in the manifest.
func removeStale(w io.Writer, dir string, old manifest, next *manifest, kindsOnly, formatsOnly []string, verbose bool) {
	made := next.byPath()
	for _, o := range old.Outputs {
		if _, ok := made[o.Path]; ok {
			continue
		}
		inFilter := (len(kindsOnly) == 0 || slices.Contains(kindsOnly, o.Kind)) &&
			(len(formatsOnly) == 0 || slices.Contains(formatsOnly, o.Format))
		if !inFilter {
			next.Outputs = append(next.Outputs, o)
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(o.Path))
		if !strings.HasPrefix(filepath.Clean(p), filepath.Clean(dir)+string(filepath.Separator)) {
			continue
		}
		if err := os.Remove(p); err == nil && verbose {
			fmt.Fprintf(w, "removed %s\n", p)
		}
		os.Remove(filepath.Dir(p)) // only succeeds when empty
	}
}
