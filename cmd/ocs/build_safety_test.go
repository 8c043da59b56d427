package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeManifestT writes m as dir's manifest.
func writeManifestT(t *testing.T, dir string, m manifest) {
	t.Helper()
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	writeFileT(t, dir, manifestName, string(data))
}

// Stale-file removal never deletes through a symbolic link, nor a file
// whose content is not the one the manifest recorded.
func TestBuildRemovesOnlyItsOwnFiles(t *testing.T) {
	dir := t.TempDir()
	out, outside := filepath.Join(dir, "out"), filepath.Join(dir, "outside")
	os.MkdirAll(out, 0o755)
	os.MkdirAll(outside, 0o755)
	precious := "a file outside the output folder"
	writeFileT(t, outside, "gone-standard.html", precious)
	if err := os.Symlink(outside, filepath.Join(out, "gone")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(out, "old"), 0o755)
	writeFileT(t, filepath.Join(out, "old"), "old-standard.html", "edited by hand")
	writeFileT(t, filepath.Join(out, "old"), "old-other.html", "made by ocs")
	writeManifestT(t, out, manifest{Outputs: []output{
		{Path: "gone/gone-standard.html", Kind: "profile", Format: "html", Size: int64(len(precious)), SHA256: sum([]byte(precious))},
		{Path: "old/old-standard.html", Kind: "profile", Format: "html", Size: 11, SHA256: sum([]byte("made by ocs"))},
		{Path: "old/old-other.html", Kind: "profile", Format: "html", Size: 11, SHA256: sum([]byte("made by ocs"))},
		{Path: "../outside/gone-standard.html", Kind: "profile", Format: "html", Size: int64(len(precious)), SHA256: sum([]byte(precious))},
	}})
	code, _, stderr := ocs(t, "build", "-o", out, "--only", "html")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(outside, "gone-standard.html")); err != nil || string(data) != precious {
		t.Errorf("the build deleted or changed a file outside its folder (through a link or ..): %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "old", "old-standard.html")); err != nil {
		t.Error("the build deleted a file changed since it wrote it")
	}
	if !strings.Contains(stderr, "kept "+filepath.Join(out, "old", "old-standard.html")+": it changed since ocs wrote it") ||
		!strings.Contains(stderr, "symbolic link") {
		t.Errorf("the kept files are not named:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "old", "old-other.html")); err == nil {
		t.Error("the build kept a stale file it made itself")
	}
}

// A build never writes through a symbolic link in its folder.
func TestBuildDoesNotWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	out, outside := filepath.Join(dir, "out"), filepath.Join(dir, "outside")
	os.MkdirAll(out, 0o755)
	os.MkdirAll(outside, 0o755)
	if err := os.Symlink(outside, filepath.Join(out, "THM2431-001v1")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := ocs(t, "build", "-o", out, "--only", "html")
	if code != 1 || !strings.Contains(stderr, "symbolic link") {
		t.Errorf("exit %d, want 1 naming the link:\n%s", code, stderr)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("the build wrote through a link: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(out, "BAS1219-002v4", "BAS1219-002v4-profile.html")); err != nil {
		t.Errorf("the other standard was not built: %v", err)
	}
}

// One build at a time writes a folder; a lock whose process is gone is
// taken over.
func TestBuildLock(t *testing.T) {
	out := t.TempDir()
	lock := writeFileT(t, out, lockName, strconv.Itoa(os.Getpid())+"\n") // a live process
	code, _, stderr := ocs(t, "build", "-o", out, "--only", "html")
	if code != 2 || !strings.Contains(stderr, "another ocs build is writing "+out) {
		t.Fatalf("exit %d, want 2 and the folder named:\n%s", code, stderr)
	}
	if files := tree(t, out); len(files) != 1 {
		t.Errorf("a locked-out build wrote %v", keys(files))
	}

	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true(1) to make a finished process:", err)
	}
	writeFileT(t, out, lockName, strconv.Itoa(dead.Process.Pid)+"\n")
	if code, _, stderr := ocs(t, "build", "-o", out, "--only", "html"); code != 0 {
		t.Fatalf("a stale lock (process %d is gone) blocked the build: exit %d\n%s", dead.Process.Pid, code, stderr)
	}
	if _, err := os.Stat(lock); err == nil {
		t.Error("the build left its lock behind")
	}
}

// Folder names from codes are safe and unique: a code that is the
// manifest's name, a Windows device name, codes equal but for case, and a
// code too long for a file name.
func TestBuildNamesFromCodes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "standards", "THM2431-001v1.toml"))
	if err != nil {
		t.Fatal(err)
	}
	lib := t.TempDir()
	long := strings.Repeat("X", 200) // the longest code check allows
	for i, code := range []string{"manifest.json", "abc-1", "ABC-1", long} {
		text := strings.Replace(string(data), `code = "THM2431-001v1"`, `code = "`+code+`"`, 1)
		writeFileT(t, lib, "s"+strconv.Itoa(i)+".toml", text)
	}
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := ocs(t, "build", lib, "-o", out, "--only", "profile,html")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if info, err := os.Stat(filepath.Join(out, manifestName)); err != nil || !info.Mode().IsRegular() {
		t.Fatalf("manifest.json is not a file: %v", err)
	}
	m := readManifestT(t, out)
	seen := map[string]string{}
	for _, o := range m.Outputs {
		folder := strings.Split(o.Path, "/")[0]
		if prev, ok := seen[strings.ToLower(folder)]; ok && prev != o.Standard {
			t.Errorf("%s and %s share the folder %s (ignoring case)", prev, o.Standard, folder)
		}
		seen[strings.ToLower(folder)] = o.Standard
		if len(filepath.Base(o.Path)) > 255 || strings.EqualFold(folder, "CON") || strings.EqualFold(folder, manifestName) {
			t.Errorf("unsafe output path %s", o.Path)
		}
	}
	if len(seen) != 4 {
		t.Errorf("%d folders for 4 standards: %v", len(seen), seen)
	}
	code, _, stderr = ocs(t, "build", lib, "-o", out, "--only", "profile,html")
	if code != 0 || !strings.Contains(stderr, "built 0 files (4 up to date)") {
		t.Errorf("the second build does not find the first one's files: exit %d\n%s", code, stderr)
	}
	// Codes that cannot name a file anywhere are check errors (R01): the
	// build reports them and makes nothing of them.
	bad := t.TempDir()
	for i, code := range []string{"CON", strings.Repeat("X", 300)} {
		text := strings.Replace(string(data), `code = "THM2431-001v1"`, `code = "`+code+`"`, 1)
		writeFileT(t, bad, "b"+strconv.Itoa(i)+".toml", text)
	}
	code, _, stderr = ocs(t, "build", bad, "-o", filepath.Join(t.TempDir(), "bad"), "--only", "profile,html")
	if code != 1 || strings.Count(stderr, "cannot name the files made from it") != 2 {
		t.Errorf("codes CON and 300 characters: exit %d, want 1 and two R01 errors\n%s", code, stderr)
	}
}

// When the manifest cannot be written the build says so in a summary line.
func TestBuildManifestFailure(t *testing.T) {
	out := t.TempDir()
	os.MkdirAll(filepath.Join(out, manifestName, "x"), 0o755) // a folder in the way
	code, _, stderr := ocs(t, "build", "-o", out, "--only", "html")
	if code != 1 || !strings.Contains(stderr, "2 files of 2 written to "+out+", but not the manifest") {
		t.Errorf("exit %d, want 1 and a summary:\n%s", code, stderr)
	}
}
