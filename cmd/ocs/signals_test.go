package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain runs the test binary as ocs itself when OCS_TEST_MAIN is set,
// so that signal tests can run a real process.
func TestMain(m *testing.M) {
	if os.Getenv("OCS_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// startOCS starts ocs as a child process with args.
func startOCS(t *testing.T, args ...string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "OCS_TEST_MAIN=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, &stderr
}

// waitFor polls until ok holds, failing the test after a generous time.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for start := time.Now(); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Since(start) > 2*time.Minute {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// signalOnce starts ocs with args and sends it SIGTERM as soon as a file
// matching glob exists: in the middle of its work.
func signalOnce(t *testing.T, glob string, args ...string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd, stderr := startOCS(t, args...)
	waitFor(t, glob, func() bool {
		m, _ := filepath.Glob(glob)
		return len(m) > 0
	})
	cmd.Process.Signal(syscall.SIGTERM)
	return cmd, stderr
}

// exitCode waits for cmd and returns its exit status.
func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	err := cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode() // -1 when a signal killed it
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// hidden lists the hidden entries (temporary files and folders) below dir.
func hidden(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".") && p != dir {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// SIGTERM during a roster: the hidden temporary folder goes, nothing is
// written, the exit status is 143.
func TestRosterSIGTERM(t *testing.T) {
	dir := t.TempDir()
	csv := roster(t, dir, 60)
	out := filepath.Join(dir, "forms")
	cmd, stderr := signalOnce(t, filepath.Join(dir, ".ocs-roster-*", "*.pdf"),
		"render", "assessment", "THM2431-001v1", "--roster", csv, "-o", out, "-j", "1")
	if code := exitCode(t, cmd); code != 143 {
		t.Errorf("exit %d, want 143\n%s", code, stderr)
	}
	if h := hidden(t, dir); len(h) > 0 {
		t.Errorf("SIGTERM left %v", h)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an interrupted roster created its output folder")
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("no message says the roster was interrupted:\n%s", stderr)
	}
}

// SIGTERM during a build: files in flight are not written, every file the
// manifest lists is there with its hash, no temporary file stays.
func TestBuildSIGTERM(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	cmd, stderr := signalOnce(t, filepath.Join(out, "*", "*.pdf"), "build", "-o", out, "-j", "1", "--only", "pdf")
	if code := exitCode(t, cmd); code != 143 {
		t.Fatalf("exit %d, want 143\n%s", code, stderr)
	}
	if h := hidden(t, out); len(h) > 0 {
		t.Errorf("SIGTERM left %v", h)
	}
	m := readManifestT(t, out)
	files := tree(t, out)
	if len(m.Outputs) == 0 || len(m.Outputs) >= 6 || len(files) != len(m.Outputs)+1 {
		t.Errorf("the manifest lists %d outputs and the folder holds %d files, want 1–5 outputs and the manifest", len(m.Outputs), len(files))
	}
	for _, o := range m.Outputs {
		if sum(files[o.Path]) != o.SHA256 {
			t.Errorf("%s does not have the sha256 the manifest records", o.Path)
		}
	}
}

// A second signal stops at once, still leaving no temporary file and no
// lock. (Two signals sent together may arrive as one, and a build may end
// before a late second one: the test tries a few times.)
func TestBuildSecondSignal(t *testing.T) {
	for attempt := 1; ; attempt++ {
		out := filepath.Join(t.TempDir(), "out")
		cmd, stderr := signalOnce(t, filepath.Join(out, "*", "*.pdf"), "build", "-o", out, "-j", "1", "--only", "pdf")
		// A render takes a few milliseconds: the second signal must come
		// soon after the first, but not so soon that both arrive as one.
		time.Sleep(time.Duration(attempt%4) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGTERM)
		if code := exitCode(t, cmd); code != 143 {
			t.Fatalf("exit %d, want 143\n%s", code, stderr)
		}
		if h := hidden(t, out); len(h) > 0 {
			t.Errorf("the signals left %v", h)
		}
		if strings.Contains(stderr.String(), "stopped at once") {
			return
		}
		if attempt == 12 {
			t.Fatalf("the second signal did not stop the build at once:\n%s", stderr)
		}
	}
}

// Every long command stops on a cancelled context with 130 and writes
// nothing.
func TestCancelledCommands(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"render", "standard", "THM2431-001v1", "-o", filepath.Join(dir, "a.pdf")}, "interrupted; nothing written"},
		{[]string{"render", "assessment", "THM2431-001v1", "--roster", roster(t, dir, 2), "-o", filepath.Join(dir, "forms")}, "interrupted: nothing written"},
		{[]string{"render", "assessment", "THM2431-001v1", "--roster", roster(t, dir, 2), "--combine", "-o", filepath.Join(dir, "all.pdf")}, "interrupted: nothing written"},
		{[]string{"fonts", "check"}, "interrupted: 0 of 2 standards checked"},
		{[]string{"import", seedPath, "-o", filepath.Join(dir, "seed.toml"), "--report", filepath.Join(dir, "seed.json")}, "interrupted: nothing written"},
	} {
		code, stdout, stderr := ocsCtx(t, ctx, tt.args...)
		if code != 130 || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want 130 and %q", tt.args[:2], code, stdout+stderr, tt.want)
		}
	}
	for p := range tree(t, dir) {
		if p != "roster.csv" {
			t.Errorf("a cancelled command wrote %s", p)
		}
	}
}

func TestTempsWaitForHandlers(t *testing.T) {
	// No temporary path is registered, so none is made, before the
	// signal handlers that would remove it are in place.
	ts := &tempSet{paths: map[string]bool{}}
	ready := make(chan struct{})
	ts.waitFor(ready)
	added := make(chan bool)
	go func() { added <- ts.add("a.tmp") }()
	waited := make(chan struct{})
	go func() { ts.wait(); close(waited) }()
	select {
	case <-added:
		t.Fatal("add returned before the handlers were in place")
	case <-waited:
		t.Fatal("wait returned before the handlers were in place")
	case <-time.After(50 * time.Millisecond):
	}
	close(ready)
	if !<-added {
		t.Fatal("add refused a path once the handlers were in place")
	}
	<-waited
	if !ts.paths["a.tmp"] {
		t.Error("a.tmp is not registered")
	}
	// A set nobody waits for (tests calling execute directly) adds at once.
	free := &tempSet{paths: map[string]bool{}}
	if !free.add("b.tmp") {
		t.Error("add refused a path with no handlers to wait for")
	}
}
