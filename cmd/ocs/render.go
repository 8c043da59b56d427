package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
	"github.com/ocs-project/ocs/templates/table"
)

func init() { commands = append(commands, newRenderCmd) }

// renderFlags are the options of `ocs render`.
type renderFlags struct {
	out, format, lang, labels string
	landscape, allowMissing   bool
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

func newRenderCmd() *cobra.Command {
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

The format comes from -f, or from the extension of -o (.pdf, .docx, .html, .txt).
Without -o the output goes next to the input, named after the document kind;
-o - writes to standard output. Files are written atomically: an error never
leaves a partial file. The standard is validated first: errors refuse to
render, warnings are printed and rendering goes on.`,
		Example: `  ocs render standard THM2431-001v1 -o thm.pdf
  ocs render standard my.toml -f docx
  ocs render assessment my.toml --scope T1,T3.2 --points 5 -o forms.pdf
  ocs render assessment my.toml --roster cohort.csv -o forms/
  ocs render assessment my.toml --roster cohort.csv --combine -o cohort.pdf
  ocs render jobdesc --overlay examples/company-overlay.toml -o job.html`,
		Args:      cobra.RangeArgs(1, 2),
		ValidArgs: kinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRender(cmd, &f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "output", "o", "", "output file (or folder with --roster); - for standard output")
	fl.StringVarP(&f.format, "format", "f", "", "output format: pdf, docx, html or txt (default: from -o, else pdf)")
	fl.StringVar(&f.lang, "lang", "zh-TW", "label language: zh-TW or en")
	fl.StringVar(&f.labels, "labels", "", "TOML file of label overrides (key = \"wording\")")
	fl.BoolVar(&f.landscape, "landscape", false, "A4 landscape instead of portrait")
	fl.BoolVar(&f.allowMissing, "allow-missing-glyphs", false, "print characters no font has as empty boxes instead of failing")
	fl.StringVar(&f.eastAsia, "docx-east-asia-font", "", "DOCX: name of the Chinese font (default 標楷體)")
	fl.StringVar(&f.ascii, "docx-ascii-font", "", "DOCX: name of the Latin font")
	addFontFlags(cmd, &f.fonts)
	fl.StringVar(&f.config, "config", "", "assessment: settings file (TOML: scope, parts, scale, methods, labels)")
	fl.StringVar(&f.scope, "scope", "", "assessment: duties and tasks to assess, e.g. T1,T3.2 (default: all)")
	fl.StringVar(&f.parts, "parts", "", "assessment: parts to print, e.g. cover,checklist,result (default: all)")
	fl.IntVar(&f.points, "points", 0, "assessment: rating scale of N points (e.g. 5) instead of 達成/未達成")
	fl.StringVar(&f.roster, "roster", "", "assessment: CSV of candidates; one form set each, pre-filled")
	fl.BoolVar(&f.combine, "combine", false, "assessment: with --roster, one file for the whole cohort")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "assessment: parallel workers for a roster (default: number of CPUs)")
	fl.StringVar(&f.overlay, "overlay", "", "jobdesc: company overlay TOML (pay, place, contact…); without it, an occupation profile")
	addDraftFlag(cmd, &f.draft)
	return cmd
}

func runRender(cmd *cobra.Command, f *renderFlags, args []string) error {
	st, err := loadSettings(cmd)
	if err != nil {
		return err
	}
	st.applyFonts(cmd, &f.fonts)
	f.lang = st.lang(cmd, f.lang)
	if !cmd.Flags().Changed("docx-east-asia-font") && st.DOCX.EastAsiaFont != "" {
		f.eastAsia = st.DOCX.EastAsiaFont
	}
	if !cmd.Flags().Changed("docx-ascii-font") && st.DOCX.ASCIIFont != "" {
		f.ascii = st.DOCX.ASCIIFont
	}
	kind := args[0]
	if !slices.Contains(kinds, kind) {
		return fmt.Errorf("unknown document kind %q (choose one of %s)", kind, strings.Join(kinds, ", "))
	}
	if f.roster != "" && kind != "assessment" {
		return fmt.Errorf("--roster works with the assessment kind only")
	}
	if f.overlay != "" && kind != "jobdesc" {
		return fmt.Errorf("--overlay works with the jobdesc kind only")
	}

	var ov *jobdesc.Overlay
	if f.overlay != "" {
		if ov, err = jobdesc.LoadOverlay(f.overlay); err != nil {
			return err
		}
	}
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
		return fmt.Errorf("name the standard: a TOML file or a bundled code (%s)", strings.Join(bundledCodes(), ", "))
	}
	in, err := readInput(arg)
	if err != nil {
		return err
	}
	s, drafted, err := loadDraftable(in, cmd.ErrOrStderr(), f.draft || st.Draft)
	if err == nil && len(drafted) > 0 && f.roster != "" {
		err = fmt.Errorf("%s has errors: a roster is never rendered from a draft; fix the errors (ocs check %s)", in.Name, in.Name)
	}
	if err != nil {
		return err
	}

	opt, err := f.options(st.Labels)
	if err != nil {
		return err
	}
	outFile := f.out
	if f.roster != "" && !f.combine {
		outFile = "" // a folder: the format comes from -f, else PDF
	}
	format, err := formatOf(f.format, outFile)
	if err != nil {
		return err
	}
	set, err := f.fonts.load()
	if err != nil {
		return err
	}
	enc := &encoder{fonts: set, system: !f.fonts.noSystem, allowMissing: f.allowMissing, warn: cmd.ErrOrStderr()}
	if format == "pdf" {
		// Check the standard first, so that a missing character is
		// reported at its field and line in the TOML file.
		if ps := enc.missing(s); len(ps) > 0 {
			if !f.allowMissing {
				return ps
			}
			for _, p := range ps {
				fmt.Fprintln(cmd.ErrOrStderr(), p)
			}
			enc.warn = nil // said once is enough
		}
	}
	enc.docx.EastAsiaFont, enc.docx.ASCIIFont = f.eastAsia, f.ascii

	if f.roster != "" {
		aopt, err := f.assessmentOptions(opt)
		if err != nil {
			return err
		}
		return renderRoster(cmd, s, in, aopt, f, format, enc)
	}

	var doc *render.Document
	suffix := kind
	switch kind {
	case "standard":
		doc, err = table.Standard(s, opt)
	case "assessment":
		var aopt assessment.AssessmentOptions
		if aopt, err = f.assessmentOptions(opt); err == nil {
			doc, err = assessment.Assessment(s, aopt, nil)
		}
	case "jobdesc":
		if ov != nil {
			ps := ov.Validate(s)
			if len(ps.Errors()) > 0 {
				return ps.Errors()
			}
			for _, p := range ps {
				fmt.Fprintln(cmd.ErrOrStderr(), p)
			}
		} else {
			suffix = "profile"
		}
		doc, err = jobdesc.JobDescription(s, ov, opt)
	}
	if err != nil {
		return err
	}
	markDraft(doc, f.lang, drafted)
	data, err := enc.encode(doc, format)
	if err != nil {
		return err
	}
	out := f.out
	if out == "" {
		out = defaultOutput(in, s, suffix, format)
	}
	if err := writeFile(out, data, cmd.OutOrStdout()); err != nil {
		return err
	}
	if out != "-" {
		fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s (%d bytes)\n", out, len(data))
	}
	return nil
}

// options returns the template options common to every kind: the
// settings file's labels, overridden by those of --labels.
func (f *renderFlags) options(labels map[string]string) (templates.Options, error) {
	opt := templates.Options{Lang: f.lang, Landscape: f.landscape, Labels: map[string]string{}}
	for k, v := range labels {
		opt.Labels[k] = v
	}
	if f.labels != "" {
		l, err := readLabels(f.labels)
		if err != nil {
			return opt, err
		}
		for k, v := range l {
			opt.Labels[k] = v
		}
	}
	return opt, nil
}

// assessmentOptions combines the settings file with the flags; flags win.
func (f *renderFlags) assessmentOptions(base templates.Options) (assessment.AssessmentOptions, error) {
	var a assessment.AssessmentOptions
	if f.config != "" {
		c, err := assessment.LoadAssessmentConfig(f.config)
		if err != nil {
			return a, err
		}
		a = c
		if a.Lang == "" || f.lang != "zh-TW" {
			a.Lang = base.Lang
		}
		a.Landscape = a.Landscape || base.Landscape
		if a.Labels == nil {
			a.Labels = map[string]string{}
		}
		for k, v := range base.Labels {
			a.Labels[k] = v
		}
	} else {
		a.Options = base
	}
	if f.scope != "" {
		a.Scope = splitList(f.scope)
	}
	if f.parts != "" {
		a.Parts = splitList(f.parts)
	}
	if f.points != 0 {
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

// readLabels reads a TOML file of label overrides (see
// templates.LoadLabelFile).
func readLabels(path string) (map[string]string, error) {
	return templates.LoadLabelFile(path)
}

// defaultOutput names the output next to the input file (in the current
// folder for a bundled standard): "THM2431-001v1-standard.pdf".
func defaultOutput(in input, s *standard.Standard, suffix, format string) string {
	name := stem(s, in) + "-" + suffix + "." + format
	if strings.HasPrefix(in.Name, "bundled:") {
		return name
	}
	return filepath.Join(filepath.Dir(in.Name), name)
}

// bundledCodes lists the bundled standards for messages.
func bundledCodes() []string { return standards.Codes() }
