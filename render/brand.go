package render

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"strconv"
	"strings"
)

// Brand is an organisation's house style on every page: its name and logo
// in the page header, a line such as a document number under them, an
// address or contact line at the foot, and an accent colour for rules and
// the shading of header cells. It changes how pages look, never what they
// say. Off by default: the official form has none.
type Brand struct {
	Name   string // the organisation's name, in the page header
	Line   string // a document number or date line, in the page header
	Footer string // an address or contact line, at the foot of every page
	Logo   *Image // in the page header; nil = none
	Color  Color  // accent colour; the zero value keeps black rules and grey shading
}

// IsZero reports whether b asks for nothing.
func (b *Brand) IsZero() bool {
	return b == nil || (b.Name == "" && b.Line == "" && b.Footer == "" && b.Logo == nil && !b.Color.Set)
}

// Image is a picture a document shows: PNG or JPEG bytes and their size.
type Image struct {
	Data          []byte
	Format        string // "png" or "jpeg"
	Width, Height int    // pixels
}

// MaxImageBytes and MaxImagePixels bound what LoadImage accepts, so a
// hostile file cannot cost much memory.
const (
	MaxImageBytes  = 8 << 20
	MaxImagePixels = 40_000_000
)

// LoadImage checks that data is a PNG or JPEG picture (by its first bytes,
// then its header) and returns it with its size. The pixels are not
// decoded.
func LoadImage(data []byte) (*Image, error) {
	var format string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		format = "png"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		format = "jpeg"
	default:
		return nil, errors.New("not a PNG or JPEG picture")
	}
	if len(data) > MaxImageBytes {
		return nil, fmt.Errorf("picture is %d MB; at most %d MB", len(data)>>20, MaxImageBytes>>20)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("damaged %s picture: %w", strings.ToUpper(format), err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxImagePixels {
		return nil, fmt.Errorf("picture of %d×%d pixels; at most %d pixels", cfg.Width, cfg.Height, MaxImagePixels)
	}
	return &Image{Data: data, Format: format, Width: cfg.Width, Height: cfg.Height}, nil
}

// Color is an RGB colour; Set distinguishes black from none.
type Color struct {
	R, G, B uint8
	Set     bool
}

// ParseColor reads "#1F4E79" or "1F4E79" (or the short "#146").
func ParseColor(s string) (Color, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return Color{}, fmt.Errorf("colour %q: write it as #RRGGBB, e.g. #1F4E79", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("colour %q: write it as #RRGGBB, e.g. #1F4E79", s)
	}
	return Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), Set: true}, nil
}

// Hex is the colour as RRGGBB.
func (c Color) Hex() string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

// Tint mixes the colour with white: f = 0 gives the colour, 1 white. Header
// cells are shaded with a light tint of the accent colour.
func (c Color) Tint(f float64) Color {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*f + 0.5) }
	return Color{R: mix(c.R), G: mix(c.G), B: mix(c.B), Set: true}
}
