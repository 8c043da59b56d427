package pdf

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates/assessment"
)

// Forms rendered with the blank forms as their template read exactly as
// when rendered alone; the candidate's own characters come in a font of
// their own, and what the template draws comes out the same in every
// candidate's file.
func TestTemplate(t *testing.T) {
	s := bundled(t, "THM2431-001v1")
	pack := func(c assessment.Candidate) []byte {
		t.Helper()
		doc, err := assessment.Assessment(s, assessment.AssessmentOptions{}, &c)
		if err != nil {
			t.Fatal(err)
		}
		blank, err := assessment.Assessment(s, assessment.AssessmentOptions{}, &assessment.Candidate{})
		if err != nil {
			t.Fatal(err)
		}
		alone := mustRender(t, doc)
		withTmpl, err := NewRenderer(Options{Template: blank}).Render(doc)
		if err != nil {
			t.Fatal(err)
		}
		qpdfCheck(t, withTmpl)
		for _, args := range [][]string{{"pdftotext", "-layout"}, {"pdftotext", "-raw"}, {"pdfinfo", "-struct-text"}} {
			if a, b := poppler(t, alone, args...), poppler(t, withTmpl, args...); a != b {
				t.Errorf("%s of %s's forms differs with a template", strings.Join(args, " "), c.Name)
			}
		}
		if !strings.Contains(poppler(t, withTmpl, "pdftotext", "-raw"), c.Name) {
			t.Errorf("the forms lack %s", c.Name)
		}
		return withTmpl
	}
	a := pack(assessment.Candidate{Name: "王志明", ID: "A001"})
	b := pack(assessment.Candidate{Name: "林美華", ID: "A002"})
	fonts := poppler(t, a, "pdffonts")
	if n := strings.Count(fonts, "TW-Kai"); n != 2 {
		t.Errorf("%d TW-Kai fonts, want 2 (the template's, the name's):\n%s", n, fonts)
	}
	// The template's font program is the same bytes in both files.
	prog := func(pdf []byte) []byte {
		i := bytes.Index(pdf, []byte("/Length1 "))
		if i < 0 {
			t.Fatal("no font program")
		}
		return pdf[i : i+2000]
	}
	if !bytes.Equal(prog(a), prog(b)) {
		t.Error("the first font program differs between two candidates' forms")
	}
}

// poppler runs a poppler tool (name and arguments) on a PDF and returns
// what it prints; pdftotext prints to standard output.
func poppler(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	cmd := append(args[1:], writeTemp(t, pdf))
	if args[0] == "pdftotext" {
		cmd = append(cmd, "-")
	}
	out, err := exec.Command(tool(t, args[0]), cmd...).Output()
	if err != nil {
		t.Fatalf("%s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// A Renderer gives a document the bytes a fresh one gives it, whatever it
// rendered before: its caches (fonts, compressed streams, paragraphs and
// tables laid out) change how fast, never what.
func TestRendererReuseSameBytes(t *testing.T) {
	s := bundled(t, "THM2431-001v1")
	blank, err := assessment.Assessment(s, assessment.AssessmentOptions{}, &assessment.Candidate{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*render.Document
	for _, name := range []string{"王志明", "林美華", "王志明", "陳喆"} {
		d, err := assessment.Assessment(s, assessment.AssessmentOptions{}, &assessment.Candidate{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	docs = append(docs, bundledDocs(t)["BAS1219-002v4 standard"])
	for _, opt := range []Options{{}, {Template: blank}} {
		shared := NewRenderer(opt)
		for i, d := range docs {
			if d == nil {
				t.Fatalf("document %d missing", i)
			}
			got, err := shared.Render(d)
			if err != nil {
				t.Fatal(err)
			}
			want, err := NewRenderer(opt).Render(d)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("document %d (template %v): a reused Renderer gives other bytes than a fresh one", i, opt.Template != nil)
			}
		}
	}
}
