package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// DefaultMaxFontSize is the largest font file LoadFile reads: 128 MiB,
// more than twice the largest CJK fonts (the full TW-Kai is 52 MB, a Noto
// CJK collection about 40 MB). Config.MaxFontSize changes it.
const DefaultMaxFontSize = 128 << 20

// LoadFile loads a user font: a TrueType (".ttf") or OpenType (".otf")
// file, or one face of a collection, written "name.ttc#N" with N counted
// from 0; a collection without "#N" gives its face made for Taiwan (the
// TC face of Noto CJK, the TW face of AR PL UKai), or face 0 when no face
// says so, and the face's Source then names its index. The face's family
// name becomes its Name. The file is checked by its first four bytes before it
// is read, and a file larger than DefaultMaxFontSize is refused unread.
// Errors say what is wrong with the file and how to fix it, and wrap the
// package's Err values.
func LoadFile(spec string) (*Face, error) {
	return loadFile(spec, DefaultMaxFontSize)
}

// loadFile is LoadFile with a size limit in bytes.
func loadFile(spec string, limit int64) (*Face, error) {
	path, index, indexed := splitFaceIndex(spec)
	data, err := readFont(path, limit)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w%s", spec, err, advice(err, path))
	}
	if !indexed && binary.BigEndian.Uint32(data) == magicTTC {
		if index = taiwanFace(data); index != 0 {
			spec, indexed = path+"#"+strconv.Itoa(index), true
		}
	}
	f, err := parseFile(data, index, indexed)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w%s", spec, err, advice(err, path))
	}
	f.Source = spec
	return f, nil
}

// ParseFile is LoadFile for bytes already read: index selects the face of
// a collection and must be 0 for a plain TrueType file.
func ParseFile(name string, data []byte, index int) (*Face, error) {
	f, err := parseFile(data, index, index != 0)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w%s", name, err, advice(err, name))
	}
	f.Source = name
	return f, nil
}

// readFont reads a font file of at most limit bytes, after checking its
// magic number: a file that is not a font, or too large, costs reading
// four bytes.
func readFont(path string, limit int64) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%w: it is a folder", ErrNotFont)
	}
	var head [4]byte
	if n, err := io.ReadFull(file, head[:]); err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, fmt.Errorf("%w: the file has %d bytes", ErrNotFont, n)
		}
		return nil, err
	}
	switch binary.BigEndian.Uint32(head[:]) {
	case magicTrueType, magicApple, magicCFF, magicTTC, magicWOFF, magicWOFF2:
	default:
		return nil, fmt.Errorf("%w: it starts with bytes % x, not a font file's", ErrNotFont, head)
	}
	size := info.Size()
	if size > limit {
		return nil, fmt.Errorf("%w: %d bytes, more than the limit of %d", ErrTooLarge, size, limit)
	}
	var buf bytes.Buffer
	if info.Mode().IsRegular() {
		buf.Grow(int(size) + 1)
	}
	buf.Write(head[:])
	if _, err := buf.ReadFrom(io.LimitReader(file, limit-4+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("%w: more than the limit of %d bytes", ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}

func parseFile(data []byte, index int, indexed bool) (*Face, error) {
	if len(data) >= 4 && binary.BigEndian.Uint32(data) == magicTTC {
		ttf, err := extractFace(data, index)
		if err != nil {
			return nil, err
		}
		return parse("", ttf)
	}
	if indexed && index != 0 {
		return nil, fmt.Errorf("%w: face #%d was asked for, but the file is a single font, not a collection (.ttc)",
			ErrFaceIndex, index)
	}
	return parse("", data)
}

// splitFaceIndex splits "name.ttc#N" into the path and N. A '#' that is
// part of an existing file's name, or not followed by digits only, stays
// in the path.
func splitFaceIndex(spec string) (path string, index int, ok bool) {
	i := strings.LastIndexByte(spec, '#')
	if i < 0 {
		return spec, 0, false
	}
	n, err := strconv.Atoi(spec[i+1:])
	if err != nil || n < 0 || strings.ContainsAny(spec[i+1:], "+-") {
		return spec, 0, false
	}
	if _, err := os.Stat(spec); err == nil {
		return spec, 0, false
	}
	return spec[:i], n, true
}

// advice returns a sentence telling people how to fix err, or "".
func advice(err error, path string) string {
	switch {
	case errors.Is(err, ErrCFF):
		base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		return fmt.Sprintf(" (OpenType/CFF fonts are coming with ocs's own PDF writer); until then "+
			"convert it to TrueType outlines, for example with FontForge: "+
			"fontforge -lang=ff -c 'Open($1); Generate($2)' %s %s.ttf "+
			"(or fontTools' otf2ttf snippet, which uses cu2qu), or use the font's .ttf edition",
			filepath.Base(path), base)
	case errors.Is(err, ErrNoUnicode):
		return "; the PDF backend needs a Windows Unicode (3,1) or Unicode platform format 4 character map"
	case errors.Is(err, ErrTooLarge):
		return "; no font needs that many bytes: check that this is the right file"
	case errors.Is(err, ErrTruncated):
		return "; the file is incomplete: copy or download it again"
	case errors.Is(err, ErrFaceIndex), errors.Is(err, ErrRestricted):
		return ""
	case errors.Is(err, ErrNotFont):
		return "; give a TrueType or OpenType .ttf, .otf or .ttc file"
	}
	return ""
}
