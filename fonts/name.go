package fonts

import (
	"encoding/binary"
	"unicode/utf16"
)

// Name table IDs.
const (
	nameFamily     = 1
	namePostScript = 6
	nameTypoFamily = 16
)

// familyName returns the font's family name from its name table: the
// typographic family (ID 16) when present, else the family (ID 1),
// preferring the Windows US English record, then any Windows Unicode
// record, then the Macintosh Roman record. It returns "" when none is
// readable.
func familyName(name []byte) string {
	return bestName(name, map[uint16]int{nameFamily: 0, nameTypoFamily: 10})
}

// postScriptName returns the font's PostScript name (name ID 6), or "".
func postScriptName(name []byte) string {
	return bestName(name, map[uint16]int{namePostScript: 0})
}

// bestName returns the best readable record of the name IDs in ids, each
// ranked by its bonus and then as familyName says.
func bestName(name []byte, ids map[uint16]int) string {
	if len(name) < 6 {
		return ""
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	strings := int(binary.BigEndian.Uint16(name[4:]))
	best, bestRank := "", 0
	for i := 0; i < count; i++ {
		at := 6 + 12*i
		if at+12 > len(name) {
			break
		}
		p := name[at:]
		platform, encoding := binary.BigEndian.Uint16(p), binary.BigEndian.Uint16(p[2:])
		lang, id := binary.BigEndian.Uint16(p[4:]), binary.BigEndian.Uint16(p[6:])
		n, off := int(binary.BigEndian.Uint16(p[8:])), int(binary.BigEndian.Uint16(p[10:]))
		bonus, ok := ids[id]
		if !ok || strings+off+n > len(name) {
			continue
		}
		raw := name[strings+off : strings+off+n]
		rank := 0
		var s string
		switch {
		case platform == 3 && (encoding == 1 || encoding == 10):
			s = decodeUTF16BE(raw)
			rank = 2
			if lang == 0x0409 {
				rank = 3
			}
		case platform == 0:
			s = decodeUTF16BE(raw)
			rank = 2
		case platform == 1 && encoding == 0:
			s = decodeMacRoman(raw)
			rank = 1
		}
		rank += bonus
		if s != "" && rank > bestRank {
			best, bestRank = s, rank
		}
	}
	return best
}

// langTaiwan is the Windows language ID of Chinese (Taiwan).
const langTaiwan = 0x0404

// hasNameLanguage reports whether the name table has a Windows record in
// language lang.
func hasNameLanguage(name []byte, lang uint16) bool {
	if len(name) < 6 {
		return false
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	for i := 0; i < count && 6+12*i+12 <= len(name); i++ {
		p := name[6+12*i:]
		if binary.BigEndian.Uint16(p) == 3 && binary.BigEndian.Uint16(p[4:]) == lang {
			return true
		}
	}
	return false
}

func decodeUTF16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// decodeMacRoman decodes the ASCII part of a Macintosh Roman string and
// gives up on anything else, which family names rarely contain.
func decodeMacRoman(b []byte) string {
	for _, c := range b {
		if c >= 0x80 {
			return ""
		}
	}
	return string(b)
}
