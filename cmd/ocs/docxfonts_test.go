package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fontParts lists the font files a DOCX carries.
func fontParts(t *testing.T, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out []string
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/fonts/") {
			out = append(out, f.Name)
		}
	}
	return out
}

func TestDocxEmbedFonts(t *testing.T) {
	dir := t.TempDir()
	off := filepath.Join(dir, "off.toml")
	os.WriteFile(off, []byte("[docx]\nembed_fonts = false\n"), 0o644)
	for _, c := range []struct {
		name  string
		args  []string
		fonts int
	}{
		{"default", nil, 3}, // TW-Kai, OCS Serif, OCS Serif Bold
		{"flag off", []string{"--docx-embed-fonts=false"}, 0},
		{"settings off", []string{"--settings", off}, 0},
		{"flag wins over settings", []string{"--settings", off, "--docx-embed-fonts"}, 3},
	} {
		out := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".docx")
		args := append([]string{"render", "standard", "BAS1219-002v4", "-o", out}, c.args...)
		if code, _, stderr := ocs(t, args...); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.name, code, stderr)
		}
		if got := fontParts(t, out); len(got) != c.fonts {
			t.Errorf("%s: DOCX carries %v, want %d fonts", c.name, got, c.fonts)
		}
	}
}

func TestReferenceDocx(t *testing.T) {
	dir := t.TempDir()
	// A reference document made with ocs itself is a valid Word file.
	ref := filepath.Join(dir, "ref.docx")
	if code, _, stderr := ocs(t, "render", "standard", "BAS1219-002v4", "-o", ref, "--docx-embed-fonts=false"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "out.docx")
	if code, _, stderr := ocs(t, "render", "standard", "THM2431-001v1", "-o", out, "--reference-docx", ref); code != 0 {
		t.Fatalf("--reference-docx: exit %d: %s", code, stderr)
	}
	if got := fontParts(t, out); len(got) != 0 {
		t.Errorf("with a reference document fonts were carried: %v", got)
	}
	bad := filepath.Join(dir, "bad.docx")
	os.WriteFile(bad, []byte("not a zip"), 0o644)
	code, _, stderr := ocs(t, "render", "standard", "THM2431-001v1", "-o", filepath.Join(dir, "x.docx"), "--reference-docx", bad)
	if code != 2 || !strings.Contains(stderr, "bad.docx") || !strings.Contains(stderr, "not a Word file") {
		t.Errorf("a broken reference: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.docx")); err == nil {
		t.Error("a broken reference still wrote the output")
	}
}

func TestBrandSettings(t *testing.T) {
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	// A 2×1 PNG, written by hand.
	os.WriteFile(logo, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x01\x08\x02\x00\x00\x00{@\xe8\xdd\x00\x00\x00\x0fIDATx\x9cc\x90\xf3\x8cg\x90\xf3\x8c\x07\x00\x04\xd6\x01\xd7\xb3U.\xf2\x00\x00\x00\x00IEND\xaeB`\x82"), 0o644)
	st := filepath.Join(dir, "brand.toml")
	os.WriteFile(st, []byte("[brand]\nname = \"範例股份有限公司\"\nlogo = \""+filepath.ToSlash(logo)+"\"\ncolor = \"#1F4E79\"\nfooter = \"臺北市中正區\"\n"), 0o644)
	html := filepath.Join(dir, "p.html")
	if code, _, stderr := ocs(t, "render", "jobdesc", "BAS1219-002v4", "--settings", st, "--brand-line", "HR-2026-01", "-o", html); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, _ := os.ReadFile(html)
	for _, want := range []string{"範例股份有限公司", "HR-2026-01", "臺北市中正區", "data:image/png;base64,", "#1F4E79"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("branded HTML lacks %s", want)
		}
	}
	// Off by default.
	plain := filepath.Join(dir, "plain.html")
	ocs(t, "render", "jobdesc", "BAS1219-002v4", "-o", plain)
	if page, _ := os.ReadFile(plain); strings.Contains(string(page), "class=\"brand\"") {
		t.Error("a page without brand settings is branded")
	}
	// A bad colour or logo is a clear error.
	if code, _, stderr := ocs(t, "render", "jobdesc", "BAS1219-002v4", "--brand-color", "blue", "-o", plain); code != 2 || !strings.Contains(stderr, "#RRGGBB") {
		t.Errorf("--brand-color blue: exit %d, %s", code, stderr)
	}
	if code, _, stderr := ocs(t, "render", "jobdesc", "BAS1219-002v4", "--brand-logo", st, "-o", plain); code != 2 || !strings.Contains(stderr, "not a PNG or JPEG") {
		t.Errorf("--brand-logo of a TOML file: exit %d, %s", code, stderr)
	}
}
