package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/internal/testtool"
)

func TestFontsCheckBundled(t *testing.T) {
	out, code := execOCS(t, "fonts", "check", "--no-system-fonts")
	if code != 0 {
		t.Fatalf("exit %d; every character of the bundled standards should be in the embedded font:\n%s", code, out)
	}
	for _, want := range []string{"THM2431-001v1.toml: all ", "BAS1219-002v4.toml: all ", "from TW-Kai (embedded)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFontsCheckMissing(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "standards", "THM2431-001v1.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), `occupation = "行銷業務專員"`, `occupation = "行銷業務專員𠀀"`, 1)
	if text == string(src) {
		t.Fatal("the bundled standard no longer has the occupation line this test edits")
	}
	file := filepath.Join(t.TempDir(), "rare.toml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := execOCS(t, "fonts", "check", "--no-system-fonts", file)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		file + ": 1 of ",
		"characters are in none of the fonts",
		"missing 𠀀 U+20000  in occupation\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFontsCheckBadFont(t *testing.T) {
	// A real OpenType/CFF font (it draws only "A" and 中) is accepted now
	// that the PDF writer embeds CFF: the report says what it lacks.
	cff := filepath.Join("..", "..", "fonts", "testdata", "tiny-cff.otf")
	out, code := execOCS(t, "fonts", "check", "--no-system-fonts", "--font", cff)
	if code != 1 || !strings.Contains(out, "characters are in none of the fonts") || !strings.Contains(out, "missing 企 U+4F01") {
		t.Errorf("CFF font: exit %d, output %.300q; want exit 1 and the characters it lacks", code, out)
	}
	if _, code = execOCS(t, "fonts", "check", "--font", filepath.Join("..", "..", "README.md")); code != 2 {
		t.Errorf("a file that is not a font: exit %d, want 2", code)
	}
	out, code = execOCS(t, "fonts", "check", "--no-system-fonts", filepath.Join(t.TempDir(), "none.toml"))
	if code != 2 || !strings.Contains(out, "none.toml: cannot be read") {
		t.Errorf("missing standard: exit %d, output %q", code, out)
	}
}

// TestLatinFont checks --latin-font and the settings key fonts.latin: the
// embedded Latin companion by default and with a user --font, none with
// "none", in the coverage report and in the PDF.
func TestLatinFont(t *testing.T) {
	dir := t.TempDir()
	kai, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	userFont := filepath.Join(dir, "kai.ttf") // the embedded face, as a user font
	if err := os.WriteFile(userFont, kai.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	noLatin := filepath.Join(dir, "no-latin.toml")
	if err := os.WriteFile(noLatin, []byte("[fonts]\nlatin = \"none\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		latin bool // the report and the PDF name the Latin face
		main  string
	}{
		{"default", nil, true, "from TW-Kai (embedded)"},
		{"none", []string{"--latin-font", "none"}, false, "from TW-Kai (embedded)"},
		{"a user font keeps the companion", []string{"--font", userFont}, true, "(" + userFont + ")"},
		{"a user font without it", []string{"--font", userFont, "--latin-font", "none"}, false, "(" + userFont + ")"},
		{"settings", []string{"--settings", noLatin}, false, "from TW-Kai (embedded)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"fonts", "check", "--no-system-fonts", filepath.Join("..", "..", "standards", "THM2431-001v1.toml")}, tt.args...)
			out, code := execOCS(t, args...)
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, out)
			}
			if got := strings.Contains(out, "from OCS Serif (embedded)"); got != tt.latin || !strings.Contains(out, tt.main) {
				t.Errorf("report names OCS Serif: %v, want %v; and %q:\n%s", got, tt.latin, tt.main, out)
			}
			if strings.Contains(out, "fallback ") {
				t.Errorf("the report lists fallback characters:\n%s", out)
			}
			pdf := filepath.Join(dir, "out.pdf")
			args = append([]string{"render", "standard", "THM2431-001v1", "--no-system-fonts", "-o", pdf}, tt.args...)
			if code, _, stderr := ocs(t, args...); code != 0 {
				t.Fatalf("render: exit %d\n%s", code, stderr)
			}
			list, err := exec.Command(testtool.Path(t, "pdffonts", "poppler-utils"), pdf).Output()
			if err != nil {
				t.Fatalf("pdffonts: %v", err)
			}
			for _, font := range []string{"+OCS-Serif ", "+OCS-Serif-Bold "} {
				if got := bytes.Contains(list, []byte(font)); got != tt.latin {
					t.Errorf("PDF has font %q: %v, want %v\n%s", strings.TrimSpace(font), got, tt.latin, list)
				}
			}
		})
	}
	missing := filepath.Join(dir, "times.ttf")
	out, code := execOCS(t, "fonts", "check", "--latin-font", missing)
	if code != 2 || !strings.Contains(out, "Latin font "+missing) {
		t.Errorf("a missing Latin font: exit %d, output %q", code, out)
	}
}
