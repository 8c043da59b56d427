package fonts

import (
	"strings"

	"golang.org/x/image/font/sfnt"
)

// EmbeddedFont describes one font embedded in ocs, for `ocs version`.
type EmbeddedFont struct {
	Name    string // family name, e.g. "TW-Kai"
	Version string // the font's own version string (name ID 5), e.g. "Version 103.1"
	Bytes   int    // size of the embedded file
}

// Embedded lists the fonts built into ocs, in the order they are used:
// the main face first, then the Latin companions.
func Embedded() []EmbeddedFont {
	list := []struct {
		name string
		data []byte
	}{
		{DefaultName, defaultData},
		{LatinName, latinData},
		{LatinBoldName, latinBoldData},
	}
	out := make([]EmbeddedFont, 0, len(list))
	for _, f := range list {
		out = append(out, EmbeddedFont{Name: f.name, Version: fontVersion(f.data), Bytes: len(f.data)})
	}
	return out
}

// fontVersion reads name ID 5 (the version string) of a font file, or
// "unknown" when it has none.
func fontVersion(data []byte) string {
	f, err := sfnt.Parse(data)
	if err != nil {
		return "unknown"
	}
	v, err := f.Name(nil, sfnt.NameIDVersion)
	if err != nil || strings.TrimSpace(v) == "" {
		return "unknown"
	}
	return strings.TrimSpace(v)
}
