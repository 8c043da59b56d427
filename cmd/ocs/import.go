package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/importer/all"
)

func init() { all.Register() }

func newImportCmd(d flagDefs) *cobra.Command {
	var out, report string
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Turn a published standard (PDF, DOCX, ODT or extracted text) into TOML",
		Long: `Import reads a published 職能基準 in the official form and writes it as TOML that
ocs can render. The format comes from the file's content: PDF, Word (.docx),
OpenDocument text (.odt), or text extracted from the table (one row per line,
cells separated by tabs; UTF-8, UTF-16 or Big5).

Every judgement the importer makes (a cell cut by a page break and rejoined, a
K/S cell read as merged over several tasks, a code that differs from its
position) is a comment in the TOML starting with "import:", and a line of the
import report on standard error (--report writes it as JSON too). Then the
TOML is checked as ocs check does.

Exit status: 0 the result checks without errors; 1 it has errors (the TOML is
still written, for a person to fix); 2 the input could not be read as a
standard. The output is written atomically: never a partial file.`,
		Example: `  ocs import THM2431-001v1.pdf -o thm.toml
  ocs import standard.docx -o - | less
  ocs import extracted.txt -o my.toml --report import.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImport(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], out, report)
		},
	}
	d.add(cmd, func() {
		cmd.Flags().StringVarP(&out, "output", "o", "", "TOML file to write; - for standard output (default: FILE with .toml)")
		cmd.Flags().StringVar(&report, "report", "", "also write the import report and check problems as JSON to this file")
	})
	return cmd
}

// importReport is the JSON form of an import's report.
type importReport struct {
	Input    string             `json:"input"`
	Format   string             `json:"format"`
	Output   string             `json:"output"`
	Findings []importer.Finding `json:"findings"`
	Problems []jsonProblem      `json:"problems"`
	Errors   int                `json:"errors"`
	// Unusable is why the input could not be imported at all; then
	// nothing was written but this report.
	Unusable string `json:"unusable,omitempty"`
}

func runImport(ctx context.Context, stdout, stderr io.Writer, in, out, reportPath string) error {
	info, err := os.Stat(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	if info.IsDir() {
		return fmt.Errorf("%s is a folder; import takes one file", in)
	}
	if info.Size() > importer.MaxInput {
		return fmt.Errorf("%s is %d MiB, more than the %d MiB an import accepts", in, info.Size()>>20, importer.MaxInput>>20)
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	if out == "" {
		out = strings.TrimSuffix(in, filepath.Ext(in)) + ".toml"
		if out == in {
			out = in + ".toml"
		}
	}
	if out != "-" && sameFile(in, out) {
		return fmt.Errorf("the output %s is the input file; choose another name with -o", out)
	}
	name := out
	if out == "-" {
		name = ""
	}
	res, err := importer.Import(ctx, data, importer.Options{Source: filepath.Base(in), Output: name})
	if err != nil && ctx.Err() != nil {
		return interrupted(ctx, stderr, "nothing written")
	}
	if err != nil {
		if reportPath != "" {
			// A machine reading the report learns why nothing was written.
			failed := &importer.Result{Format: importer.Sniff(data)}
			if werr := writeImportReport(reportPath, stdout, in, "", failed, 0, err.Error()); werr != nil {
				return werr
			}
		}
		return err
	}
	if err := writeFile(out, res.TOML, stdout); err != nil {
		return err
	}
	errs := 0
	for _, f := range res.Report {
		fmt.Fprintln(stderr, f)
		if f.Severity == importer.Error {
			errs++
		}
	}
	for _, p := range res.Problems {
		fmt.Fprintln(stderr, p)
	}
	errs += len(res.Problems.Errors())
	if reportPath != "" {
		if err := writeImportReport(reportPath, stdout, in, out, res, errs, ""); err != nil {
			return err
		}
	}
	where := out
	if out == "-" {
		where = "standard output"
	}
	fmt.Fprintf(stderr, "imported %s (%s) to %s: %d errors, %d findings\n", in, res.Format, where, errs, len(res.Report))
	if errs > 0 {
		return exitError{1}
	}
	return nil
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// writeImportReport writes the import report as JSON: the interpreter's
// findings, then the check problems in the form of ocs check --format json.
func writeImportReport(path string, stdout io.Writer, in, out string, res *importer.Result, errs int, unusable string) error {
	rep := importReport{Input: in, Format: res.Format, Output: out, Findings: res.Report,
		Problems: []jsonProblem{}, Errors: errs, Unusable: unusable}
	if rep.Findings == nil {
		rep.Findings = []importer.Finding{}
	}
	for _, p := range res.Problems {
		rep.Problems = append(rep.Problems, jsonProblem{
			File: p.File, Line: p.Line, Column: p.Col, Severity: p.Severity.String(),
			Rule: p.Rule, Path: p.Path, Message: p.Message, Hint: p.Hint,
		})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	return writeFile(path, b.Bytes(), stdout)
}
