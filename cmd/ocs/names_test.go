package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
)

// rosterCSV is a roster of candidates with the given names.
func rosterCSV(names ...string) string {
	s := "姓名,編號,單位,評量日期,評量地點,評量人員\n"
	for i, n := range names {
		s += n + ",A00" + string(rune('1'+i)) + ",台北旅館,2026/12/01,台北訓練中心,陳評審\n"
	}
	return s
}

// pdfFontNames lists the fonts pdffonts reports in a PDF, without their
// subset tags, and checks that each is embedded as a subset.
func pdfFontNames(t *testing.T, pdf string) []string {
	t.Helper()
	out, err := exec.Command(testtool.Path(t, "pdffonts", "poppler-utils"), pdf).Output()
	if err != nil {
		t.Fatalf("pdffonts %s: %v", pdf, err)
	}
	row := regexp.MustCompile(`^[A-Z]{6}\+(\S+)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
	var names []string
	for _, line := range strings.Split(string(out), "\n")[2:] {
		if line == "" {
			continue
		}
		m := row.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("pdffonts: %q is not an embedded, subset CIDFontType2 with a ToUnicode map", line)
			continue
		}
		names = append(names, m[1])
	}
	return names
}

// pdfText is what pdftotext extracts from a PDF.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command(testtool.Path(t, "pdftotext", "poppler-utils"), pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

// TestRosterNamesInEmbeddedKai renders the forms of candidates whose names
// have characters outside Big5 (堃 U+5803, 喆 U+5586, 䶮 U+4DAE of CJK
// Extension A) with system fonts off: every name is drawn by the embedded
// TW-Kai and extracts as itself.
func TestRosterNamesInEmbeddedKai(t *testing.T) {
	dir := t.TempDir()
	names := []string{"陳志堃", "林喆", "劉䶮"}
	roster := writeFileT(t, dir, "roster.csv", rosterCSV(names...))
	pdf := filepath.Join(dir, "cohort.pdf")
	code, _, stderr := ocs(t, "render", "assessment", "THM2431-001v1", "--roster", roster, "--combine",
		"--no-system-fonts", "-o", pdf)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	got := strings.Join(pdfFontNames(t, pdf), " ")
	if got != "OCS-Serif TW-Kai OCS-Serif-Bold" && got != "TW-Kai OCS-Serif OCS-Serif-Bold" {
		t.Errorf("fonts %q; want the embedded TW-Kai and OCS Serif only", got)
	}
	text := pdfText(t, pdf)
	for _, n := range names {
		if !strings.Contains(text, n) {
			t.Errorf("the PDF's text lacks the name %s", n)
		}
	}
}

// TestRosterNameFromExtB renders a candidate whose name has 𡘙 (U+21619,
// CJK Extension B), which the embedded TW-Kai lacks: it is drawn from
// TW-Kai's Ext-B face when system fonts are allowed (found on its own) or
// when the face is given with --fallback-font, and is refused otherwise.
func TestRosterNameFromExtB(t *testing.T) {
	extB := systemFont(t, "TW-Kai-Ext-B-98_1.ttf", "fonts-cns11643-kai")
	dir := t.TempDir()
	roster := writeFileT(t, dir, "roster.csv", rosterCSV("陳𡘙", "林喆"))
	for _, tt := range []struct {
		name  string
		flags []string
	}{
		{"system fonts", nil},
		{"fallback font", []string{"--no-system-fonts", "--fallback-font", extB}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pdf := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".pdf")
			args := append([]string{"render", "assessment", "THM2431-001v1", "--roster", roster, "--combine", "-o", pdf}, tt.flags...)
			code, _, stderr := ocs(t, args...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			if want := "roster.csv:2: 𡘙 U+21619 is drawn from the fallback font TW-Kai-Ext-B"; !strings.Contains(stderr, want) {
				t.Errorf("stderr %q; want a warning %q", stderr, want)
			}
			got := pdfFontNames(t, pdf)
			if !strings.Contains(" "+strings.Join(got, " ")+" ", " TW-Kai-Ext-B ") {
				t.Errorf("fonts %q; want TW-Kai-Ext-B among them", got)
			}
			if text := pdfText(t, pdf); !strings.Contains(text, "陳𡘙") || !strings.Contains(text, "林喆") {
				t.Error("the PDF's text lacks 陳𡘙 or 林喆")
			}
		})
	}
	code, _, stderr := ocs(t, "render", "assessment", "THM2431-001v1", "--roster", roster, "--combine",
		"--no-system-fonts", "-o", filepath.Join(dir, "refused.pdf"))
	if code == 0 || !strings.Contains(stderr, "𡘙 U+21619") {
		t.Errorf("no font for 𡘙: exit %d, want an error naming it\n%s", code, stderr)
	}
}

// A character of a standard that only a fallback face draws is a warning
// at its field and line, naming the face.
func TestStandardFallbackWarning(t *testing.T) {
	extB := systemFont(t, "TW-Kai-Ext-B-98_1.ttf", "fonts-cns11643-kai")
	data, err := os.ReadFile("../../standards/THM2431-001v1.toml")
	if err != nil {
		t.Fatal(err)
	}
	const title = `title = "人際溝通與協調"`
	line := 1 + strings.Count(string(data[:strings.Index(string(data), title)]), "\n")
	dir := t.TempDir()
	src := writeFileT(t, dir, "s.toml", strings.Replace(string(data), title, `title = "人際溝通與協調𡘙"`, 1))
	code, _, stderr := ocs(t, "render", "standard", src, "--no-system-fonts", "--fallback-font", extB, "-o", filepath.Join(dir, "s.pdf"))
	want := fmt.Sprintf("s.toml:%d: warning FALLBACK: 𡘙 U+21619 is drawn from the fallback font TW-Kai-Ext-B", line)
	if code != 0 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "(duty[0].title)") {
		t.Errorf("exit %d, stderr %q; want 0 and %q at duty[0].title", code, stderr, want)
	}
}
