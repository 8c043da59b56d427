//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runOCS runs ocs as a child process with stdin and returns its exit
// status, standard output and standard error.
func runOCS(t *testing.T, stdin []byte, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "OCS_TEST_MAIN=1")
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

func TestStdinAndInputLimit(t *testing.T) {
	bas, err := os.ReadFile(filepath.Join("..", "..", "standards", "BAS1219-002v4.toml"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runOCS(t, bas, "render", "standard", "-", "-f", "txt", "-o", "-")
	if code != 0 || !strings.HasPrefix(out, "企劃人員職能基準") || !strings.Contains(out, "BAS1219-002v4") {
		t.Errorf("render from stdin: exit %d, %.80q, %s", code, out, stderr)
	}
	code, out, _ = runOCS(t, []byte("occupation = \"測試\"\nlevel = 9\n"), "check", "-")
	if code != 1 || !strings.Contains(out, "stdin.toml:2:") {
		t.Errorf("check from stdin: exit %d, %q", code, out)
	}
	big := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(big, make([]byte, 2<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runOCS(t, nil, "check", "--max-input", "1", big)
	if code != 1 || !strings.Contains(out, "larger than 1 MiB") {
		t.Errorf("check of a 2 MiB file with --max-input 1: exit %d, %q", code, out)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		code, out, _ = runOCS(t, nil, "check", "/dev/zero")
		if code != 1 || !strings.Contains(out, "larger than 64 MiB") {
			t.Errorf("check /dev/zero: exit %d, %q", code, out)
		}
	}
}
