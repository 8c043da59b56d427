// Package zipfile reads members of a zip container (DOCX, ODT) with bounds:
// a cap on the number of members and on the decompressed size of what is
// read, so a zip bomb costs no more than the cap.
package zipfile

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxMembers is the most members a container may have.
const MaxMembers = 10000

// MaxMember is the largest decompressed member Read returns (64 MiB).
const MaxMember = 64 << 20

// Open opens data as a zip archive.
func Open(data []byte, what string) (*zip.Reader, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("the %s file is damaged (not a readable zip archive: %v)", what, err)
	}
	if len(z.File) > MaxMembers {
		return nil, fmt.Errorf("the %s file has %d parts, more than the %d a document can have", what, len(z.File), MaxMembers)
	}
	return z, nil
}

// ErrMissing reports a member the archive does not have.
var ErrMissing = errors.New("missing")

// Read returns the decompressed bytes of the member name, at most
// MaxMember of them: a member that inflates to more is an error, whatever
// its header claims.
func Read(z *zip.Reader, name, what string) ([]byte, error) {
	for _, f := range z.File {
		if f.Name != name {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("the %s file is damaged (%s: %v)", what, name, err)
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, MaxMember+1))
		if err != nil {
			return nil, fmt.Errorf("the %s file is damaged (%s: %v)", what, name, err)
		}
		if len(data) > MaxMember {
			return nil, fmt.Errorf("the %s file's %s inflates to more than %d MiB: refused", what, name, MaxMember>>20)
		}
		return data, nil
	}
	return nil, fmt.Errorf("the %s file has no %s: %w", what, name, ErrMissing)
}

// Member opens data as a zip archive and returns the decompressed bytes of
// its member name, with Open's and Read's bounds; what names the kind of
// file in errors ("Word", "OpenDocument").
func Member(data []byte, name, what string) ([]byte, error) {
	z, err := Open(data, what)
	if err != nil {
		return nil, err
	}
	return Read(z, name, what)
}

// Pack returns a zip archive of the named members, in the order given:
// for tests and tools that build DOCX or ODT files by hand.
func Pack(members ...[2]string) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := z.Create(m[0])
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, m[1]); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
