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
	if c.Font == "" {
		regular, err = Default()
	} else {
		regular, err = loadFile(c.Font, limit)
	}
	if err != nil {
		return nil, err
	}
	if c.Bold != "" {
		if bold, err = loadFile(c.Bold, limit); err != nil {
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
		f, err := loadFile(spec, limit)
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
	switch c.Latin {
	case NoLatin:
	case "":
		if s, err = withDefaultLatin(s); err != nil {
			return nil, err
		}
	default:
		latin, err := loadFile(c.Latin, limit)
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
		s.system = newSystemFonts(dirs, loaded, limit)
	}
	return s, nil
}
