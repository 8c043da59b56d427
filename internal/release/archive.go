package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// member is one file of an archive.
type member struct {
	Name string // slash-separated path inside the archive's top folder
	Data []byte
	Exec bool // mode 0755 instead of 0644
}

// writeArchive writes the members under the top folder dir into a .tar.gz
// or .zip at path (by its extension), with every time set to mtime, owner
// root and fixed modes, so the bytes depend on the contents only. The file
// appears whole or not at all.
func writeArchive(path, dir string, files []member, mtime time.Time) error {
	var buf bytes.Buffer
	var err error
	if strings.HasSuffix(path, ".zip") {
		err = writeZip(&buf, dir, files, mtime)
	} else {
		err = writeTarGz(&buf, dir, files, mtime)
	}
	if err != nil {
		return err
	}
	return writeFileAtomic(path, buf.Bytes())
}

func mode(m member) int64 {
	if m.Exec {
		return 0o755
	}
	return 0o644
}

func writeTarGz(w io.Writer, dir string, files []member, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	gz.ModTime = time.Time{} // no time, no name in the gzip header
	tw := tar.NewWriter(gz)
	for _, d := range folders(files) {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: dir + "/" + d, Mode: 0o755,
			ModTime: mtime, Format: tar.FormatPAX, Uname: "root", Gname: "root"}); err != nil {
			return err
		}
	}
	for _, f := range files {
		h := &tar.Header{Typeflag: tar.TypeReg, Name: dir + "/" + f.Name, Mode: mode(f), Size: int64(len(f.Data)),
			ModTime: mtime, Format: tar.FormatPAX, Uname: "root", Gname: "root"}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, dir string, files []member, mtime time.Time) error {
	zw := zip.NewWriter(w)
	for _, d := range folders(files) {
		h := &zip.FileHeader{Name: dir + "/" + d, Modified: mtime}
		h.SetMode(os.ModeDir | 0o755)
		if _, err := zw.CreateHeader(h); err != nil {
			return err
		}
	}
	for _, f := range files {
		h := &zip.FileHeader{Name: dir + "/" + f.Name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(os.FileMode(mode(f)))
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// folders lists the folders the members need, with a trailing slash, the
// top folder first, in sorted order.
func folders(files []member) []string {
	seen := map[string]bool{"": true}
	for _, f := range files {
		for d := filepath.ToSlash(filepath.Dir(f.Name)); d != "." && !seen[d+"/"]; d = filepath.ToSlash(filepath.Dir(d)) {
			seen[d+"/"] = true
		}
	}
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// writeSums writes SHA256SUMS for the named archives in out, in the format
// `sha256sum -c` reads.
func writeSums(out string, names []string) error {
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	return writeFileAtomic(filepath.Join(out, "SHA256SUMS"), []byte(b.String()))
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so path never holds half an archive.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".dist-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
