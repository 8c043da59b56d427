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
