package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
)

// A standard table set in Noto Sans CJK TC (an OpenType/CFF collection of
// 15 MB) embeds only the glyphs it draws, and poppler draws and extracts
// every one of them.
func TestRenderNotoSansCFF(t *testing.T) {
	noto := systemFont(t, "NotoSansCJK-Regular.ttc", "fonts-noto-cjk")
	pdftotext := testtool.Path(t, "pdftotext", "poppler-utils")
	bin := filepath.Dir(pdftotext)
	out := filepath.Join(t.TempDir(), "noto.pdf")
	if code, _, stderr := ocs(t, "render", "standard", "THM2431-001v1", "--font", noto+"#3", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > 400_000 {
		t.Errorf("the PDF has %d bytes; want the used glyphs only (well under 400 kB; the font is 15 MB)", info.Size())
	}
	fl, err := exec.Command(filepath.Join(bin, "pdffonts"), out).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fl), "+Noto-Sans-CJK-TC") || !strings.Contains(string(fl), "CID Type 0C") {
		t.Errorf("pdffonts:\n%s\nwant a CID Type 0C subset of Noto Sans CJK TC", fl)
	}
	// pdftoppm builds every glyph through FreeType and says so when a
	// font cannot be made.
	ppm := exec.Command(filepath.Join(bin, "pdftoppm"), "-r", "20", "-png", out, filepath.Join(filepath.Dir(out), "page"))
	if msg, err := ppm.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Errorf("pdftoppm: %v\n%s", err, msg)
	}
	txt, err := exec.Command(pdftotext, out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Written from the seed text of THM2431-001v1, not from the renderer.
	for _, want := range []string{"行銷業務專員", "工作職責", "行為指標", "K01 有效的溝通策", "S01 和顧客、同事溝"} {
		if !strings.Contains(string(txt), want) {
			t.Errorf("the text lacks %q", want)
		}
	}
}
