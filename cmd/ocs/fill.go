package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/fill"
	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

type fillFlags struct {
	out, format, overlay, roster string
	combine, data                bool
	jobs                         int
	brand                        brandFlags
}

func newFillCmd() *cobra.Command {
	var f fillFlags
	cmd := &cobra.Command{
		Use:   "fill TEMPLATE.docx STANDARD [-o OUT.docx] | fill --data STANDARD",
		Short: "Fill your own Word template with a standard, a company overlay and a roster",
		Long: `fill fills an organisation's own Word template (DOCX) with the data of a standard (a TOML file
or a bundled code), a company overlay (--overlay) and, with --roster, one document per candidate
(or one combined document with --combine).

In the template, {{field}} prints a field, {{overlay.company}} a field of the overlay and
{{candidate.name}} one of the roster; {{#duties}} … {{/duties}} repeats what stands between the
tags for every duty (the table row, when both tags stand in one row; the paragraphs between,
when the tags stand alone in paragraphs; the text between, when both are in one paragraph);
sections nest (duties → tasks → indicators); {{^notes}} … {{/notes}} prints when the list is empty;
{{@index}} numbers the items; {{%overlay.logo}} puts in the PNG or JPEG file the field names.
ocs fill --data STANDARD prints every field a template can use, as JSON.

-f pdf converts the filled DOCX with LibreOffice (soffice), which must be installed.`,
		Example: `  ocs fill examples/templates/job-description.docx THM2431-001v1 --overlay examples/company-overlay.toml -o job.docx
  ocs fill examples/templates/assessment-record.docx THM2431-001v1 --roster examples/cohort.csv -o records/
  ocs fill --data THM2431-001v1 --overlay examples/company-overlay.toml`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runFill(cmd, &f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "output", "o", "", "output file (a folder with --roster); - for standard output")
	fl.StringVarP(&f.format, "format", "f", "", "docx or pdf (default: from -o, else docx)")
	fl.StringVar(&f.overlay, "overlay", "", "company overlay TOML: its fields under overlay.")
	fl.StringVar(&f.roster, "roster", "", "CSV of candidates: one document each, their fields under candidate.")
	fl.BoolVar(&f.combine, "combine", false, "with --roster, one document for the whole cohort, a page break between candidates")
	fl.BoolVar(&f.data, "data", false, "print the data a template sees, as JSON, instead of filling")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "with --roster, parallel workers filling DOCX files (default: number of CPUs)")
	addBrandFlags(cmd, &f.brand)
	return cmd
}

func runFill(cmd *cobra.Command, f *fillFlags, args []string) error {
	st, err := loadSettings(cmd)
	if err != nil {
		return err
	}
	b := f.brand.paths(cmd, st)
	dataOf := func(s *standard.Standard, ov *jobdesc.Overlay, c *assessment.Candidate) map[string]any {
		d := fill.Data(s, ov, c)
		fill.SetBrand(d, b.name, b.line, b.footer, b.logo)
		return d
	}
	stdArg := args[len(args)-1]
	if !f.data && len(args) != 2 {
		return errors.New("give the template and the standard: ocs fill TEMPLATE.docx STANDARD -o OUT.docx")
	}
	src, err := pipeline.OpenLimit(stdArg, maxInput(cmd), cmd.InOrStdin())
	if err != nil {
		return err
	}
	s, err := load(cmd, src)
	if err != nil {
		return err
	}
	var ov *jobdesc.Overlay
	if f.overlay != "" {
		if ov, err = jobdesc.LoadOverlay(f.overlay); err != nil {
			return err
		}
	}
	var cands []assessment.Candidate
	if f.roster != "" {
		fh, err := os.Open(f.roster)
		if err != nil {
			return fmt.Errorf("read roster: %w", err)
		}
		cands, err = assessment.ReadRoster(fh, f.roster)
		fh.Close()
		if err != nil {
			return err
		}
	}
	if f.data {
		var c *assessment.Candidate
		if len(cands) > 0 {
			c = &cands[0]
		}
		out, err := json.MarshalIndent(dataOf(s, ov, c), "", "  ")
		if err != nil {
			return err
		}
		return writeFile(orDash(f.out), append(out, '\n'), cmd.OutOrStdout())
	}

	data, err := pipeline.ReadFile(args[0], maxInput(cmd), nil)
	if err != nil {
		return fmt.Errorf("read template: %w", err)
	}
	tpl, err := fill.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	format, err := fillFormat(f.format, f.out)
	if err != nil {
		return err
	}
	convert := func(docx []byte) ([]byte, error) {
		if format == "pdf" {
			return docxToPDF(cmd.Context(), docx)
		}
		return docx, nil
	}
	if len(cands) == 0 || f.combine {
		var out []byte
		if len(cands) == 0 {
			out, err = tpl.Fill(dataOf(s, ov, nil))
		} else {
			sets := make([]map[string]any, len(cands))
			for i := range cands {
				sets[i] = dataOf(s, ov, &cands[i])
			}
			out, err = tpl.FillCombined(sets, dataOf(s, ov, nil))
		}
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		if out, err = convert(out); err != nil {
			return err
		}
		if err := writeFile(orDefault(f.out, "filled."+format), out, cmd.OutOrStdout()); err != nil {
			return err
		}
		if f.out != "-" {
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s\n", orDefault(f.out, "filled."+format))
		}
		return nil
	}
	if f.out == "" || f.out == "-" {
		return errors.New("--roster writes one file per candidate: name a folder with -o (or use --combine)")
	}
	names := assessment.FileNames(cands)
	outs := make([][]byte, len(cands))
	workers := f.jobs
	if format == "pdf" {
		workers = 1 // one LibreOffice conversion at a time
	}
	errs := parallel(cmd.Context(), workers, len(cands), func(i int) error {
		out, err := tpl.Fill(dataOf(s, ov, &cands[i]))
		if err != nil {
			return fmt.Errorf("%s, candidate %s (roster line %d): %w", args[0], cands[i].Name, cands[i].Line, err)
		}
		outs[i], err = convert(out)
		return err
	})
	if err := cmd.Context().Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err // the first candidate's error, whatever the workers
		}
	}
	files := make(map[string][]byte, len(cands))
	for i, out := range outs {
		files[names[i]+"."+format] = out
	}
	if err := writeFolder(f.out, files); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d files into %s\n", len(files), f.out)
	return nil
}

func orDash(s string) string { return orDefault(s, "-") }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// fillFormat is docx or pdf, from -f or the extension of -o.
func fillFormat(flag, out string) (string, error) {
	f := strings.ToLower(strings.TrimPrefix(flag, "."))
	if f == "" {
		f = strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
		if f != "pdf" {
			f = "docx"
		}
	}
	if f != "docx" && f != "pdf" {
		return "", fmt.Errorf("ocs fill writes docx or pdf, not %q", flag)
	}
	return f, nil
}

// docxToPDF converts a DOCX with LibreOffice, in a private profile and a
// temporary folder that is removed afterwards.
func docxToPDF(ctx context.Context, docx []byte) ([]byte, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return nil, errors.New("-f pdf needs LibreOffice to convert the filled DOCX, and soffice is not installed: " +
			"install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows and macOS: libreoffice.org), " +
			"or write DOCX and convert it yourself")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	dir, err := os.MkdirTemp("", "ocs-fill-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "filled.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir, in)
	c.Env = append(os.Environ(), "HOME="+dir)
	if out, err := c.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("LibreOffice could not convert the filled document: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "filled.pdf"))
	if err != nil {
		return nil, fmt.Errorf("LibreOffice wrote no PDF: %w", err)
	}
	return pdf, nil
}

// writeFolder writes every file into dir, or none: the files go to a
// temporary folder beside it and are moved in only when all are written.
func writeFolder(dir string, files map[string][]byte) error {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".ocs-fill-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name := range files {
		if fi, err := os.Lstat(filepath.Join(dir, name)); err == nil && fi.IsDir() {
			return fmt.Errorf("cannot write %s: a folder of that name is in the way", filepath.Join(dir, name))
		}
	}
	for name := range files {
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
		}
	}
	return nil
}
