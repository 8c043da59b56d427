package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/ocs-project/ocs/diff"
	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/render/docx"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/redline"
)

// diffFlags are the options of `ocs diff`.
type diffFlags struct {
	format, out, colour string
	assessment          bool
	lang                string
	landscape           bool
	allowMissing        bool
	fonts               fontFlags
}

func newDiffCmd(d flagDefs) *cobra.Command {
	var f diffFlags
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two versions of a standard",
		Long: `Compare two versions of a standard (TOML files or bundled codes) as models: items are
matched by code, and by text where codes were renumbered, so a task moved from T2.3
to T3.1 is a move, not a deletion and an addition.

Formats (-f):
  text   one line per change, reworded characters marked (default; colour on a terminal)
  json   the change list for scripts and CI (see README, "ocs diff")
  pdf, docx, html, txt
         a redline for reviewers: a summary of changes, then the new standard
         table with insertions underlined and deletions struck through
         (DOCX: tracked changes Word can accept or reject)

--assessment lists instead the assessment items (checklist rows, knowledge
questions, skills items, attitude rows) that are new, gone or changed.

Exit status: 0 the standards are the same, 1 they differ, 2 trouble. With
--assessment: 0 when no assessment item changed, 1 when some did.`,
		Example: `  ocs diff old.toml new.toml
  ocs diff BAS1219-002v4 draft.toml --format json
  ocs diff old.toml new.toml -f docx -o changes.docx
  ocs diff --assessment old.toml new.toml`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			code, err := runDiff(cmd, &f, args)
			if err != nil {
				fmt.Fprintln(cmd.ErrOrStderr(), "ocs diff:", err)
				return exitError{2}
			}
			if code != 0 {
				return exitError{code}
			}
			return nil
		},
	}
	d.add(cmd, func() {
		fl := cmd.Flags()
		fl.StringVarP(&f.format, "format", "f", "", "text, json, or a redline: pdf, docx, html, txt (default: from -o (.txt is the report), else text)")
		fl.StringVarP(&f.out, "output", "o", "", "output file; - or none for standard output (text and json)")
		fl.StringVar(&f.colour, "color", "auto", "colour the text report: auto (on a terminal), always or never")
		fl.BoolVar(&f.assessment, "assessment", false, "list the assessment items that are new, gone or changed")
		fl.StringVar(&f.lang, "lang", "zh-TW", "redline label language: zh-TW or en")
		fl.BoolVar(&f.landscape, "landscape", false, "redline: A4 landscape instead of portrait")
		fl.BoolVar(&f.allowMissing, "allow-missing-glyphs", false, "redline PDF: print characters no font has as empty boxes instead of failing")
		addFontFlags(cmd, &f.fonts)
	})
	return cmd
}

// runDiff compares the two standards and writes the report; it returns the
// exit status (0 same, 1 different) or an error (exit status 2).
func runDiff(cmd *cobra.Command, f *diffFlags, args []string) (int, error) {
	format := strings.ToLower(f.format)
	if format == "" {
		format = "text"
		if strings.HasSuffix(strings.ToLower(f.out), ".json") {
			format = "json"
		} else if f.out != "" && f.out != "-" {
			ff, err := pipeline.FormatOf("", f.out)
			if err != nil {
				return 0, err
			}
			format = string(ff)
		}
	}
	if format == "txt" && f.format == "" {
		format = "text" // -o FILE.txt keeps the report; -f txt asks for the redline
	}
	switch format {
	case "text", "json", "pdf", "docx", "html", "txt":
	default:
		return 0, fmt.Errorf("unknown format %q (choose one of text, json, pdf, docx, html, txt)", f.format)
	}
	if f.assessment && format != "text" && format != "json" {
		return 0, fmt.Errorf("--assessment writes text or json, not %s", format)
	}
	var sides [2]*standard.Standard
	var srcs [2]pipeline.Source
	for i, arg := range args {
		src, err := pipeline.OpenLimit(arg, maxInput(cmd), cmd.InOrStdin())
		if err != nil {
			return 0, err
		}
		s, warns, err := pipeline.Load(src)
		if err != nil {
			var ps standard.Problems
			if errors.As(err, &ps) {
				for _, p := range ps {
					fmt.Fprintln(cmd.ErrOrStderr(), p)
				}
				return 0, fmt.Errorf("%s has %d errors; fix them first (ocs check %s)", src.Name, len(ps.Errors()), arg)
			}
			return 0, err
		}
		printProblems(cmd, warns, standard.Warning)
		sides[i], srcs[i] = s, src
	}
	r, err := diff.Compare(sides[0], sides[1])
	if err != nil {
		return 0, err
	}
	status := 1
	if r.Equal() {
		status = 0
	}
	out := f.out
	if out == "" {
		out = "-"
	}
	var data []byte
	switch {
	case f.assessment && format == "json":
		items := r.Assessment()
		if items == nil {
			items = []diff.FormItem{}
		}
		data, err = marshal(struct {
			Format string          `json:"format"`
			Items  []diff.FormItem `json:"items"`
		}{"ocs-diff-assessment/1", items})
		if len(items) == 0 {
			status = 0
		}
	case format == "json":
		data, err = r.JSON()
	case format == "text":
		var b strings.Builder
		colour := useColour(f.colour, out, cmd.OutOrStdout())
		if f.assessment {
			err = r.WriteAssessment(&b, colour)
			if len(r.Assessment()) == 0 {
				status = 0
			}
		} else {
			err = r.WriteText(&b, colour)
		}
		data = []byte(b.String())
	default:
		data, err = redlineBytes(cmd, f, r, format)
		if f.out == "" {
			out = defaultOutput(srcs[1], sides[1], "redline", pipeline.Format(format))
		}
	}
	if err != nil {
		return 0, err
	}
	if err := writeFile(out, data, cmd.OutOrStdout()); err != nil {
		return 0, err
	}
	if out != "-" {
		fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s (%d bytes)\n", out, len(data))
	}
	return status, nil
}

// redlineBytes builds the redline document and encodes it.
func redlineBytes(cmd *cobra.Command, f *diffFlags, r *diff.Result, format string) ([]byte, error) {
	st, err := loadSettings(cmd)
	if err != nil {
		return nil, err
	}
	st.applyFonts(cmd, &f.fonts)
	opt := templates.Options{Lang: st.lang(cmd, f.lang), Landscape: f.landscape, Labels: st.Labels}
	doc, err := redline.Redline(r, opt)
	if err != nil {
		return nil, err
	}
	set, err := f.fonts.load()
	if err != nil {
		return nil, err
	}
	enc, err := pipeline.NewEncoder(pipeline.EncoderConfig{Fonts: set, System: !f.fonts.noSystem, AllowMissing: f.allowMissing,
		DOCX: docx.Options{EastAsiaFont: st.DOCX.EastAsiaFont, ASCIIFont: st.DOCX.ASCIIFont}})
	if err != nil {
		return nil, err
	}
	data, warns, err := enc.Encode(cmd.Context(), doc, pipeline.Format(format))
	for _, w := range warns {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning:", w)
	}
	return data, err
}

// useColour decides whether the text report is coloured: always, never,
// or (auto) when it goes to a terminal and NO_COLOR is not set.
func useColour(mode, out string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if out != "-" || os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// marshal writes v as indented JSON, text as is (no escapes for <, >, &).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
