package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/standard"
)

const seedPath = "../../importer/testdata/THM2431-001v1-seed.txt"

func TestImportSeed(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "thm.toml")
	rep := filepath.Join(dir, "report.json")
	code, stdout, stderr := ocs(t, "import", seedPath, "-o", out, "--report", rep)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout %q, want nothing with -o FILE", stdout)
	}
	for _, want := range []string{
		"info: P1.1.9 (page 2): cut by a page break and rejoined",
		"warning R04: 行業別代碼 \"155\"",
		"imported " + seedPath + " (text) to " + out + ": 0 errors",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	s, err := standard.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if s.Code != "THM2431-001v1" || len(s.Duties) != 5 {
		t.Errorf("imported %s with %d duties", s.Code, len(s.Duties))
	}
	data, err := os.ReadFile(rep)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Format   string
		Errors   int
		Findings []struct{ Severity, Where, Message string }
		Problems []struct{ Rule, Severity, Path string }
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if r.Format != "text" || r.Errors != 0 || len(r.Findings) == 0 {
		t.Errorf("report: %+v", r)
	}
	found := false
	for _, p := range r.Problems {
		if p.Rule == "R04" && p.Severity == "warning" && p.Path == "category.industry[0].code" {
			found = true
		}
	}
	if !found {
		t.Errorf("the report's problems lack R04: %+v", r.Problems)
	}
}

// -o - writes the TOML to standard output and the report to standard error.
func TestImportStdout(t *testing.T) {
	code, stdout, stderr := ocs(t, "import", seedPath, "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, `code = "THM2431-001v1"`) || strings.Contains(stdout, "info:") {
		t.Errorf("stdout is not the TOML alone:\n%.300s", stdout)
	}
	if _, err := standard.Parse("stdout.toml", []byte(stdout)); err != nil {
		t.Error(err)
	}
}

// Errors in the result: exit 1, and the TOML is still written.
func TestImportWithErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "broken.txt")
	// An indicator references a note that is not defined: check error R10.
	text := "工作職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵 K\t職能內涵 S\n" +
		"T1 職責\tT1.1 任務\t\tP1.1.1 指標【註9】。\t3\tK01 知識\tS01 技能\n"
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "broken.toml")
	code, _, stderr := ocs(t, "import", in, "-o", out)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "R10") {
		t.Errorf("stderr lacks the check error R10:\n%s", stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the TOML was not written: %v", err)
	}
}

// Unusable input: exit 2, a clear message, and no output file at all.
func TestImportUnusable(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"minutes.txt", []byte("會議紀錄\n出席：王小明\n"), "no 職能基準 table found"},
		{"empty.txt", nil, "no text"},
		{"archive.docx", []byte("PK\x03\x04 not really"), "zip"},
		{"binary.txt", []byte{0, 1, 2, 3}, "not text"},
	}
	for _, tt := range tests {
		in := filepath.Join(dir, tt.name)
		if err := os.WriteFile(in, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, tt.name+".toml")
		code, _, stderr := ocs(t, "import", in, "-o", out)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2\n%s", tt.name, code, stderr)
		}
		if !strings.Contains(stderr, tt.msg) {
			t.Errorf("%s: stderr %q lacks %q", tt.name, stderr, tt.msg)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: an output file was left: %v", tt.name, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(tests) {
		t.Errorf("the folder holds %d files, want only the %d inputs", len(entries), len(tests))
	}
	// --report still says why.
	rep := filepath.Join(dir, "report.json")
	code, _, _ := ocs(t, "import", filepath.Join(dir, "minutes.txt"), "-o", filepath.Join(dir, "m.toml"), "--report", rep)
	data, err := os.ReadFile(rep)
	if code != 2 || err != nil {
		t.Fatalf("exit %d, report: %v", code, err)
	}
	var r struct{ Format, Output, Unusable string }
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if r.Format != "text" || r.Output != "" || !strings.Contains(r.Unusable, "no 職能基準 table found") {
		t.Errorf("report of an unusable input: %+v", r)
	}
}

// The format comes from the content, not the extension: a DOCX named .txt
// is read as DOCX.
func TestImportSniffsFormat(t *testing.T) {
	dir := t.TempDir()
	docxOut := filepath.Join(dir, "thm.docx")
	if code, _, stderr := ocs(t, "render", "standard", "THM2431-001v1", "-o", docxOut); code != 0 {
		t.Fatalf("render: %s", stderr)
	}
	data, err := os.ReadFile(docxOut)
	if err != nil {
		t.Fatal(err)
	}
	misnamed := filepath.Join(dir, "thm.txt")
	if err := os.WriteFile(misnamed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := ocs(t, "import", misnamed, "-o", filepath.Join(dir, "thm.toml"))
	if code != 0 || !strings.Contains(stderr, "(docx)") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// Without -o the TOML goes next to the input; the input is never
// overwritten.
func TestImportDefaultOutput(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "seed.txt")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := ocs(t, "import", in); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "seed.toml")); err != nil {
		t.Error(err)
	}
	code, _, stderr := ocs(t, "import", in, "-o", in)
	if code != 2 || !strings.Contains(stderr, "is the input file") {
		t.Errorf("importing onto the input: exit %d, %s", code, stderr)
	}
	if got, _ := os.ReadFile(in); string(got) != string(data) {
		t.Error("the input was changed")
	}
}
