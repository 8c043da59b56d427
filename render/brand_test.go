package render

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func TestLoadImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 30, 12))
	img.Set(1, 1, color.RGBA{0x1F, 0x4E, 0x79, 0xFF})
	var p, j bytes.Buffer
	png.Encode(&p, img)
	jpeg.Encode(&j, img, nil)
	for _, c := range []struct {
		name   string
		data   []byte
		format string
		err    string
	}{
		{"png", p.Bytes(), "png", ""},
		{"jpeg", j.Bytes(), "jpeg", ""},
		{"gif", []byte("GIF89a…"), "", "not a PNG or JPEG"},
		{"truncated png", p.Bytes()[:20], "", "damaged PNG"},
		{"empty", nil, "", "not a PNG or JPEG"},
	} {
		im, err := LoadImage(c.data)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || im.Format != c.format || im.Width != 30 || im.Height != 12 {
			t.Errorf("%s: %+v, %v", c.name, im, err)
		}
	}
}

func TestParseColor(t *testing.T) {
	for _, c := range []struct{ in, hex, err string }{
		{"#1F4E79", "1F4E79", ""},
		{"1f4e79", "1F4E79", ""},
		{"#146", "114466", ""},
		{"blue", "", "#RRGGBB"},
		{"#12345", "", "#RRGGBB"},
	} {
		got, err := ParseColor(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v", c.in, err)
			}
			continue
		}
		if err != nil || got.Hex() != c.hex || !got.Set {
			t.Errorf("%q = %v %v, want %s", c.in, got, err, c.hex)
		}
	}
	if got := (Color{R: 0x1F, G: 0x4E, B: 0x79, Set: true}).Tint(0.8).Hex(); got != "D2DCE4" {
		t.Errorf("80%% tint of 1F4E79 = %s, want D2DCE4", got)
	}
}
