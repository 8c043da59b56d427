package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.toml")
	os.WriteFile(small, []byte("level = 3\n"), 0o644)
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, make([]byte, 2<<20), 0o644)
	if data, err := ReadFile(small, 1<<20, nil); err != nil || string(data) != "level = 3\n" {
		t.Errorf("small file: %q, %v", data, err)
	}
	if _, err := ReadFile(big, 1<<20, nil); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "--max-input") {
		t.Errorf("2 MiB file with a 1 MiB limit: %v", err)
	}
	// /dev/zero never ends: it is read only up to the limit.
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := ReadFile("/dev/zero", 1<<20, nil); !errors.Is(err, ErrTooLarge) {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	if _, err := ReadFile(dir, 0, nil); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("a folder: %v", err)
	}
	src, err := OpenLimit("-", 0, strings.NewReader("occupation = \"x\"\n"))
	if err != nil || src.Name != "stdin.toml" || string(src.Data) != "occupation = \"x\"\n" {
		t.Errorf("stdin: %+v, %v", src, err)
	}
	if _, err := OpenLimit("-", 4, strings.NewReader("0123456789")); !errors.Is(err, ErrTooLarge) {
		t.Errorf("stdin over the limit: %v", err)
	}
}
