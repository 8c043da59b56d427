package fonts

import (
	_ "embed" // the Latin companion faces
	"fmt"
	"sync"
)

// The embedded Latin companion faces: subsets of Liberation Serif, which
// has the metrics of Times New Roman, renamed OCS Serif as the SIL Open
// Font License asks of a modified Liberation font. See LATIN.md for what
// they hold and how latin.sh makes them.
var (
	//go:embed OCSSerif-Regular.ttf
	latinData []byte
	//go:embed OCSSerif-Bold.ttf
	latinBoldData []byte
)

// Names of the embedded Latin faces. The bold face has a name of its own,
// so backends register it as a font of its own.
const (
	LatinName     = "OCS Serif"
	LatinBoldName = "OCS Serif Bold"
)

// NoLatin, given as Config.Latin, draws Latin text with the main font.
const NoLatin = "none"

// latinRanges are the characters a Set draws with its Latin face, when
// that face has them: Basic Latin, Latin-1 Supplement, and the dashes,
// quotation marks and other punctuation of Latin text. CJK punctuation
// (、。「」‧) and fullwidth forms (，：（）) stay with the main face. The
// ranges are in order. The embedded Latin faces have every one of these
// characters: latin.py lists the same.
var latinRanges = []struct{ lo, hi rune }{
	{0x0020, 0x007E}, // Basic Latin
	{0x00A0, 0x00FF}, // Latin-1 Supplement
	{0x2010, 0x2010}, // ‐ hyphen
	{0x2012, 0x2014}, // ‒ – —
	{0x2018, 0x201A}, // ‘ ’ ‚
	{0x201C, 0x201E}, // “ ” „
	{0x2020, 0x2022}, // † ‡ •
	{0x2026, 0x2026}, // …
	{0x2030, 0x2030}, // ‰
	{0x2032, 0x2033}, // ′ ″
	{0x2039, 0x203A}, // ‹ ›
	{0x2044, 0x2044}, // ⁄
	{0x20AC, 0x20AC}, // €
	{0x2122, 0x2122}, // ™
}

// IsLatin reports whether a Set draws r with its Latin face when that
// face has it: r is in Basic Latin (U+0020–U+007E), Latin-1 Supplement
// (U+00A0–U+00FF), or one of the dashes, quotation marks and other
// punctuation of Latin text (‐ ‒ – — ‘ ’ ‚ “ ” „ † ‡ • … ‰ ′ ″ ‹ › ⁄ € ™).
// CJK punctuation (、。「」‧) and fullwidth forms (，：（）) are not Latin:
// they stay with the main face.
func IsLatin(r rune) bool {
	for _, g := range latinRanges {
		if r < g.lo {
			return false
		}
		if r <= g.hi {
			return true
		}
	}
	return false
}

var latinFace = sync.OnceValues(func() (*Face, error) {
	return embedded(LatinName, latinData)
})

var latinBoldFace = sync.OnceValues(func() (*Face, error) {
	return embedded(LatinBoldName, latinBoldData)
})

// embedded makes the Face of a font file embedded in ocs. It checks the
// file as Parse does, except for sfnt's reading of every table in depth,
// which TestEmbeddedDeep does once for every process: for TW-Kai that
// reading costs a table of 39 157 glyph offsets (160 KB) that nothing
// uses.
func embedded(name string, data []byte) (*Face, error) {
	f, err := parseFace(name, data, false)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	f.Source = "embedded"
	return f, nil
}

// DefaultLatin returns the embedded Latin face, OCS Serif. It is parsed
// on the first call only; every call returns the same *Face.
func DefaultLatin() (*Face, error) { return latinFace() }

// DefaultLatinBold returns the embedded bold Latin face, OCS Serif Bold:
// a real bold face, drawn without emboldening.
func DefaultLatinBold() (*Face, error) { return latinBoldFace() }
