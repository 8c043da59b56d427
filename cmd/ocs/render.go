package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/render/docx"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

// renderFlags are the options of `ocs render`.
type renderFlags struct {
	out, format, lang, labels string
	landscape, allowMissing   bool
	docxEmbed                 bool   // DOCX carries its fonts
	reference                 string // DOCX reference document
	brand                     brandFlags
	eastAsia, ascii           string
	fonts                     fontFlags

	// assessment
	config, scope, parts string
	points               int
	roster               string
	combine              bool
	jobs                 int
	// jobdesc
	overlay string
	draft   bool
}

func newRenderCmd(e *env, d flagDefs) *cobra.Command {
	var f renderFlags
	cmd := &cobra.Command{
		Use:   "render KIND [FILE|CODE]",
		Short: "Render a standard as a document: standard, assessment or jobdesc",
		Long: `Render one document from a standard, given as a TOML file or as the code of a bundled
standard (e.g. THM2431-001v1).

KIND is one of:
  standard     the official-format standard table
  assessment   the assessor's pack; --roster makes one set per candidate
  jobdesc      a job description (with --overlay) or an occupation profile

The format comes from -f, or from the extension of -o (.pdf, .docx, .html, .txt);
-f and the extension of -o must agree. Without -o the output goes next to the input,
named after the document kind; -o - writes to standard output (PDF and DOCX only when
it is not a terminal). Files are written atomically: an error or Ctrl-C never leaves a
partial file. The standard is validated first: errors refuse to render, warnings are
printed and rendering goes on. Flags win over the settings file and --config.`,
		Example: `  ocs render standard THM2431-001v1 -o thm.pdf
  ocs render standard my.toml -f docx
  ocs render assessment my.toml --scope T1,T3.2 --points 5 -o forms.pdf
  ocs render assessment my.toml --roster cohort.csv -o forms/
  ocs render assessment my.toml --roster cohort.csv --combine -o cohort.pdf
  ocs render jobdesc --overlay examples/company-overlay.toml -o job.html`,
		Args:      cobra.RangeArgs(1, 2),
		ValidArgs: []string{"standard", "assessment", "jobdesc"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRender(cmd, e, &f, args)
		},
	}
	d.add(cmd, func() {
		fl := cmd.Flags()
		fl.StringVarP(&f.out, "output", "o", "", "output file (or folder with --roster); - for standard output")
		fl.StringVarP(&f.format, "format", "f", "", "output format: pdf, docx, html or txt (default: from -o, else pdf)")
		fl.StringVar(&f.lang, "lang", "zh-TW", "label language: zh-TW or en")
		fl.StringVar(&f.labels, "labels", "", "TOML file of label overrides (key = \"wording\")")
		fl.BoolVar(&f.landscape, "landscape", false, "A4 landscape instead of portrait (--landscape=false overrides --config)")
		fl.BoolVar(&f.allowMissing, "allow-missing-glyphs", false, "print characters no font has as empty boxes instead of failing")
		fl.StringVar(&f.eastAsia, "docx-east-asia-font", "", "DOCX: name of the Chinese font (default 標楷體)")
		fl.StringVar(&f.ascii, "docx-ascii-font", "", "DOCX: name of the Latin font")
		addDocxEmbedFlag(cmd, &f.docxEmbed)
		addReferenceFlag(cmd, &f.reference)
		addBrandFlags(cmd, &f.brand)
		addFontFlags(cmd, &f.fonts)
		addDraftFlag(cmd, &f.draft)
		fl.StringVar(&f.config, "config", "", "assessment: settings file (TOML: scope, parts, scale, methods, labels)")
		fl.StringVar(&f.scope, "scope", "", "assessment: duties and tasks to assess, e.g. T1,T3.2 (default: all)")
		fl.StringVar(&f.parts, "parts", "", "assessment: parts to print, e.g. cover,checklist,result (default: all)")
		fl.IntVar(&f.points, "points", 0, "assessment: rating scale of N points (e.g. 5) instead of 達成/未達成; 0 = 達成/未達成")
		fl.StringVar(&f.roster, "roster", "", "assessment: CSV of candidates; one form set each, pre-filled")
		fl.BoolVar(&f.combine, "combine", false, "assessment: with --roster, one file for the whole cohort")
		fl.IntVarP(&f.jobs, "jobs", "j", 0, "assessment: parallel workers for a roster (default: number of CPUs)")
		fl.StringVar(&f.overlay, "overlay", "", "jobdesc: company overlay TOML (pay, place, contact…); without it, an occupation profile")
	})
	return cmd
}

// renderJob is what `ocs render` was asked to make, resolved from flags,
// settings and inputs.
type renderJob struct {
	kind   pipeline.Kind
	src    pipeline.Source
	s      *standard.Standard
	opt    pipeline.Options
	format pipeline.Format
	enc    *pipeline.Encoder
	// quiet drops the encoder's warnings: the characters no font has were
	// reported already, at their lines in the standard.
	quiet bool
}

func runRender(cmd *cobra.Command, e *env, f *renderFlags, args []string) error {
	if f.roster == "" {
		oneDocument()
	}
	date, err := e.documentDate()
	if err != nil {
		return err
	}
	st, err := loadSettings(cmd)
	if err != nil {
		return err
	}
	f.applySettings(cmd, st)
	j := &renderJob{}
	if j.kind, err = f.kind(args[0]); err != nil {
		return err
	}
	if j.format, err = f.outputFormat(cmd); err != nil {
		return err
	}
	if j.opt.Overlay, err = f.loadOverlay(); err != nil {
		return err
	}
	if j.src, err = f.source(cmd, args, j.opt.Overlay); err != nil {
		return err
	}
	if j.s, err = load(cmd, j.src); err != nil {
		if j.s, j.opt.Draft = draftOf(j.src, f.draft || st.Draft, err, cmd.ErrOrStderr()); j.s == nil {
			return err
		}
		if f.roster != "" {
			return fmt.Errorf("%s has errors: a roster is never rendered from a draft; fix the errors (ocs check %s)", j.src.Name, j.src.Name)
		}
	}
	if j.opt.Assessment, err = f.assessmentOptions(cmd, st.Labels, date); err != nil {
		return err
	}
	if j.enc, j.quiet, err = f.encoder(cmd, st, j.s, j.format); err != nil {
		return err
	}
	if f.roster != "" {
		return renderRoster(cmd, j, f)
	}
	return renderOne(cmd, j, f.out)
}

// applySettings fills the flags the user did not give from the settings
// file: fonts, language and DOCX font names.
func (f *renderFlags) applySettings(cmd *cobra.Command, st *settings) {
	st.applyFonts(cmd, &f.fonts)
	f.lang = st.lang(cmd, f.lang)
	if !cmd.Flags().Changed("docx-east-asia-font") && st.DOCX.EastAsiaFont != "" {
		f.eastAsia = st.DOCX.EastAsiaFont
	}
	if !cmd.Flags().Changed("docx-ascii-font") && st.DOCX.ASCIIFont != "" {
		f.ascii = st.DOCX.ASCIIFont
	}
}

// kind checks the document kind and the flags that only one kind takes.
func (f *renderFlags) kind(arg string) (pipeline.Kind, error) {
	k, err := pipeline.ParseKind(arg)
	if err != nil || k == pipeline.Profile {
		return "", fmt.Errorf("unknown document kind %q (choose one of standard, assessment, jobdesc)", arg)
	}
	if f.roster != "" && k != pipeline.Assessment {
		return "", errors.New("--roster works with the assessment kind only")
	}
	if f.overlay != "" && k != pipeline.JobDesc {
		return "", errors.New("--overlay works with the jobdesc kind only")
	}
	return k, nil
}

// loadOverlay reads the --overlay file, if any.
func (f *renderFlags) loadOverlay() (*jobdesc.Overlay, error) {
	if f.overlay == "" {
		return nil, nil
	}
	ov, err := jobdesc.LoadOverlay(f.overlay)
	if err != nil {
		return nil, contentError{err}
	}
	return ov, nil
}

// source reads the standard named on the command line, or else by the
// overlay.
func (f *renderFlags) source(cmd *cobra.Command, args []string, ov *jobdesc.Overlay) (pipeline.Source, error) {
	arg := ""
	if len(args) == 2 {
		arg = args[1]
	} else if ov != nil {
		arg = ov.Standard
		if p, ok := ov.StandardPath(); ok {
			arg = p
		}
	}
	if arg == "" {
		return pipeline.Source{}, fmt.Errorf("name the standard: a TOML file, - for standard input, or a bundled code (%s)", strings.Join(standards.Codes(), ", "))
	}
	return pipeline.OpenLimit(arg, maxInput(cmd), cmd.InOrStdin())
}

// load parses and validates src, printing its warnings.
func load(cmd *cobra.Command, src pipeline.Source) (*standard.Standard, error) {
	s, ps, err := pipeline.Load(src)
	if err != nil {
		return nil, err
	}
	printProblems(cmd, ps, standard.Warning)
	return s, nil
}

// printProblems writes the problems of severity sev or worse to stderr.
func printProblems(cmd *cobra.Command, ps standard.Problems, sev standard.Severity) {
	for _, p := range ps {
		if p.Severity <= sev {
			fmt.Fprintln(cmd.ErrOrStderr(), p)
		}
	}
}

// assessmentOptions resolves the template options. From weakest to
// strongest: the defaults, the settings file, the --config file, the
// flags the user gave (--labels among them). Only a flag given on the
// command line wins, so "--lang zh-TW" overrides a file saying "en" and
// "--landscape=false" one saying landscape.
func (f *renderFlags) assessmentOptions(cmd *cobra.Command, settingsLabels map[string]string, date time.Time) (assessment.AssessmentOptions, error) {
	fl := cmd.Flags()
	var a assessment.AssessmentOptions
	if f.config != "" {
		c, err := assessment.LoadAssessmentConfig(f.config)
		if err != nil {
			return a, contentError{err}
		}
		a = c
	}
	if fl.Changed("lang") || a.Lang == "" {
		a.Lang = f.lang // the flag, else the settings file, else the default
	}
	if fl.Changed("landscape") {
		a.Landscape = f.landscape
	}
	labels := map[string]string{}
	for _, m := range []map[string]string{settingsLabels, a.Labels} {
		for k, v := range m {
			labels[k] = v
		}
	}
	if f.labels != "" {
		data, err := os.ReadFile(f.labels)
		if err != nil {
			return a, fmt.Errorf("read labels: %w", err)
		}
		l, err := pipeline.ParseLabels(f.labels, data)
		if err != nil {
			return a, contentError{err}
		}
		for k, v := range l {
			labels[k] = v
		}
	}
	a.Labels = labels
	a.Date = date
	if fl.Changed("scope") {
		a.Scope = splitList(f.scope)
	}
	if fl.Changed("parts") {
		a.Parts = splitList(f.parts)
	}
	if fl.Changed("points") {
		a.Scale = assessment.Scale{Points: f.points}
	}
	return a, nil
}

// splitList splits "a, b,c" into its items.
func splitList(s string) []string {
	var out []string
	for _, x := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		out = append(out, strings.TrimSpace(x))
	}
	return out
}

// outputFormat is the format of the output: from -f, else from the name
// of -o (a roster's folder says nothing, so PDF). Binary formats are not
// written to a terminal.
func (f *renderFlags) outputFormat(cmd *cobra.Command) (pipeline.Format, error) {
	out := f.out
	if f.roster != "" && !f.combine {
		out = "" // a folder: the format comes from -f, else PDF
	}
	format, err := pipeline.FormatOf(f.format, out)
	if err != nil {
		return "", err
	}
	if f.out == "-" && format.Binary() && isTerminal(cmd.OutOrStdout()) {
		return "", fmt.Errorf("-o - would write %s to the terminal: redirect it (-o - > file.%s) or name a file with -o", strings.ToUpper(string(format)), format)
	}
	return format, nil
}

// encoder loads the fonts and makes the encoder. For a PDF it first checks
// every character of the standard, so that one no font has is reported at
// its field and line in the TOML file; reported says it printed some
// (allowed as empty boxes).
func (f *renderFlags) encoder(cmd *cobra.Command, st *settings, s *standard.Standard, format pipeline.Format) (enc *pipeline.Encoder, reported bool, err error) {
	set, err := f.fonts.load()
	if err != nil {
		return nil, false, err
	}
	cfg := pipeline.EncoderConfig{Fonts: set, System: !f.fonts.noSystem, AllowMissing: f.allowMissing,
		DOCX: docx.Options{EastAsiaFont: f.eastAsia, ASCIIFont: f.ascii}}
	if cfg.Brand, err = f.brand.brand(cmd, st); err != nil {
		return nil, false, err
	}
	if format == pipeline.DOCX {
		if err := setupDocx(cmd, &cfg.DOCX, set, f.docxEmbed, f.reference, st); err != nil {
			return nil, false, err
		}
	}
	enc, err = pipeline.NewEncoder(cfg)
	if err != nil || format != pipeline.PDF {
		return enc, false, err
	}
	ps := enc.FontProblems(s)
	if len(ps.Errors()) > 0 {
		return nil, false, ps
	}
	printProblems(cmd, ps, standard.Warning)
	missing := slices.ContainsFunc(ps, func(p standard.Problem) bool { return p.Rule == pipeline.RuleFont })
	return enc, missing, nil
}

// renderOne makes one document and writes it.
func renderOne(cmd *cobra.Command, j *renderJob, out string) error {
	res, err := j.enc.Render(cmd.Context(), j.s, j.kind, j.opt, j.format)
	printProblems(cmd, res.Problems, standard.Warning)
	if err != nil {
		return err
	}
	if !j.quiet {
		warnTo(cmd.ErrOrStderr(), res.Warnings)
	}
	if out == "" {
		out = defaultOutput(j.src, j.s, pipeline.Suffix(j.kind, j.opt), j.format)
	}
	if err := writeFile(out, res.Data, cmd.OutOrStdout()); err != nil {
		return err
	}
	if out != "-" {
		fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s (%s)\n", out, plural(len(res.Data), "byte"))
	}
	return nil
}

// defaultOutput names the output next to the input file (in the current
// folder for a bundled standard): "THM2431-001v1-standard.pdf".
func defaultOutput(src pipeline.Source, s *standard.Standard, suffix string, format pipeline.Format) string {
	name := pipeline.Stem(s, src) + "-" + suffix + "." + string(format)
	if src.IsBundled() {
		return name
	}
	return filepath.Join(filepath.Dir(src.Name), name)
}
