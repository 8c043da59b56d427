package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTerminal is standard output or error as a terminal.
type fakeTerminal struct{ bytes.Buffer }

func (*fakeTerminal) IsTerminal() bool { return true }

// TestEpoch: SOURCE_DATE_EPOCH is read once; an invalid value is one clear
// error and nothing is built, in every format.
func TestEpoch(t *testing.T) {
	for _, bad := range []string{"abc", "-1", "99999999999999", "315532799"} {
		t.Run(bad, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", bad)
			dir := t.TempDir()
			for _, args := range [][]string{
				{"render", "standard", "THM2431-001v1", "-o", filepath.Join(dir, "a.html")},
				{"render", "standard", "THM2431-001v1", "-o", filepath.Join(dir, "a.docx")},
				{"build", "-o", filepath.Join(dir, "dist")},
			} {
				code, _, stderr := ocs(t, args...)
				if code != 2 || strings.Count(stderr, "SOURCE_DATE_EPOCH") != 1 || strings.Count(stderr, "\n") != 1 {
					t.Errorf("%s: exit %d, stderr %q; want exit 2 and one line naming SOURCE_DATE_EPOCH", args[0], code, stderr)
				}
			}
			if files := tree(t, dir); len(files) > 0 {
				t.Errorf("an invalid SOURCE_DATE_EPOCH still wrote %v", keys(files))
			}
		})
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	code, out, stderr := ocs(t, "render", "standard", "THM2431-001v1", "-f", "pdf", "-o", "-")
	if code != 0 || !strings.Contains(out, "/CreationDate (D:20231114221320") {
		t.Errorf("exit %d: the PDF does not carry the date of SOURCE_DATE_EPOCH=1700000000\n%s", code, stderr)
	}
	code, out, stderr = ocs(t, "render", "standard", "THM2431-001v1", "-f", "docx", "-o", "-")
	if code != 0 || !strings.Contains(docxCore(t, out), "2023-11-14T22:13:20Z") {
		t.Errorf("exit %d: the DOCX does not carry the date of SOURCE_DATE_EPOCH=1700000000\n%s", code, stderr)
	}
}

// docxCore returns a DOCX's docProps/core.xml.
func docxCore(t testing.TB, data string) string {
	t.Helper()
	return zipEntry(t, data, "docProps/core.xml")
}

func TestOutputMessages(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "out")
	os.Mkdir(folder, 0o755)
	bad := writeFileT(t, dir, "bad.toml", "occupation = \"x\"\ndescription = \"d\"\nlevel = 3\n[[duty]]\ntitle = \"d\"\n  [[duty.task]]\n  title = \"t\"\n  indicators = [\"p【註3】\"]\n")
	badRoster := writeFileT(t, dir, "r.csv", "編號,單位\nA1,x\n")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"-o onto a folder", []string{"render", "standard", "THM2431-001v1", "-f", "txt", "-o", folder}, 2, folder + " is a folder"},
		{"-f contradicts -o", []string{"render", "standard", "THM2431-001v1", "-f", "docx", "-o", filepath.Join(dir, "x.pdf")}, 2, "-f docx does not match the output name"},
		{"one error, singular", []string{"render", "standard", bad, "-o", filepath.Join(dir, "bad.pdf")}, 1, "ocs: 1 error; nothing written"},
		{"roster content error", []string{"render", "assessment", "THM2431-001v1", "--roster", badRoster, "-o", filepath.Join(dir, "forms")}, 1, "姓名"},
		{"roster onto a file", []string{"render", "assessment", "THM2431-001v1", "--roster", roster(t, dir, 1), "-o", bad}, 2, "is a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := ocs(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.want)
			}
		})
	}
	for _, f := range []string{"x.pdf", "bad.pdf", "forms"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("a refused command wrote %s", f)
		}
	}
	if entries, _ := os.ReadDir(folder); len(entries) > 0 {
		t.Errorf("-o onto a folder wrote into it: %v", entries)
	}
}

// Binary output is never written to a terminal; text is, with control
// characters escaped.
func TestTerminalOutput(t *testing.T) {
	for _, f := range []string{"pdf", "docx"} {
		var out, errb fakeTerminal
		code := execute(t.Context(), []string{"render", "standard", "THM2431-001v1", "-f", f, "-o", "-"}, &out, &errb)
		if code != 2 || out.Len() != 0 || !strings.Contains(errb.String(), "would write "+strings.ToUpper(f)+" to the terminal") {
			t.Errorf("-f %s -o - to a terminal: exit %d, %d bytes out, %q", f, code, out.Len(), errb.String())
		}
	}

	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "standards", "THM2431-001v1.toml"))
	if err != nil {
		t.Fatal(err)
	}
	evil := strings.Replace(string(data), `occupation = "行銷業務專員"`, `occupation = "行銷\u001b]0;pwned\u0007業務\u009b31m專員"`, 1)
	in := writeFileT(t, dir, "evil.toml", evil)
	var out, errb fakeTerminal
	code := execute(t.Context(), []string{"render", "standard", in, "-f", "txt", "-o", "-"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errb.String())
	}
	if s := out.String(); !strings.Contains(s, `行銷\x1b]0;pwned\a業務\u009b31m專員`) || strings.ContainsAny(s, "\x1b\x07\u009b") {
		t.Errorf("text to a terminal does not show the control characters escaped:\n%.400q", s)
	}
	var plain bytes.Buffer
	if code := execute(t.Context(), []string{"render", "standard", in, "-f", "txt", "-o", "-"}, &plain, &errb); code != 0 || !strings.Contains(plain.String(), "\x1b]0;pwned\x07") {
		t.Errorf("text to a pipe was changed: exit %d", code)
	}

	// Diagnostics too.
	bad := writeFileT(t, dir, "bad.toml", "occupation = \"x\"\ndescription = \"d\"\nlevel = 3\n[[duty]]\ntitle = \"d\"\n  [[duty.task]]\n  title = \"t\"\n  indicators = [\"p【註3】\"]\n  knowledge = [\"K\\u001b[2J\"]\n")
	out.Reset()
	errb.Reset()
	execute(t.Context(), []string{"check", bad}, &out, &errb)
	if all := out.String() + errb.String(); !strings.Contains(all, `K\x1b[2J`) || strings.Contains(all, "\x1b") {
		t.Errorf("check on a terminal does not escape the ESC of its input:\n%q", all)
	}
}

func TestEscaper(t *testing.T) {
	var b bytes.Buffer
	e := &escaper{w: &b}
	// Write byte by byte: sequences cut between writes are kept whole.
	for _, c := range []byte("a\tb\n中\x1b[0m\r\u0085é\xff!") {
		if n, err := e.Write([]byte{c}); n != 1 || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if want := "a\tb\n中\\x1b[0m\\r\\u0085é\\xff!"; b.String() != want {
		t.Errorf("escaped %q, want %q", b.String(), want)
	}
}

// A failed write leaves neither a partial file nor a temporary one.
func TestWriteFileNoTemp(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "sub")
	if err := os.WriteFile(target, nil, 0o644); err != nil { // a file where a folder is needed
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(target, "x.pdf"), []byte("%PDF-"), nil); err == nil {
		t.Fatal("writing below a file succeeded")
	}
	if err := writeFile(filepath.Join(dir, "ok.pdf"), []byte("%PDF-"), nil); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "sub" && e.Name() != "ok.pdf" {
			t.Errorf("left %s behind", e.Name())
		}
	}
	temps.mu.Lock()
	defer temps.mu.Unlock()
	if len(temps.paths) != 0 {
		t.Errorf("temporary files still registered: %v", temps.paths)
	}
}
