package fonts

import "fmt"

// Config says which fonts to use. The zero Config is the embedded face
// with synthetic bold, the embedded Latin faces and no fallbacks.
type Config struct {
	// Font is the regular face: a .ttf path or "name.ttc#N"; "" means the
	// embedded TW-Kai.
	Font string
	// Latin is the face of Latin letters, digits and punctuation (see
	// IsLatin), drawn with synthetic bold in bold text: a .ttf path or
	// "name.ttc#N"; "" means the embedded OCS Serif (the shapes and
	// widths of Times New Roman) with its real bold, whatever Font is,
	// and NoLatin ("none") draws them with Font like any other character.
	Latin string
	// Bold is a real bold face for Font; "" means synthetic bold of Font.
	Bold string
	// Fallbacks are faces tried in order for characters Font lacks.
	Fallbacks []string
	// System lets Set.Cover add CJK TrueType fonts installed on this
	// system as further fallbacks, when a text needs them. Output then
	// depends on the fonts installed; turn it off for reproducible builds.
	System bool
	// SystemDirs are the folders searched for system fonts; nil means
	// SystemFontDirs().
	SystemDirs []string
	// CFF accepts fonts with PostScript (CFF) outlines (OpenType .otf,
	// such as Noto Sans CJK TC or Source Han), for a backend that embeds
	// them (see Face.Program). When false, such a font is an error
	// wrapping ErrCFF, and system fonts with CFF outlines are passed over.
	CFF bool
	// MaxRune is the highest character the backend draws; 0 means
	// MaxRune (U+FFFF). A backend that draws every character, including
	// CJK Extension B from TW-Kai's Ext-B face, sets unicode.MaxRune.
	MaxRune rune
	// MaxFontSize is the largest font file read, in bytes; 0 means
	// DefaultMaxFontSize. A larger file is refused after reading its
	// first four bytes.
	MaxFontSize int64
}

// maxFontSize returns the font file size limit.
func (c Config) maxFontSize() int64 {
	if c.MaxFontSize > 0 {
		return c.MaxFontSize
	}
	return DefaultMaxFontSize
}

// Load loads the configured faces and returns the Set. Any file that
// cannot be used is an error naming the file. System fonts are not
// searched here but by Set.Cover, and only when a text needs them.
func (c Config) Load() (*Set, error) {
	var regular, bold *Face
	var err error
	limit := c.maxFontSize()
	load := func(spec string) (*Face, error) {
		f, err := loadFile(spec, limit)
		if err == nil && f.CFF() && !c.CFF {
			path, _, _ := splitFaceIndex(spec)
			err = fmt.Errorf("font %s: %w%s", spec, ErrCFF, advice(ErrCFF, path))
		}
		return f, err
	}
	if c.Font == "" {
		regular, err = Default()
	} else {
		regular, err = load(c.Font)
	}
	if err != nil {
		return nil, err
	}
	if c.Bold != "" {
		if bold, err = load(c.Bold); err != nil {
			return nil, fmt.Errorf("bold %w", err)
		}
	}
	loaded := map[string]bool{}
	if c.Font != "" {
		loaded[cleanPath(c.Font)] = true
	}
	var fallbacks []*Face
	for _, spec := range c.Fallbacks {
		if loaded[cleanPath(spec)] {
			continue
		}
		f, err := load(spec)
		if err != nil {
			return nil, fmt.Errorf("fallback %w", err)
		}
		loaded[cleanPath(spec)] = true
		fallbacks = append(fallbacks, f)
	}
	s, err := NewSet(regular, bold, fallbacks...)
	if err != nil {
		return nil, err
	}
	s.maxRune = c.MaxRune
	switch c.Latin {
	case NoLatin:
	case "":
		if s, err = withDefaultLatin(s); err != nil {
			return nil, err
		}
	default:
		latin, err := load(c.Latin)
		if err != nil {
			return nil, fmt.Errorf("Latin %w", err)
		}
		if s, err = s.WithLatin(latin, nil); err != nil {
			return nil, err
		}
	}
	if c.System {
		dirs := c.SystemDirs
		if dirs == nil {
			dirs = SystemFontDirs()
		}
		s.system = newSystemFonts(dirs, loaded, limit, c.CFF)
	}
	return s, nil
}
