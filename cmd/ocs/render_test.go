package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/standards"
)

func TestRenderFormats(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args  []string
		file  string
		magic string
	}{
		{[]string{"standard", "THM2431-001v1", "-o", "thm.pdf"}, "thm.pdf", "%PDF-"},
		{[]string{"standard", "THM2431-001v1", "-o", "thm.docx"}, "thm.docx", "PK\x03\x04"},
		{[]string{"standard", "THM2431-001v1", "-f", "docx", "-o", "thm.bin"}, "thm.bin", "PK\x03\x04"},
		{[]string{"assessment", "BAS1219-002v4", "-o", "a.pdf", "--scope", "T2", "--points", "5"}, "a.pdf", "%PDF-"},
		{[]string{"jobdesc", "THM2431-001v1", "-o", "p.html"}, "p.html", "<!DOCTYPE html>"},
		{[]string{"jobdesc", "THM2431-001v1", "-o", "p.txt"}, "p.txt", ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append([]string{"render"}, tt.args...)
			for i, a := range args {
				if a == tt.file {
					args[i] = filepath.Join(dir, a)
				}
			}
			code, _, stderr := ocs(t, args...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte(tt.magic)) || len(data) < 500 {
				t.Errorf("%s: %d bytes starting %q", tt.file, len(data), data[:min(len(data), 16)])
			}
		})
	}
}

func TestRenderStdout(t *testing.T) {
	code, stdout, stderr := ocs(t, "render", "jobdesc", "THM2431-001v1", "-f", "txt", "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"行銷業務專員", "THM2431-001v1", "和顧客有效溝通"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text output lacks %q", want)
		}
	}
}

func TestRenderRefusesErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.toml")
	os.WriteFile(in, []byte("occupation = \"x\"\nlevel = 3\n[[duty]]\ntitle = \"d\"\n  [[duty.task]]\n  title = \"t\"\n  indicators = [\"p【註3】\"]\n"), 0o644)
	out := filepath.Join(dir, "bad.pdf")
	code, _, stderr := ocs(t, "render", "standard", in, "-o", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "bad.toml:7") || !strings.Contains(stderr, "註3") {
		t.Errorf("diagnostic does not point at the undefined note on line 7:\n%s", stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused render wrote its output")
	}
}

func TestRenderUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"render", "poster", "THM2431-001v1"}, "unknown document kind"},
		{[]string{"render", "standard", "NOPE123"}, "neither a file nor a bundled standard"},
		{[]string{"render", "standard", "THM2431-001v1", "-o", "x.odt"}, "cannot tell the format"},
		{[]string{"render", "standard", "THM2431-001v1", "--roster", "x.csv"}, "assessment kind only"},
		{[]string{"render", "assessment", "THM2431-001v1", "--scope", "T9", "-o", "-"}, "T9"},
	}
	for _, tt := range tests {
		code, _, stderr := ocs(t, tt.args...)
		if code == 0 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want an error mentioning %q", tt.args, code, stderr, tt.want)
		}
	}
}

// roster writes a CSV roster of n candidates and returns its path.
func roster(t testing.TB, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("姓名,編號,單位,日期\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "受評者%03d,A%03d,台北訓練中心,2026/12/01\n", i, i)
	}
	b.WriteString("王小明,A001,重名測試,2026/12/01\n")
	p := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderRosterFolderAndCombined(t *testing.T) {
	dir := t.TempDir()
	csv := roster(t, dir, 3)
	out := filepath.Join(dir, "forms")
	code, _, stderr := ocs(t, "render", "assessment", "THM2431-001v1", "--roster", csv, "-o", out, "-j", "2")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 {
		t.Fatalf("%d files for 4 candidates: %v", len(entries), entries)
	}
	// ID_name, in file-name order (ReadDir sorts); the second A001 is a
	// different person, named in full.
	var files []string
	for _, e := range entries {
		files = append(files, e.Name())
	}
	if want := []string{"A001_受評者001.pdf", "A001_王小明.pdf", "A002_受評者002.pdf", "A003_受評者003.pdf"}; !slices.Equal(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	// Without pdftotext the file checks still run; the text checks are
	// skipped at the end (a failure under OCS_REQUIRE_TOOLS=1).
	pdftotext, havePdftotext := exec.LookPath("pdftotext")
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".pdf") {
			t.Errorf("unexpected file %s", e.Name())
		}
		if havePdftotext != nil {
			continue
		}
		txt, err := exec.Command(pdftotext, filepath.Join(out, e.Name()), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		names := 0
		for _, n := range []string{"受評者001", "受評者002", "受評者003", "王小明"} {
			if bytes.Contains(txt, []byte(n)) {
				names++
				if !strings.Contains(e.Name(), n) {
					t.Errorf("%s carries %s", e.Name(), n)
				}
			}
		}
		if names != 1 {
			t.Errorf("%s names %d candidates, want exactly its own", e.Name(), names)
		}
	}
	combined := filepath.Join(dir, "all.pdf")
	code, _, stderr = ocs(t, "render", "assessment", "THM2431-001v1", "--roster", csv, "--combine", "-o", combined)
	if code != 0 {
		t.Fatalf("combine: exit %d\n%s", code, stderr)
	}
	if havePdftotext != nil {
		testtool.Missing(t, "pdftotext", "apt-get install poppler-utils")
	}
	txt, err := exec.Command(pdftotext, combined, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", combined, err)
	}
	for _, n := range []string{"受評者001", "受評者002", "受評者003", "王小明"} {
		if !bytes.Contains(txt, []byte(n)) {
			t.Errorf("combined PDF lacks %s", n)
		}
	}
}

func TestRenderRosterErrorWritesNothing(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "r.csv")
	os.WriteFile(csv, []byte("編號,單位\nA1,x\n"), 0o644)
	out := filepath.Join(dir, "forms")
	code, _, stderr := ocs(t, "render", "assessment", "THM2431-001v1", "--roster", csv, "-o", out)
	if code == 0 || !strings.Contains(stderr, "姓名") {
		t.Fatalf("roster without a name column: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed roster render created the output folder")
	}
}

// BenchmarkRoster500 renders the assessment pack of THM2431 as PDF for 500
// candidates into a folder, as `ocs render assessment --roster` does.
func BenchmarkRoster500(b *testing.B) {
	dir := b.TempDir()
	csv := roster(b, dir, 499)
	for i := 0; i < b.N; i++ {
		out := filepath.Join(dir, fmt.Sprintf("forms%d", i))
		if code, _, stderr := ocsCtx(b, context.Background(), "render", "assessment", "THM2431-001v1", "--roster", csv, "-o", out); code != 0 {
			b.Fatalf("exit %d\n%s", code, stderr)
		}
		os.RemoveAll(out)
	}
}

// BenchmarkBuildBundled builds every bundled standard in every kind and
// format from scratch.
func BenchmarkBuildBundled(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		if code, _, stderr := ocsCtx(b, context.Background(), "build", "-o", dir, "--force"); code != 0 {
			b.Fatalf("exit %d\n%s", code, stderr)
		}
	}
}

// BenchmarkBuild100 builds the standard tables of 100 standards as PDF
// (the bundled ones copied under 50 codes each), as ocs build DIR
// --only pdf,standard does.
func BenchmarkBuild100(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "standards")
	os.Mkdir(in, 0o755)
	for _, code := range []string{"THM2431-001v1", "BAS1219-002v4"} {
		data, _, err := standards.Open(code)
		if err != nil {
			b.Fatal(err)
		}
		for i := 1; i <= 50; i++ {
			c := fmt.Sprintf("%s-%03d%s", code[:7], i, code[11:])
			copied := strings.Replace(string(data), `code = "`+code+`"`, `code = "`+c+`"`, 1)
			if err := os.WriteFile(filepath.Join(in, c+".toml"), []byte(copied), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	for i := 0; i < b.N; i++ {
		out := filepath.Join(dir, fmt.Sprintf("out%d", i))
		if code, _, stderr := ocsCtx(b, context.Background(), "build", in, "-o", out, "--only", "pdf,standard"); code != 0 {
			b.Fatalf("exit %d\n%s", code, stderr)
		}
		if n, _ := filepath.Glob(filepath.Join(out, "*", "*.pdf")); len(n) != 100 {
			b.Fatalf("%d PDFs, want 100", len(n))
		}
		os.RemoveAll(out)
	}
}

// The standard table of THM2431 stays compact: Typst sets it on 4 A4
// pages; ours must not drift past 5.
func TestStandardTablePages(t *testing.T) {
	out := filepath.Join(t.TempDir(), "thm.pdf")
	if code, _, stderr := ocs(t, "render", "standard", "THM2431-001v1", "-o", out); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	info, err := exec.Command(testtool.Path(t, "pdfinfo", "poppler-utils"), out).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	var pages int
	if m := regexp.MustCompile(`(?m)^Pages: +(\d+)$`).FindSubmatch(info); m != nil {
		pages, _ = strconv.Atoi(string(m[1]))
	}
	if pages < 4 || pages > 5 {
		t.Errorf("THM2431's standard table has %d pages, want 4 or 5:\n%s", pages, info)
	}
}

// A cohort's files do not depend on the number of workers.
func TestRenderRosterWorkersIdentical(t *testing.T) {
	dir := t.TempDir()
	csv := roster(t, dir, 5)
	sameForWorkers(t, dir, 6, "3", "render", "assessment", "BAS1219-002v4", "--roster", csv, "-f", "docx")
}

// A candidate's PDF does not depend on the number of workers, nor on who
// else the roster lists: a roster of that candidate alone gives the same
// bytes.
func TestRenderRosterPDFIdentical(t *testing.T) {
	dir := t.TempDir()
	csv := roster(t, dir, 4)
	first := sameForWorkers(t, dir, 5, "2", "render", "assessment", "THM2431-001v1", "--roster", csv)
	one := filepath.Join(dir, "one.csv")
	os.WriteFile(one, []byte("姓名,編號,單位,日期\n王小明,A001,重名測試,2026/12/01\n"), 0o644)
	out := filepath.Join(dir, "alone")
	if code, _, stderr := ocs(t, "render", "assessment", "THM2431-001v1", "--roster", one, "-o", out); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	alone := tree(t, out)
	if len(alone) != 1 {
		t.Fatalf("%d files for one candidate", len(alone))
	}
	for name, data := range alone {
		if !bytes.Equal(data, first[name]) {
			t.Errorf("%s alone differs from %s in the roster of five", name, name)
		}
	}
}

// A character no font has stops the render at its field and line, unless
// empty boxes are allowed, which warns.
func TestRenderMissingCharacter(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "rare.toml")
	os.WriteFile(in, []byte("occupation = \"測試人員\"\ndescription = \"罕用字\U00020000測試。\"\nlevel = 3\n[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  title = \"任務\"\n  level = 3\n  indicators = [\"指標。\"]\n[remarks]\nprerequisites = [\"無。\"]\n"), 0o644)
	out := filepath.Join(dir, "rare.pdf")
	code, _, stderr := ocs(t, "render", "standard", in, "-o", out, "--no-system-fonts")
	if code != 1 || !strings.Contains(stderr, "rare.toml:2: error FONT: 𠀀 U+20000") || !strings.Contains(stderr, "(description)") {
		t.Fatalf("exit %d, want 1 with the character at line 2:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a refused render wrote its output")
	}
	code, _, stderr = ocs(t, "render", "standard", in, "-o", out, "--no-system-fonts", "--allow-missing-glyphs")
	if code != 0 || !strings.Contains(stderr, "rare.toml:2: warning FONT: 𠀀 U+20000") || strings.Contains(stderr, "error") ||
		strings.Count(stderr, "U+20000") != 1 {
		t.Fatalf("--allow-missing-glyphs: exit %d, want 0 with one warning (not an error):\n%s", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
}

// ocs fill --roster writes the same files whatever the number of workers.
func TestFillRosterWorkersIdentical(t *testing.T) {
	dir := t.TempDir()
	csv := roster(t, dir, 6)
	tpl := filepath.Join("..", "..", "examples", "templates", "assessment-record.docx")
	sameForWorkers(t, dir, 7, "3", "fill", tpl, "THM2431-001v1", "--roster", csv)
}

// ocs fill -f pdf converts a roster's documents with LibreOffice in a few
// processes, not one a candidate: each PDF must still be its own
// candidate's.
func TestFillRosterPDF(t *testing.T) {
	testtool.Path(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := testtool.Path(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	csv := roster(t, dir, 4) // 受評者001–004 and 王小明
	tpl := filepath.Join("..", "..", "examples", "templates", "assessment-record.docx")
	out := filepath.Join(dir, "records")
	if code, _, stderr := ocs(t, "fill", tpl, "THM2431-001v1", "--roster", csv, "-f", "pdf", "-o", out, "-j", "2"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	files := tree(t, out)
	if len(files) != 5 {
		t.Fatalf("%d files for 5 candidates", len(files))
	}
	for name := range files {
		text, err := exec.Command(pdftotext, filepath.Join(out, name), "-").Output()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The file is named A001_受評者001.pdf: its text names that one
		// candidate and no other. (LibreOffice's PDF puts a space between
		// 受評者 and 001.)
		stem := strings.TrimSuffix(name, ".pdf")
		own := stem[strings.Index(stem, "_")+1:]
		flat := strings.Join(strings.Fields(string(text)), "")
		for _, who := range []string{"受評者001", "受評者002", "受評者003", "受評者004", "王小明"} {
			if has := strings.Contains(flat, who); has != (who == own) {
				t.Errorf("%s: names %s: %v", name, who, has)
			}
		}
	}
}

// sameForWorkers runs the roster command args into a folder of dir with
// -j 1 and with -j many, checks that both write the same want files byte
// for byte, and returns them.
func sameForWorkers(t *testing.T, dir string, want int, many string, args ...string) map[string][]byte {
	t.Helper()
	var trees []map[string][]byte
	for _, j := range []string{"1", many} {
		out := filepath.Join(dir, "out-j"+j)
		if code, _, stderr := ocs(t, append(args, "-o", out, "-j", j)...); code != 0 {
			t.Fatalf("-j %s: exit %d\n%s", j, code, stderr)
		}
		trees = append(trees, tree(t, out))
	}
	if len(trees[0]) != want {
		t.Fatalf("%d files for %d candidates", len(trees[0]), want)
	}
	for name, data := range trees[0] {
		if !bytes.Equal(data, trees[1][name]) {
			t.Errorf("%s differs between -j 1 and -j %s", name, many)
		}
	}
	return trees[0]
}
