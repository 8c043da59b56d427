package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/standards"
)

// ocs runs the command line in-process and returns status, stdout, stderr.
func ocs(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	return ocsCtx(t, context.Background(), args...)
}

func ocsCtx(t testing.TB, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := execute(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

// library copies the bundled standards into a temporary folder.
func library(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range standards.Names() {
		data, err := standards.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tree reads every file below dir, by relative path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func readManifestT(t *testing.T, dir string) manifest {
	t.Helper()
	var m manifest
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBuildBundledReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	a, b := t.TempDir(), t.TempDir()
	if code, _, stderr := ocs(t, "build", "-o", a, "-j", "1"); code != 0 {
		t.Fatalf("build -j 1: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := ocs(t, "build", "-o", b, "-j", "4"); code != 0 {
		t.Fatalf("build -j 4: exit %d\n%s", code, stderr)
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("trees differ in size: %d vs %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between -j 1 and -j 4", name)
		}
	}
	m := readManifestT(t, a)
	want := len(standards.Names()) * 7 // standard ×2, assessment ×2, profile ×3
	if len(m.Outputs) != want {
		t.Fatalf("manifest lists %d outputs, want %d", len(m.Outputs), want)
	}
	for _, o := range m.Outputs {
		data := ta[o.Path]
		if int64(len(data)) != o.Size || sum(data) != o.SHA256 {
			t.Errorf("%s: manifest size/sha256 do not match the file", o.Path)
		}
		if o.Inputs == "" || o.Kind == "" || o.Format == "" {
			t.Errorf("%s: incomplete manifest entry %+v", o.Path, o)
		}
	}
	if _, ok := ta["THM2431-001v1/THM2431-001v1-standard.pdf"]; !ok {
		t.Errorf("no standard table PDF for THM2431-001v1 in %v", keys(ta))
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestBuildIsolatesBrokenStandard(t *testing.T) {
	lib := library(t)
	broken := "occupation = \"壞的\"\nlevel = 9\n[[duty]]\ntitle = \"x\"\n  [[duty.task]]\n  title = \"y\"\n  indicators = [\"z\"]\n  knowledge = [\"K99\"]\n"
	if err := os.WriteFile(filepath.Join(lib, "broken.toml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, _, stderr := ocs(t, "build", lib, "-o", out, "--only", "pdf")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "broken.toml") || !strings.Contains(stderr, "error") {
		t.Errorf("the broken standard's diagnostics are missing:\n%s", stderr)
	}
	files := tree(t, out)
	for _, code := range standards.Codes() {
		for _, kind := range []string{"standard", "assessment", "profile"} {
			p := code + "/" + code + "-" + kind + ".pdf"
			if !bytes.HasPrefix(files[p], []byte("%PDF-")) {
				t.Errorf("%s was not built next to the broken standard", p)
			}
		}
	}
	for p := range files {
		if strings.Contains(p, "broken") {
			t.Errorf("the broken standard left output %s", p)
		}
	}
}

func TestBuildIncremental(t *testing.T) {
	lib := library(t)
	out := t.TempDir()
	if code, _, stderr := ocs(t, "build", lib, "-o", out); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	first := tree(t, out)
	stamp := func() map[string]int64 {
		m := map[string]int64{}
		for p := range first {
			fi, err := os.Stat(filepath.Join(out, p))
			if err != nil {
				t.Fatal(err)
			}
			m[p] = fi.ModTime().UnixNano()
		}
		return m
	}
	before := stamp()
	code, _, stderr := ocs(t, "build", lib, "-o", out)
	if code != 0 || !strings.Contains(stderr, "built 0 files (14 up to date)") {
		t.Fatalf("second build: exit %d, want nothing rebuilt:\n%s", code, stderr)
	}
	for p, ts := range stamp() {
		if p != manifestName && ts != before[p] {
			t.Errorf("%s was rewritten although nothing changed", p)
		}
	}

	// Change one standard: exactly its seven outputs are made again.
	file := filepath.Join(lib, "BAS1219-002v4.toml")
	data, _ := os.ReadFile(file)
	changed := strings.Replace(string(data), "依組織需求，規劃及執行企劃案。", "依組織需求，規劃、執行及檢討企劃案。", 1)
	if changed == string(data) {
		t.Fatal("test edit did not apply: the description of BAS1219-002v4 changed")
	}
	os.WriteFile(file, []byte(changed), 0o644)
	before = stamp()
	code, _, stderr = ocs(t, "build", lib, "-o", out, "-v")
	if code != 0 || !strings.Contains(stderr, "built 7 files (7 up to date)") {
		t.Fatalf("third build: exit %d, want 7 rebuilt:\n%s", code, stderr)
	}
	after := stamp()
	for p := range first {
		if p == manifestName {
			continue
		}
		rebuilt := after[p] != before[p]
		if want := strings.HasPrefix(p, "BAS1219-002v4/"); rebuilt != want {
			t.Errorf("%s: rebuilt = %v, want %v", p, rebuilt, want)
		}
	}
}

func TestBuildInterruptedLeavesNoPartialFiles(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	code, _, stderr := ocsCtx(t, ctx, "build", "-o", out)
	if code != 130 || !strings.Contains(stderr, "interrupted") {
		t.Fatalf("exit %d, want 130 with a message:\n%s", code, stderr)
	}
	for p := range tree(t, out) {
		if p != manifestName {
			t.Errorf("an interrupted build left %s", p)
		}
	}
	if m := readManifestT(t, out); len(m.Outputs) != 0 {
		t.Errorf("manifest lists %d outputs of a build that made none", len(m.Outputs))
	}
}

func TestBuildOnly(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := ocs(t, "build", "-o", out, "--only", "standard,docx"); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	m := readManifestT(t, out)
	if len(m.Outputs) != len(standards.Names()) {
		t.Fatalf("got %d outputs, want one standard DOCX per bundled standard: %+v", len(m.Outputs), m.Outputs)
	}
	for _, o := range m.Outputs {
		if o.Kind != "standard" || o.Format != "docx" {
			t.Errorf("--only standard,docx made %s", o.Path)
		}
	}
	if code, _, stderr := ocs(t, "build", "-o", out, "--only", "jpeg"); code != 2 || !strings.Contains(stderr, "--only") {
		t.Errorf("--only jpeg: exit %d, %s", code, stderr)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.pdf")
	if err := os.Mkdir(target, 0o755); err != nil { // a folder in the way: rename fails
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(target, []byte("%PDF-"), nil); err == nil {
		t.Fatal("writing over a non-empty folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "out.pdf" {
			t.Errorf("failed write left %s behind", e.Name())
		}
	}
}

// The Go build ID read from the program's ELF notes is the one the go
// command reports.
func TestGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	id := goBuildID(exe)
	if runtime.GOOS != "linux" {
		t.Skipf("not an ELF program (%s); got %q", runtime.GOOS, id)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if want := strings.TrimSpace(string(out)); id != want {
		t.Errorf("build ID %q, go tool buildid says %q", id, want)
	}
	if goBuildID(filepath.Join("testdata", "nonexistent")) != "" {
		t.Error("a missing file has a build ID")
	}
}
