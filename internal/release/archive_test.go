package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

var testFiles = []member{
	{Name: "ocs", Data: []byte("\x7fELF fake executable"), Exec: true},
	{Name: "README.md", Data: []byte("# ocs\n")},
	{Name: "fonts/LICENSE-OFL", Data: []byte("SIL Open Font License\n")},
}

var testTime = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

func TestArchivesAreReproducible(t *testing.T) {
	for _, ext := range []string{".tar.gz", ".zip"} {
		dir := t.TempDir()
		a, b := filepath.Join(dir, "a"+ext), filepath.Join(dir, "b"+ext)
		if err := writeArchive(a, "ocs_v1_linux_amd64", testFiles, testTime); err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond) // a wall-clock leak would show
		if err := writeArchive(b, "ocs_v1_linux_amd64", testFiles, testTime); err != nil {
			t.Fatal(err)
		}
		da, _ := os.ReadFile(a)
		db, _ := os.ReadFile(b)
		if !bytes.Equal(da, db) {
			t.Errorf("%s: two runs gave different bytes", ext)
		}
	}
}

type entry struct {
	Name string
	Mode int64
	Data string
}

func TestTarGzContents(t *testing.T) {
	var buf bytes.Buffer
	if err := writeTarGz(&buf, "top", testFiles, testTime); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !zr.ModTime.IsZero() || zr.Name != "" {
		t.Errorf("gzip header carries time %v / name %q; want neither", zr.ModTime, zr.Name)
	}
	tr := tar.NewReader(zr)
	var got []entry
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !h.ModTime.Equal(testTime) {
			t.Errorf("%s: time %v, want %v", h.Name, h.ModTime, testTime)
		}
		if h.Uid != 0 || h.Gid != 0 {
			t.Errorf("%s: owner %d:%d, want 0:0", h.Name, h.Uid, h.Gid)
		}
		data, _ := io.ReadAll(tr)
		got = append(got, entry{h.Name, h.Mode, string(data)})
	}
	want := []entry{
		{"top/", 0o755, ""},
		{"top/fonts/", 0o755, ""},
		{"top/ocs", 0o755, "\x7fELF fake executable"},
		{"top/README.md", 0o644, "# ocs\n"},
		{"top/fonts/LICENSE-OFL", 0o644, "SIL Open Font License\n"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tar entries:\n got %v\nwant %v", got, want)
	}
}

func TestZipContents(t *testing.T) {
	var buf bytes.Buffer
	win := []member{{Name: "ocs.exe", Data: []byte("MZ fake"), Exec: true}, testFiles[1]}
	if err := writeZip(&buf, "top", win, testTime); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range zr.File {
		got = append(got, f.Name)
		if !f.Modified.Equal(testTime) {
			t.Errorf("%s: time %v, want %v", f.Name, f.Modified, testTime)
		}
		if f.Name == "top/ocs.exe" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if string(b) != "MZ fake" {
				t.Errorf("ocs.exe holds %q", b)
			}
		}
	}
	want := []string{"top/", "top/ocs.exe", "top/README.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("zip entries %v, want %v", got, want)
	}
}

func TestArchiveName(t *testing.T) {
	for _, c := range []struct{ ver, goos, arch, want string }{
		{"v0.2.0", "linux", "amd64", "ocs_v0.2.0_linux_amd64.tar.gz"},
		{"v0.2.0", "windows", "arm64", "ocs_v0.2.0_windows_arm64.zip"},
		{"dev+0123456789ab", "darwin", "arm64", "ocs_dev+0123456789ab_darwin_arm64.tar.gz"},
	} {
		if got := archiveName(c.ver, c.goos, c.arch); got != c.want {
			t.Errorf("archiveName(%q, %q, %q) = %q, want %q", c.ver, c.goos, c.arch, got, c.want)
		}
	}
}

func TestSums(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.zip"), []byte("b"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.tar.gz"), []byte("a"), 0o644)
	if err := writeSums(dir, []string{"b.zip", "a.tar.gz"}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	// sha256("a") and sha256("b"), sorted by name, two spaces as sha256sum writes.
	want := "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a.tar.gz\n" +
		"3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.zip\n"
	if string(got) != want {
		t.Errorf("SHA256SUMS:\n%s\nwant:\n%s", got, want)
	}
}
