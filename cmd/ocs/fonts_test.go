package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runOCS runs the command line and returns its output and exit status.
func runOCS(t *testing.T, args ...string) (string, int) {
	t.Helper()
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.Execute()
	var ee exitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &ee):
		return out.String(), ee.code
	default:
		return out.String() + err.Error(), 2
	}
}

func TestFontsCheckBundled(t *testing.T) {
	out, code := runOCS(t, "fonts", "check", "--no-system-fonts")
	if code != 0 {
		t.Fatalf("exit %d; every character of the bundled standards should be in the embedded font:\n%s", code, out)
	}
	for _, want := range []string{"THM2431-001v1.toml: all ", "BAS1219-002v4.toml: all ", "from TW-Kai (embedded)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFontsCheckMissing(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "standards", "THM2431-001v1.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), `occupation = "行銷業務專員"`, `occupation = "行銷業務專員𠀀"`, 1)
	if text == string(src) {
		t.Fatal("the bundled standard no longer has the occupation line this test edits")
	}
	file := filepath.Join(t.TempDir(), "rare.toml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := runOCS(t, "fonts", "check", "--no-system-fonts", file)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		file + ": 1 of ",
		"characters are in none of the fonts",
		"missing 𠀀 U+20000  in occupation\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFontsCheckBadFont(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.otf")
	if err := os.WriteFile(bad, []byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := runOCS(t, "fonts", "check", "--font", bad)
	if code != 2 || !strings.Contains(out, "convert it to TrueType outlines") {
		t.Errorf("exit %d, output %q; want exit 2 and advice to convert the CFF font", code, out)
	}
	out, code = runOCS(t, "fonts", "check", "--no-system-fonts", filepath.Join(t.TempDir(), "none.toml"))
	if code != 2 || !strings.Contains(out, "none.toml: cannot be read") {
		t.Errorf("missing standard: exit %d, output %q", code, out)
	}
}
