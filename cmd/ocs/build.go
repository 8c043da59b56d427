package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/render/docx"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// targets are the documents a build makes of every standard, by kind, in
// their formats.
var targets = []struct {
	kind    pipeline.Kind
	formats []pipeline.Format
}{
	{pipeline.Standard, []pipeline.Format{pipeline.PDF, pipeline.DOCX}},
	{pipeline.Assessment, []pipeline.Format{pipeline.PDF, pipeline.DOCX}},
	{pipeline.Profile, []pipeline.Format{pipeline.PDF, pipeline.DOCX, pipeline.HTML}},
}

// buildFlags are the options of `ocs build`.
type buildFlags struct {
	out            string
	docxEmbed      bool   // DOCX files carry their fonts
	reference      string // DOCX reference document
	brand          brandFlags
	only           []string
	jobs           int
	verbose, force bool
	lang           string
	allowMissing   bool
	systemFonts    bool
	draft          bool
	fonts          fontFlags
}

func newBuildCmd(e *env, d flagDefs) *cobra.Command {
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
and fonts are the embedded ones unless given (system fonts only with --system-fonts).

Only one build writes a folder at a time (a lock file, .ocs-build.lock, holds the PID of
the build). Files are made atomically and the manifest is written last. A build never
writes or deletes through a symbolic link, and deletes only files of the previous manifest
that still have the content it recorded. Ctrl-C stops the build after the files in flight;
a second Ctrl-C stops it at once. Folder names come from codes, made safe as file names.`,
		Example: `  ocs build                       # the bundled standards into dist/
  ocs build standards/ -o public/ # a library of standards
  ocs build --only pdf,standard   # only the standard tables, only as PDF`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBuild(cmd, e, &f, args)
		},
	}
	d.add(cmd, func() {
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
		addDocxEmbedFlag(cmd, &f.docxEmbed)
		addReferenceFlag(cmd, &f.reference)
		addBrandFlags(cmd, &f.brand)
	})
	return cmd
}

// builder is one run of `ocs build`: its settings and where it reports.
type builder struct {
	f      *buildFlags
	enc    *pipeline.Encoder
	opt    pipeline.Options
	base   string // fingerprint of everything but the standard
	stderr io.Writer
	only   filter
}

// job is one output file to make.
type job struct {
	src    *source
	kind   pipeline.Kind
	format pipeline.Format
	path   string // relative to the output folder, with slashes
	inputs string // sha256 of everything the file is made from
}

// source is one standard of the build.
type source struct {
	in    pipeline.Source
	s     *standard.Standard
	stem  string
	draft []string // problems of a standard built as a draft (--draft)
}

func runBuild(cmd *cobra.Command, e *env, f *buildFlags, args []string) error {
	start := time.Now()
	b, err := newBuilder(cmd, e, f)
	if err != nil {
		return err
	}
	ins, err := buildInputs(args)
	if err == nil {
		ins, err = standardsOnly(ins, args, cmd.ErrOrStderr())
	}
	if err != nil {
		return err
	}
	srcs, failed := b.check(ins)
	unlock, err := lockOutput(f.out)
	if err != nil {
		return err
	}
	defer unlock()
	old := readManifest(f.out)
	todo, next := b.plan(srcs, old)
	kept := len(next.Outputs)
	made, failedFiles := b.run(cmd.Context(), todo)
	next.Outputs = append(next.Outputs, made...)
	b.removeStale(old, &next)
	ctx := cmd.Context()
	if err := next.write(f.out); err != nil {
		fmt.Fprintf(b.stderr, "ocs: %s of %d written to %s, but not the manifest: %v; run the build again\n",
			plural(len(made), "file"), len(todo), f.out, err)
		return exitError{1}
	}
	if ctx.Err() != nil {
		return interrupted(ctx, b.stderr, fmt.Sprintf("%d of %d files written; run the build again to finish", len(made), len(todo)))
	}
	fmt.Fprintf(b.stderr, "built %s (%d up to date) from %s into %s in %s",
		plural(len(made), "file"), kept, plural(len(srcs), "standard"), f.out, time.Since(start).Round(time.Millisecond))
	if failed+failedFiles > 0 {
		fmt.Fprintf(b.stderr, "; %s and %s failed\n", plural(failed, "standard"), plural(failedFiles, "file"))
		return exitError{1}
	}
	fmt.Fprintln(b.stderr)
	return nil
}

// newBuilder resolves the flags, settings and environment of a build.
func newBuilder(cmd *cobra.Command, e *env, f *buildFlags) (*builder, error) {
	date, err := e.documentDate()
	if err != nil {
		return nil, err
	}
	b := &builder{f: f, stderr: cmd.ErrOrStderr()}
	if b.only, err = parseOnly(f.only); err != nil {
		return nil, err
	}
	st, err := loadSettings(cmd)
	if err != nil {
		return nil, err
	}
	st.applyFonts(cmd, &f.fonts)
	f.lang = st.lang(cmd, f.lang)
	if !cmd.Flags().Changed("system-fonts") && st.Fonts.System != nil {
		f.systemFonts = *st.Fonts.System
	}
	f.fonts.noSystem = !f.systemFonts
	set, err := f.fonts.load()
	if err != nil {
		return nil, err
	}
	cfg := pipeline.EncoderConfig{Fonts: set, System: f.systemFonts, AllowMissing: f.allowMissing,
		DOCX: docx.Options{EastAsiaFont: st.DOCX.EastAsiaFont, ASCIIFont: st.DOCX.ASCIIFont}}
	if err := setupDocx(cmd, &cfg.DOCX, set, f.docxEmbed, f.reference, st); err != nil {
		return nil, err
	}
	if cfg.Brand, err = f.brand.brand(cmd, st); err != nil {
		return nil, err
	}
	if b.enc, err = pipeline.NewEncoder(cfg); err != nil {
		return nil, err
	}
	b.opt.Assessment.Options = templates.Options{Lang: f.lang, Labels: st.Labels, Date: date}
	f.draft = f.draft || st.Draft
	b.base = fingerprint(b.enc, b.opt.Common(), e.epoch)
	return b, nil
}

// check parses and validates every input, reports the standards with
// errors, and gives the others safe, unique output stems.
func (b *builder) check(ins []pipeline.Source) (srcs []*source, failed int) {
	for _, in := range ins {
		s, ps, err := pipeline.Load(in)
		if d, lines := draftOf(in, b.f.draft, err, b.stderr); d != nil {
			srcs = append(srcs, &source{in: in, s: d, draft: lines})
			continue
		}
		if err != nil {
			failed++
			var all standard.Problems
			if errors.As(err, &all) {
				for _, p := range all {
					fmt.Fprintln(b.stderr, p)
				}
				fmt.Fprintf(b.stderr, "%s: not built: %s\n", in.Name, plural(all.Count(standard.Error), "error"))
			} else {
				fmt.Fprintf(b.stderr, "%s: not built: %v\n", in.Name, err)
			}
			continue
		}
		if b.f.verbose {
			for _, p := range ps {
				fmt.Fprintln(b.stderr, p)
			}
		}
		srcs = append(srcs, &source{in: in, s: s})
	}
	names := make([]string, len(srcs))
	for i, src := range srcs {
		names[i] = pipeline.RawStem(src.s, src.in)
	}
	for i, st := range pipeline.SafeNames(names, []string{manifestName, lockName}) {
		srcs[i].stem = st
	}
	return srcs, failed
}

// plan lists the files to make and starts the next manifest with the
// files of the old one that are up to date.
func (b *builder) plan(srcs []*source, old manifest) ([]job, manifest) {
	oldIdx := old.byPath()
	next := manifest{Generator: generator()}
	var todo []job
	for _, src := range srcs {
		for _, t := range targets {
			for _, format := range t.formats {
				if !b.only.has(string(t.kind), string(format)) {
					continue
				}
				j := job{src: src, kind: t.kind, format: format,
					path: src.stem + "/" + src.stem + "-" + string(t.kind) + "." + string(format)}
				j.inputs = sum([]byte(b.base + "\x00" + string(t.kind) + "\x00" + string(format) + "\x00" + string(src.in.Data)))
				if o, ok := oldIdx[j.path]; ok && !b.f.force && o.Inputs == j.inputs && upToDate(b.f.out, o) {
					next.Outputs = append(next.Outputs, o)
					if b.f.verbose {
						fmt.Fprintf(b.stderr, "up to date %s\n", filepath.Join(b.f.out, j.path))
					}
					continue
				}
				todo = append(todo, j)
			}
		}
	}
	return todo, next
}

// run makes the files of todo in parallel and returns the manifest
// entries of those made and the number that failed. After ctx is
// cancelled no new file starts and files in flight are not written.
func (b *builder) run(ctx context.Context, todo []job) ([]output, int) {
	bar := newProgress(b.stderr, len(todo), "building")
	var (
		mu   sync.Mutex
		made []output
	)
	errs := parallel(ctx, b.f.jobs, len(todo), func(i int) error {
		defer bar.step()
		o, err := b.make1(ctx, todo[i])
		if err != nil {
			return err
		}
		mu.Lock()
		made = append(made, o)
		mu.Unlock()
		if b.f.verbose {
			fmt.Fprintf(b.stderr, "wrote %s (%s)\n", filepath.Join(b.f.out, o.Path), plural(int(o.Size), "byte"))
		}
		return nil
	})
	bar.done()
	failed := 0
	for i, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			failed++
			fmt.Fprintf(b.stderr, "%s: %s %s: %v\n", todo[i].src.in.Name, todo[i].kind, todo[i].format, err)
		}
	}
	return made, failed
}

// make1 makes one output file and returns its manifest entry.
func (b *builder) make1(ctx context.Context, j job) (output, error) {
	opt := b.opt
	opt.Draft = j.src.draft
	res, err := b.enc.Render(ctx, j.src.s, j.kind, opt, j.format)
	if err != nil {
		return output{}, err
	}
	if b.f.verbose {
		warnTo(b.stderr, res.Warnings)
	}
	path, err := insideFolder(b.f.out, j.path)
	if err != nil {
		return output{}, err
	}
	if err := ctx.Err(); err != nil {
		return output{}, err
	}
	if err := writeFile(path, res.Data, nil); err != nil {
		return output{}, err
	}
	return output{Path: j.path, Standard: j.src.s.Code, Source: j.src.in.Name, Kind: string(j.kind), Format: string(j.format),
		Size: int64(len(res.Data)), SHA256: sum(res.Data), Inputs: j.inputs}, nil
}

// warnTo prints encoder warnings to w.
func warnTo(w io.Writer, warnings []string) {
	for _, m := range warnings {
		fmt.Fprintln(w, "warning:", m)
	}
}

// removeStale deletes files of the previous build that this build no
// longer makes (a standard removed or renamed), within the --only filter;
// entries outside the filter stay in the manifest. It deletes a file only
// when it is inside the output folder with no symbolic link on the way and
// still has the sha256 the old manifest recorded; other files are kept and
// named.
func (b *builder) removeStale(old manifest, next *manifest) {
	made := next.byPath()
	for _, o := range old.Outputs {
		if _, ok := made[o.Path]; ok {
			continue
		}
		if !b.only.has(o.Kind, o.Format) {
			next.Outputs = append(next.Outputs, o)
			continue
		}
		p, err := insideFolder(b.f.out, o.Path)
		if err != nil {
			fmt.Fprintf(b.stderr, "kept %s (listed by the old manifest): %v\n", o.Path, err)
			continue
		}
		if !upToDate(b.f.out, o) {
			if _, err := os.Lstat(p); err == nil {
				fmt.Fprintf(b.stderr, "kept %s: it changed since ocs wrote it\n", p)
			}
			continue
		}
		if err := os.Remove(p); err == nil && b.f.verbose {
			fmt.Fprintf(b.stderr, "removed %s\n", p)
		}
		os.Remove(filepath.Dir(p)) // only succeeds when empty
	}
}
