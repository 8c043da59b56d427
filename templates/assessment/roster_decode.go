package assessment

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// decodeRoster returns the text of a roster file. UTF-8 (a BOM is
// dropped) is read as is; UTF-16 with a BOM is converted; anything else is
// tried as Big5/CP950, the encoding Excel uses for "CSV" on Traditional
// Chinese Windows, and accepted only if every byte decodes.
func decodeRoster(raw []byte, name string) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
		if !utf8.Valid(raw) {
			return "", fmt.Errorf("%s:%d: the file starts with a UTF-8 mark but is not valid UTF-8; save it again as \"CSV UTF-8\"",
				name, rosterBadLine(raw))
		}
		return string(raw), nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(raw)
		if err != nil {
			return "", fmt.Errorf("%s: cannot read the file as UTF-16: %w; save it as \"CSV UTF-8\"", name, err)
		}
		return string(out), nil
	case utf8.Valid(raw):
		return string(raw), nil
	}
	out, err := traditionalchinese.Big5.NewDecoder().Bytes(raw)
	if err == nil && !strings.ContainsRune(string(out), utf8.RuneError) {
		return string(out), nil
	}
	return "", fmt.Errorf("%s:%d: the file is neither UTF-8 nor Big5 (CP950); convert it to UTF-8, e.g. "+
		"`iconv -f CP950 -t UTF-8 %s > roster-utf8.csv`, or save it from Excel as \"CSV UTF-8 (逗號分隔)\"",
		name, rosterBadLine(raw), name)
}

// rosterBadLine returns the 1-based line of the first byte that is not UTF-8.
func rosterBadLine(raw []byte) int {
	line := 1
	for len(raw) > 0 {
		r, n := utf8.DecodeRune(raw)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		raw = raw[n:]
	}
	return line
}
