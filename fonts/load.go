package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LoadFile loads a user font: a TrueType file (".ttf") or one face of a
// TrueType collection, written "name.ttc#N" with N counted from 0 (a
// collection without "#N" gives face 0). The face's family name becomes
// its Name. Errors say what is wrong with the file and how to fix it, and
// wrap the package's Err values.
func LoadFile(spec string) (*Face, error) {
	path, index, indexed := splitFaceIndex(spec)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", spec, err)
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
		return fmt.Sprintf("; convert it to TrueType outlines, for example with FontForge: "+
			"fontforge -lang=ff -c 'Open($1); Generate($2)' %s %s.ttf "+
			"(or fontTools' otf2ttf snippet, which uses cu2qu), or use the font's .ttf edition",
			filepath.Base(path), base)
	case errors.Is(err, ErrNoUnicode):
		return "; the PDF backend needs a Windows Unicode (3,1) or Unicode platform format 4 character map"
	case errors.Is(err, ErrTruncated):
		return "; the file is incomplete: copy or download it again"
	case errors.Is(err, ErrFaceIndex), errors.Is(err, ErrRestricted):
		return ""
	case errors.Is(err, ErrNotFont):
		return "; give a TrueType .ttf or .ttc file"
	}
	return ""
}
