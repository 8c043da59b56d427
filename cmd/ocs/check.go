package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
)

// checkFlags are the options of ocs check.
type checkFlags struct {
	format string
	strict bool
	quiet  bool
}

func newCheckCmd(d flagDefs) *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [FILE|FOLDER]...",
		Short: "Check standards, overlays and settings files for errors and departures from the official guideline",
		Long: `check loads each file and reports every problem at once, one per line, the way a
compiler does: file:line: severity rule: message (field path) — how to fix it.

Each file is checked with the rules of its kind: a standard, a company overlay (J rules,
against the standard it names), assessment settings or a settings file (.ocs.toml). The
kind comes from a "#:schema" comment at the top naming it (see ocs schema), else from
the file's keys (an overlay has company or standard, assessment settings have parts,
scope, scale or methods, a settings file has fonts or docx).

  error    the document cannot be rendered faithfully: bad TOML, a wrong type, an unknown
           key, a missing required field, a reference to an undefined K/S/A or note
  warning  it breaks the official guideline (《職能基準發展指引》): numbering, code formats,
           level mismatch, unused items, a task without indicators
  info     style notes

Rules R00–R15 are listed in the documentation of the standard package (go doc
github.com/ocs-project/ocs/standard Validate).

With no FILE, check the bundled standards. A FOLDER means every .toml file below it.
The exit status is 1 when there are errors (with --strict, warnings too), 0 otherwise.`,
		Example: `  ocs check standards/THM2431-001v1.toml
  ocs check --strict my-standards/
  ocs check --format json draft.toml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.format != "text" && f.format != "json" {
				return fmt.Errorf("unknown --format %q: use text or json", f.format)
			}
			results, err := checkAll(args, maxInput(cmd), cmd.InOrStdin())
			if err != nil {
				return err
			}
			return writeCheck(cmd.OutOrStdout(), results, f)
		},
	}
	d.add(cmd, func() {
		cmd.Flags().StringVar(&f.format, "format", "text", "output format: text or json")
		cmd.Flags().BoolVar(&f.strict, "strict", false, "fail (exit status 1) on warnings too")
		cmd.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "do not list info problems (they are still counted)")
	})
	return cmd
}

// checked is the outcome of checking one file.
type checked struct {
	file     string
	problems standard.Problems
}

// checkAll checks the files named by args ("-" is standard input), or the
// bundled standards; no file is read beyond max bytes.
func checkAll(args []string, max int64, stdin io.Reader) ([]checked, error) {
	var out []checked
	if len(args) == 1 && args[0] == "-" {
		data, err := pipeline.ReadFile("-", max, stdin)
		if err != nil {
			return nil, err
		}
		return []checked{{"stdin.toml", checkData("stdin.toml", data)}}, nil
	}
	if len(args) == 0 {
		for _, name := range standards.Names() {
			s, err := standard.LoadFS(standards.FS, name)
			if err != nil {
				out = append(out, checked{name, problemsOf(err)})
				continue
			}
			out = append(out, checked{name, standard.Validate(s)})
		}
		return out, nil
	}
	files, err := standard.FindFiles(args)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .toml files in %s", strings.Join(args, ", "))
	}
	for _, file := range files {
		out = append(out, checked{file, checkFile(file, max)})
	}
	return out, nil
}

// problemsOf returns a load error as problems.
func problemsOf(err error) standard.Problems {
	if ps, ok := err.(standard.Problems); ok {
		return ps
	}
	return standard.Problems{{Rule: "FILE", Severity: standard.Error, Message: err.Error()}}
}

// tally counts problems by severity over all files.
type tally struct{ files, errors, warnings, infos int }

func count(results []checked) tally {
	t := tally{files: len(results)}
	for _, r := range results {
		t.errors += r.problems.Count(standard.Error)
		t.warnings += r.problems.Count(standard.Warning)
		t.infos += r.problems.Count(standard.Info)
	}
	return t
}

// failed reports whether the check fails under the flags.
func (t tally) failed(strict bool) bool {
	return t.errors > 0 || strict && t.warnings > 0
}

// writeCheck writes the report and returns the exit status as an error.
func writeCheck(w io.Writer, results []checked, f checkFlags) error {
	t := count(results)
	var err error
	if f.format == "json" {
		err = writeCheckJSON(w, results, t, f.quiet)
	} else {
		err = writeCheckText(w, results, t, f.quiet)
	}
	if err != nil {
		return err
	}
	if t.failed(f.strict) {
		return exitError{1}
	}
	return nil
}

func writeCheckText(w io.Writer, results []checked, t tally, quiet bool) error {
	var b strings.Builder
	for _, r := range results {
		for _, p := range r.problems {
			if quiet && p.Severity == standard.Info {
				continue
			}
			b.WriteString(p.String())
			b.WriteByte('\n')
		}
	}
	fmt.Fprintf(&b, "%s checked: %s, %s, %s\n", plural(t.files, "file"),
		plural(t.errors, "error"), plural(t.warnings, "warning"), plural(t.infos, "info"))
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, word string) string {
	if n == 1 || word == "info" {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// jsonProblem is one problem in the JSON report.
type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Path     string `json:"path"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
	// Suggestion is what the input most likely meant (an unknown key's
	// intended key), also written into hint as a question.
	Suggestion string `json:"suggestion,omitempty"`
}

// jsonReport is the whole JSON report.
type jsonReport struct {
	Files    int           `json:"files"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Infos    int           `json:"infos"`
	Problems []jsonProblem `json:"problems"`
}

func writeCheckJSON(w io.Writer, results []checked, t tally, quiet bool) error {
	rep := jsonReport{Files: t.files, Errors: t.errors, Warnings: t.warnings, Infos: t.infos, Problems: []jsonProblem{}}
	for _, r := range results {
		for _, p := range r.problems {
			if quiet && p.Severity == standard.Info {
				continue
			}
			file := p.File
			if file == "" {
				file = r.file
			}
			rep.Problems = append(rep.Problems, jsonProblem{
				File: file, Line: p.Line, Column: p.Col, Severity: p.Severity.String(),
				Rule: p.Rule, Path: p.Path, Message: p.Message, Hint: p.Advice(), Suggestion: p.Suggestion,
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
