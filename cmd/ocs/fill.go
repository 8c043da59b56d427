package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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

func newFillCmd(d flagDefs) *cobra.Command {
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
	d.add(cmd, func() {
		fl := cmd.Flags()
		fl.StringVarP(&f.out, "output", "o", "", "output file (a folder with --roster); - for standard output")
		fl.StringVarP(&f.format, "format", "f", "", "docx or pdf (default: from -o, else docx)")
		fl.StringVar(&f.overlay, "overlay", "", "company overlay TOML: its fields under overlay.")
		fl.StringVar(&f.roster, "roster", "", "CSV of candidates: one document each, their fields under candidate.")
		fl.BoolVar(&f.combine, "combine", false, "with --roster, one document for the whole cohort, a page break between candidates")
		fl.BoolVar(&f.data, "data", false, "print the data a template sees, as JSON, instead of filling")
		fl.IntVarP(&f.jobs, "jobs", "j", 0, "with --roster, parallel workers filling DOCX files (default: number of CPUs)")
		addBrandFlags(cmd, &f.brand)
	})
	return cmd
}

func runFill(cmd *cobra.Command, f *fillFlags, args []string) error {
	oneDocument()
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
	errs := parallel(cmd.Context(), f.jobs, len(cands), func(i int) error {
		out, err := tpl.Fill(dataOf(s, ov, &cands[i]))
		if err != nil {
			return fmt.Errorf("%s, candidate %s (roster line %d): %w", args[0], cands[i].Name, cands[i].Line, err)
		}
		outs[i] = out
		return nil
	})
	if err := cmd.Context().Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err // the first candidate's error, whatever the workers
		}
	}
	if format == "pdf" {
		pdfs, failed, err := docxToPDFs(cmd.Context(), outs, f.jobs)
		if err != nil {
			if failed >= 0 {
				return fmt.Errorf("candidate %s (roster line %d): %w", cands[failed].Name, cands[failed].Line, err)
			}
			return err
		}
		outs = pdfs
	}
	files := make(map[string][]byte, len(cands))
	for i, out := range outs {
		files[names[i]+"."+format] = out
	}
	if err := writeFolder(f.out, files); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s into %s\n", plural(len(files), "file"), f.out)
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
	pdfs, _, err := docxToPDFs(ctx, [][]byte{docx}, 1)
	if err != nil {
		return nil, err
	}
	return pdfs[0], nil
}

// docxToPDFs converts DOCX files with LibreOffice, each process taking a
// share of them (starting LibreOffice with a fresh profile costs some
// seconds; a file then costs a fraction of one). At most workers
// processes run at once (0: one per CPU, at most 2, as each is heavy). On
// error, failed is the index of the file that could not be converted, or
// -1 when no one file is to blame.
func docxToPDFs(ctx context.Context, docs [][]byte, workers int) (pdfs [][]byte, failed int, err error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return nil, -1, errors.New("-f pdf needs LibreOffice to convert the filled DOCX, and soffice is not installed: " +
			"install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows and macOS: libreoffice.org), " +
			"or write DOCX and convert it yourself")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if workers <= 0 {
		workers = min(runtime.GOMAXPROCS(0), 2)
	}
	workers = max(1, min(workers, len(docs)))
	dir, err := os.MkdirTemp("", "ocs-fill-")
	if err != nil {
		return nil, -1, err
	}
	defer os.RemoveAll(dir)
	// Plain names: LibreOffice names each PDF after its DOCX.
	name := func(i int) string { return fmt.Sprintf("%05d", i) }
	shares := make([][]string, workers)
	for i, d := range docs {
		in := filepath.Join(dir, name(i)+".docx")
		if err := os.WriteFile(in, d, 0o600); err != nil {
			return nil, -1, err
		}
		shares[i%workers] = append(shares[i%workers], in)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute+time.Duration(len(docs))*10*time.Second)
	defer cancel()
	errs := parallel(ctx, workers, workers, func(w int) error {
		home := filepath.Join(dir, fmt.Sprintf("home%d", w))
		args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(home, "profile")),
			"--headless", "--convert-to", "pdf", "--outdir", dir}, shares[w]...)
		c := exec.CommandContext(ctx, soffice, args...)
		c.Env = append(os.Environ(), "HOME="+home)
		if out, err := c.CombinedOutput(); err != nil {
			return fmt.Errorf("LibreOffice could not convert the filled documents: %v\n%s", err, out)
		}
		return nil
	})
	if err := errors.Join(errs...); err != nil {
		return nil, -1, err
	}
	pdfs = make([][]byte, len(docs))
	for i := range docs {
		pdf, err := os.ReadFile(filepath.Join(dir, name(i)+".pdf"))
		if err != nil {
			return nil, i, fmt.Errorf("LibreOffice wrote no PDF of the filled document: %w", err)
		}
		pdfs[i] = pdf
	}
	return pdfs, -1, nil
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
