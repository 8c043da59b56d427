package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A roster into a folder is all or nothing: a folder in the way of one
// candidate's file is named, and no file moves.
func TestRosterFolderInTheWay(t *testing.T) {
	dir := t.TempDir()
	csv := roster(t, dir, 3)
	out := filepath.Join(dir, "forms")
	if err := os.MkdirAll(filepath.Join(out, "A002_受評者002.txt", "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := writeFileT(t, out, "A001_受評者001.txt", "last year's form")
	code, _, stderr := ocs(t, "render", "assessment", "THM2431-001v1", "--roster", csv, "-f", "txt", "-o", out)
	blocked := filepath.Join(out, "A002_受評者002.txt")
	if code == 0 || !strings.Contains(stderr, "cannot write "+blocked+": a folder of that name is in the way") {
		t.Fatalf("exit %d, stderr %q; want the blocking file named", code, stderr)
	}
	if strings.Contains(stderr, ".ocs-roster") {
		t.Errorf("the message names a hidden temporary folder: %s", stderr)
	}
	files := tree(t, dir)
	if string(files["forms/A001_受評者001.txt"]) != "last year's form" {
		t.Errorf("%s was replaced although the roster failed", old)
	}
	for p := range files {
		if strings.Contains(p, ".ocs-roster") || strings.HasPrefix(p, "forms/A003") || strings.HasPrefix(p, "forms/A001_王小明") {
			t.Errorf("a failed roster left %s", p)
		}
	}
}

// commitFiles puts every file back when a move fails half way.
func TestCommitFilesRollsBack(t *testing.T) {
	dir := t.TempDir()
	tmp, out := filepath.Join(dir, ".tmp"), filepath.Join(dir, "out")
	os.Mkdir(tmp, 0o755)
	os.Mkdir(out, 0o755)
	names := []string{"a.txt", "b.txt", "c.txt", "d.txt"}
	for _, n := range names {
		writeFileT(t, tmp, n, "new "+n)
	}
	writeFileT(t, out, "b.txt", "old b.txt")
	writeFileT(t, out, "d.txt", "old d.txt")
	moves := 0
	rename := func(from, to string) error {
		if strings.HasSuffix(to, "c.txt") && !strings.HasPrefix(to, tmp) {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("the file is open in another program")}
		}
		moves++
		return os.Rename(from, to)
	}
	err := commitFiles(tmp, out, names, rename)
	if err == nil || !strings.Contains(err.Error(), "cannot write "+filepath.Join(out, "c.txt")+": the file is open in another program; nothing written") {
		t.Fatalf("commitFiles = %v; want the blocking file and reason", err)
	}
	if moves < 3 {
		t.Fatalf("only %d moves before the failure: the test does not reach a rollback", moves)
	}
	got := tree(t, out)
	want := map[string]string{"b.txt": "old b.txt", "d.txt": "old d.txt"}
	if len(got) != len(want) {
		t.Errorf("after the rollback the folder holds %v, want %v", keys(got), want)
	}
	for n, w := range want {
		if string(got[n]) != w {
			t.Errorf("%s = %q after the rollback, want %q", n, got[n], w)
		}
	}
}

// syncFiles syncs every file it is given, and names a file it cannot.
func TestSyncFiles(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i := range 20 {
		name := filepath.Join(dir, fmt.Sprintf("%02d.pdf", i))
		if err := create(name, []byte("%PDF-1.7 test"), false); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	if err := syncFiles(names); err != nil {
		t.Errorf("syncing 20 written files: %v", err)
	}
	gone := filepath.Join(dir, "gone.pdf")
	if err := syncFiles(append(names, gone)); err == nil || !strings.Contains(err.Error(), "gone.pdf") {
		t.Errorf("syncing a missing file: %v; want an error naming gone.pdf", err)
	}
	if err := create(names[0], []byte("again"), false); err == nil {
		t.Error("create replaced an existing file")
	}
}
