package assessment

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render/pdf"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// bundledPack loads a bundled standard.
func bundledPack(t *testing.T, name string) *standard.Standard {
	t.Helper()
	s, err := standard.LoadFS(standards.FS, name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return s
}

// TestAssessmentBundled checks the pack of every bundled standard: each
// indicator once in the checklist, every P, K and S covered in the
// mapping, every 【註N】 of the checklist explained under it.
func TestAssessmentBundled(t *testing.T) {
	for _, name := range standards.Names() {
		t.Run(name, func(t *testing.T) {
			s := bundledPack(t, name)
			d := pack(t, s, AssessmentOptions{}, &Candidate{Name: "王小明"})
			parts := packParts(t, d, "zh-TW")
			ps, ks, ss := scopeCodes(s, nil)
			if len(ps) == 0 {
				t.Fatal("the standard has no indicators")
			}
			if got := codesOf('P', firstCells(partTable(t, parts[PartChecklist]))); !slices.Equal(got, ps) {
				t.Errorf("checklist indicators = %q, want %q", got, ps)
			}
			cells := firstCells(partTable(t, parts[PartMapping]))
			if got := codesOf('P', cells); !slices.Equal(got, ps) {
				t.Errorf("mapping P rows = %q, want %q", got, ps)
			}
			var gotK, gotS []string
			for _, c := range cells {
				if slices.Contains(ks, c) && !slices.Contains(gotK, c) {
					gotK = append(gotK, c)
				}
				if slices.Contains(ss, c) && !slices.Contains(gotS, c) {
					gotS = append(gotS, c)
				}
			}
			if len(gotK) != len(ks) || len(gotS) != len(ss) {
				t.Errorf("mapping lists K %q of %q and S %q of %q", gotK, ks, gotS, ss)
			}
			if text := blocksText(parts[PartMapping]); !strings.Contains(text, "均已由至少一項評量工具涵蓋") {
				t.Errorf("mapping reports gaps:\n%s", text)
			}
			checklist := blocksText(parts[PartChecklist])
			for _, m := range noteReference().FindAllStringSubmatch(checklist, -1) {
				if !strings.Contains(checklist, "\n【註"+m[1]+"】") {
					t.Errorf("checklist uses %s but does not explain it", m[0])
				}
			}
			if strings.Contains(doctest.AllText(d), "‹") {
				t.Error("the pack asks for a missing label")
			}
		})
	}
}

func TestAssessmentTHM2431Scope(t *testing.T) {
	s := bundledPack(t, "THM2431-001v1.toml")
	d := pack(t, s, AssessmentOptions{Scope: []string{"T3"}}, nil)
	parts := packParts(t, d, "zh-TW")
	for _, c := range codesOf('P', firstCells(partTable(t, parts[PartChecklist]))) {
		if !strings.HasPrefix(c, "P3.") {
			t.Errorf("scope T3 checklist holds %s", c)
		}
	}
	if got := codesOf('K', firstCells(partTable(t, parts[PartKnowledge]))); !slices.Equal(got, []string{"K16", "K17", "K18", "K19"}) {
		t.Errorf("scope T3 knowledge = %q, want K16–K19", got)
	}
	if got := codesOf('S', firstCells(partTable(t, parts[PartSkills]))); !slices.Equal(got, []string{"S01", "S02", "S03", "S04", "S05", "S06"}) {
		t.Errorf("scope T3 skills = %q, want S01–S06", got)
	}
	// THM2431's matrix marks A01, A02, A03, A04, A05 and A06 for some T3 task.
	if got := firstCells(partTable(t, parts[PartAttitudes])); !slices.Equal(got, []string{"A01", "A02", "A03", "A04", "A05", "A06"}) {
		t.Errorf("scope T3 attitudes = %q", got)
	}
}

// TestAssessmentTHM2431PDF renders a candidate's pack to PDF and reads it
// back: every indicator code comes out, and every page names the
// candidate and counts the pages of the pack.
func TestAssessmentTHM2431PDF(t *testing.T) {
	pdftotext := testtool.Path(t, "pdftotext", "poppler-utils")
	s := bundledPack(t, "THM2431-001v1.toml")
	a := pack(t, s, AssessmentOptions{}, &Candidate{Name: "王小明", ID: "A001"})
	b := pack(t, s, AssessmentOptions{}, &Candidate{Name: "李美華", ID: "A002"})
	d, err := Combine("", a, b)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pdf.Render(d, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(pdftotext, "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := bytes.Split(bytes.TrimRight(text, "\f"), []byte("\f"))
	half := len(pages) / 2
	if len(pages)%2 != 0 || half < 8 {
		t.Fatalf("%d pages for two candidates", len(pages))
	}
	for i, p := range pages {
		name, other, n := "王小明", "李美華", i+1
		if i >= half {
			name, other, n = "李美華", "王小明", i+1-half
		}
		if !bytes.Contains(p, []byte(name)) || bytes.Contains(p, []byte(other)) {
			t.Errorf("page %d does not name %s alone", i+1, name)
		}
		footer := "第 " + strconv.Itoa(n) + " 頁／共 " + strconv.Itoa(half) + " 頁"
		if !bytes.Contains(p, []byte(footer)) {
			t.Errorf("page %d lacks the footer %q", i+1, footer)
		}
	}
	ps, _, _ := scopeCodes(s, nil)
	for _, p := range ps {
		if n := bytes.Count(text, []byte(p+" ")); n < 2 {
			t.Errorf("%s printed %d times in two packs", p, n)
		}
	}
}

func BenchmarkAssessment(b *testing.B) {
	s, err := standard.LoadFS(standards.FS, "THM2431-001v1.toml")
	if err != nil {
		b.Fatal(err)
	}
	opt := AssessmentOptions{Methods: map[string][]string{"T1": {"實作觀察", "口試"}, "T3.2": {"observation", "product"}}}
	c := &Candidate{Name: "王小明", ID: "A001"}
	for b.Loop() {
		if _, err := Assessment(s, opt, c); err != nil {
			b.Fatal(err)
		}
	}
}
