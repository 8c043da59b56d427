package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/internal/testtool"
)

// fixture is a standard of the diff package's fixtures.
func fixture(name string) string { return filepath.Join("..", "..", "diff", "testdata", name) }

func TestDiffExitStatus(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(bad, []byte("occupation = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		out  string // in stdout
	}{
		{"same", []string{"diff", fixture("base.toml"), fixture("base.toml")}, 0, "no differences"},
		{"bundled same", []string{"diff", "THM2431-001v1", "THM2431-001v1"}, 0, "no differences"},
		{"different", []string{"diff", fixture("base.toml"), fixture("entries.toml")}, 1, "+ indicator P1.1.3 (T1.1): 與利害關係人確認需求清單。"},
		{"missing file", []string{"diff", fixture("base.toml"), fixture("none.toml")}, 2, ""},
		{"broken file", []string{"diff", bad, fixture("base.toml")}, 2, ""},
		{"one argument", []string{"diff", fixture("base.toml")}, 2, ""},
		{"bad format", []string{"diff", "-f", "xml", fixture("base.toml"), fixture("entries.toml")}, 2, ""},
		{"assessment", []string{"diff", "--assessment", fixture("base.toml"), fixture("entries.toml")}, 1, "+ added P1.1.3: 與利害關係人確認需求清單。"},
		{"assessment none", []string{"diff", "--assessment", fixture("base.toml"), fixture("header.toml")}, 0, "no assessment item changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := ocs(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errs)
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("stdout lacks %q:\n%s", tt.out, out)
			}
			if strings.Contains(out, "\x1b[") {
				t.Error("colour written to a buffer, not a terminal")
			}
		})
	}
}

func TestDiffOutputFormats(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ out, flag, want string }{
		{"c.json", "", `"format": "ocs-diff/1"`},
		{"c.txt", "", "+ indicator P1.1.3 (T1.1): 與利害關係人確認需求清單。"},
		{"r.txt", "txt", "[+P1.1.3 與利害關係人確認需求清單。+]"},
		{"r.html", "", "<ins>P1.1.3 與利害關係人確認需求清單。</ins>"},
	} {
		out := filepath.Join(dir, tt.out)
		args := []string{"diff", "-o", out, fixture("base.toml"), fixture("entries.toml")}
		if tt.flag != "" {
			args = append(args, "-f", tt.flag)
		}
		if code, _, errs := ocs(t, args...); code != 1 {
			t.Fatalf("%v: exit status %d: %s", args, code, errs)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), tt.want) {
			t.Errorf("%s lacks %q", tt.out, tt.want)
		}
	}
}

func TestDiffJSON(t *testing.T) {
	code, out, errs := ocs(t, "diff", "--format", "json", fixture("base.toml"), fixture("renumbered.toml"))
	if code != 1 {
		t.Fatalf("exit status %d: %s", code, errs)
	}
	var rep struct {
		Format  string
		Equal   bool
		Changes []struct{ Action, Item, OldCode, NewCode string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Format != "ocs-diff/1" || rep.Equal || len(rep.Changes) != 6 {
		t.Errorf("report: %+v", rep)
	}
	for _, c := range rep.Changes {
		if c.Action != "moved" {
			t.Errorf("renumbered standard: %+v, want moves only", c)
		}
	}
}

// TestDiffDocx writes a DOCX redline and checks its tracked changes, then
// lets LibreOffice open and re-save it and checks they survived.
func TestDiffDocx(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "changes.docx")
	code, _, errs := ocs(t, "diff", "-o", out, fixture("base.toml"), fixture("entries.toml"))
	if code != 1 {
		t.Fatalf("exit status %d: %s", code, errs)
	}
	doc := docxPart(t, out, "word/document.xml")
	for _, want := range []string{
		`w:author="ocs"`,
		`<w:t>風險與</w:t>`,
		`<w:delText>發現缺陷時通報開發人員。</w:delText>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(doc, "<w:ins "); n < 4 {
		t.Errorf("%d insertions, want at least 4", n)
	}

	py := testtool.PythonDocx(t)
	read := exec.Command(py, "-c", `import docx,sys
d = docx.Document(sys.argv[1])
print([t.rows[0].cells[0].text for t in d.tables])`, out)
	got, err := read.CombinedOutput()
	if err != nil || !strings.Contains(string(got), "項目") {
		t.Errorf("python-docx: %v\n%s", err, got)
	}

	soffice := testtool.Path(t, "soffice", "libreoffice-writer-nogui")
	conv := filepath.Join(dir, "lo")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", conv, out)
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	again := docxPart(t, filepath.Join(conv, "changes.docx"), "word/document.xml")
	for _, want := range []string{"<w:ins ", "<w:del ", `w:author="ocs"`, "發現缺陷時通報開發人員。"} {
		if !strings.Contains(again, want) {
			t.Errorf("LibreOffice's copy lacks %s: the tracked changes did not survive", want)
		}
	}
}

// docxPart returns one part of a DOCX file.
func docxPart(t *testing.T, path, part string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDiffColour(t *testing.T) {
	code, out, _ := ocs(t, "diff", "--color", "always", fixture("base.toml"), fixture("entries.toml"))
	if code != 1 || !strings.Contains(out, "依\x1b[32;4m風險與\x1b[0m需求") {
		t.Errorf("--color always: exit %d, output %q", code, out)
	}
	tmp, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.Close()
	tests := []struct {
		mode, out string
		w         io.Writer
		noColour  string
		want      bool
	}{
		{"always", "x.txt", &bytes.Buffer{}, "1", true},
		{"never", "-", os.Stdout, "", false},
		{"auto", "-", &bytes.Buffer{}, "", false}, // not a terminal
		{"auto", "-", tmp, "", false},             // a file is not a terminal
		{"auto", "report.txt", os.Stdout, "", false},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColour)
		if got := useColour(tt.mode, tt.out, tt.w); got != tt.want {
			t.Errorf("useColour(%q, %q, %T) = %v", tt.mode, tt.out, tt.w, got)
		}
	}
}
