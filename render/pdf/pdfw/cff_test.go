package pdfw

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// cffTestFont returns golang.org/x/image's small OpenType CFF test font,
// which draws 0, 1 and Q.
func cffTestFont(t *testing.T) []byte {
	t.Helper()
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/image").Output()
	if err != nil {
		t.Skipf("cannot find the golang.org/x/image module: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "font", "testdata", "CFFTest.otf"))
	if err != nil {
		t.Skipf("no CFF test font: %v", err)
	}
	return data
}

func TestCFF(t *testing.T) {
	data := cffTestFont(t)
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var chars []Char
	for _, r := range "01Q" {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("%c: glyph %d, %v", r, g, err)
		}
		adv, err := f.GlyphAdvance(&buf, g, fixed.I(int(f.UnitsPerEm())), 0)
		if err != nil {
			t.Fatal(err)
		}
		chars = append(chars, Char{Rune: r, Glyph: uint16(g), Width: adv.Round() * 1000 / int(f.UnitsPerEm())})
	}
	font, err := NewCFF("CFF Test", data, nil, chars)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewCFF("not CFF", []byte("OTTO but nothing else"), nil, chars); err == nil {
		t.Error("a file without a CFF table was accepted")
	}
	pdf := lines(t, true, line{font, "Q01Q10"}).Bytes()
	if got := strings.TrimRight(run(t, pdf, "pdftotext", "-raw", "{}", "-"), "\f"); got != "Q01Q10\n" {
		t.Errorf("pdftotext gives %q, want %q", got, "Q01Q10\n")
	}
	fonts := run(t, pdf, "pdffonts")
	if !strings.Contains(fonts, "+CFF-Test") || !strings.Contains(fonts, "CID Type 0C") || !strings.Contains(fonts, "yes yes yes") {
		t.Errorf("pdffonts does not list an embedded CFF subset with a ToUnicode map:\n%s", fonts)
	}
	if out := run(t, pdf, "qpdf", "--check"); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	// Poppler draws the glyphs: the page is not blank, and it says
	// nothing about the font.
	bin := run(t, pdf, "pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", "{}")
	if strings.Contains(bin, "Error") || strings.Count(bin, "\x00") == 0 {
		t.Errorf("pdftoppm drew no glyph (or complained)")
	}
}
