package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
)

const gaps = "testdata/draft/gaps.toml"

// TestRenderDraft renders a standard with errors: refused without
// --draft; with it, a PDF whose every page says 草稿, whose last page
// lists the problems and whose metadata says it is a draft.
func TestRenderDraft(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "d.pdf")
	if msg, code := execOCS(t, "render", "standard", gaps, "-o", out); code != 1 || !strings.Contains(msg, "K09") {
		t.Fatalf("without --draft: exit %d\n%s", code, msg)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a file was written without --draft")
	}
	if msg, code := execOCS(t, "render", "standard", gaps, "--draft", "-o", out); code != 0 {
		t.Fatalf("--draft: exit %d\n%s", code, msg)
	}
	tool := testtool.Path(t, "pdftotext", "poppler-utils")
	text, err := exec.Command(tool, "-layout", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(text), "\f"), "\f")
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the table and the problems", len(pages))
	}
	for i, p := range pages {
		if strings.Count(p, "草稿") < 2 { // at the top and in the footer
			t.Errorf("page %d is not marked 草稿 twice:\n%s", i+1, p)
		}
	}
	last := pages[len(pages)-1]
	for _, want := range []string{"草稿：尚待修正的問題", "K09 is not defined", "【註3】", "has no description"} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page lacks %q:\n%s", want, last)
		}
	}
	info, err := exec.Command(strings.TrimSuffix(tool, "pdftotext")+"pdfinfo", out).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "Subject:         草稿") || !strings.Contains(string(info), "Keywords:        草稿") {
		t.Errorf("metadata does not say draft:\n%s", info)
	}
}

// TestRenderDraftDOCX checks the DOCX of a draft: subject, keywords and
// every page's footer say 草稿, and the problems are in the body.
func TestRenderDraftDOCX(t *testing.T) {
	out := filepath.Join(t.TempDir(), "d.docx")
	if msg, code := execOCS(t, "render", "standard", gaps, "--draft", "--lang", "en", "-o", out); code != 0 {
		t.Fatalf("exit %d\n%s", code, msg)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		parts[f.Name] = string(b)
	}
	if core := parts["docProps/core.xml"]; !strings.Contains(core, "<dc:subject>DRAFT") || !strings.Contains(core, "DRAFT") {
		t.Errorf("core properties do not say draft:\n%s", core)
	}
	footer := ""
	for name, text := range parts {
		if strings.HasPrefix(name, "word/footer") {
			footer += text
		}
	}
	if !strings.Contains(footer, "DRAFT") {
		t.Errorf("the footer does not say DRAFT")
	}
	if doc := parts["word/document.xml"]; !strings.Contains(doc, "Draft: problems to fix") || !strings.Contains(doc, "K09") {
		t.Errorf("the body lacks the problems")
	}
}

// TestDraftFromSettings checks that draft = true in the settings file
// turns --draft on, and that a roster is never rendered from a draft.
func TestDraftFromSettings(t *testing.T) {
	dir := t.TempDir()
	settings := filepath.Join(dir, "s.toml")
	if err := os.WriteFile(settings, []byte("draft = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "d.txt")
	if msg, code := execOCS(t, "--settings", settings, "render", "standard", gaps, "-o", out); code != 0 {
		t.Fatalf("exit %d\n%s", code, msg)
	}
	text, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(text), "【草稿】") {
		t.Errorf("text output is not marked: %v %q", err, cut(string(text), 40))
	}
	roster := filepath.Join(dir, "r.csv")
	if err := os.WriteFile(roster, []byte("name,id\n王小明,A1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msg, code := execOCS(t, "render", "assessment", gaps, "--draft", "--roster", roster, "-o", filepath.Join(dir, "forms"))
	if code == 0 || !strings.Contains(msg, "never rendered from a draft") {
		t.Errorf("roster from a draft: exit %d\n%s", code, msg)
	}
}

// TestBuildDraft checks that build leaves a standard with errors out
// unless --draft asks for it.
func TestBuildDraft(t *testing.T) {
	if testing.Short() {
		t.Skip("builds documents")
	}
	dir := t.TempDir()
	data, err := os.ReadFile(gaps)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gaps.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	msg, code := execOCS(t, "build", dir, "-o", out, "--only", "standard,pdf")
	if code == 0 || !strings.Contains(msg, "not built") {
		t.Errorf("without --draft: exit %d\n%s", code, msg)
	}
	msg, code = execOCS(t, "build", dir, "-o", out, "--only", "standard,pdf", "--draft")
	if code != 0 || !strings.Contains(msg, "as a draft: 2 errors") {
		t.Fatalf("--draft: exit %d\n%s", code, msg)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf"))
	if len(files) != 1 {
		t.Fatalf("built %v", files)
	}
}

// cut shortens s to n runes for messages.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
