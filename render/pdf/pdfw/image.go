package pdfw

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"
)

// maxPixels bounds the size of an image, so that a small compressed file
// cannot ask for gigabytes of memory.
const maxPixels = 40_000_000

// Image is a picture ready to embed, such as a logo: a JPEG as it is, a
// PNG decoded to its colour samples and, when it has transparency, a soft
// mask. Like a Font it is immutable and may be shared.
type Image struct {
	W, H int // size in pixels
	dict string
	data []byte
	mask []byte // compressed alpha samples, or nil
}

// NewJPEG makes an Image of a JPEG file, embedded unchanged (DCTDecode).
func NewJPEG(data []byte) (*Image, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading the JPEG image: %w", err)
	}
	if err := checkSize(cfg); err != nil {
		return nil, err
	}
	cs := "/DeviceRGB"
	switch cfg.ColorModel {
	case color.GrayModel:
		cs = "/DeviceGray"
	case color.CMYKModel:
		cs = "/DeviceCMYK/Decode[1 0 1 0 1 0 1 0]" // Adobe's inverted CMYK
	}
	return &Image{W: cfg.Width, H: cfg.Height, data: data,
		dict: "/Filter/DCTDecode" + imageDict(cfg.Width, cfg.Height) + "/ColorSpace" + cs}, nil
}

// NewPNG makes an Image of a PNG file.
func NewPNG(data []byte) (*Image, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading the PNG image: %w", err)
	}
	if err := checkSize(cfg); err != nil {
		return nil, err
	}
	m, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading the PNG image: %w", err)
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	gray := cfg.ColorModel == color.GrayModel || cfg.ColorModel == color.Gray16Model
	n := 3
	if gray {
		n = 1
	}
	samples := make([]byte, 0, w*h*n)
	alpha := make([]byte, 0, w*h)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
			if gray {
				samples = append(samples, c.R)
			} else {
				samples = append(samples, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 0xff
		}
	}
	img := &Image{W: w, H: h, data: deflate(samples, levelLarge)}
	cs := "/DeviceRGB"
	if gray {
		cs = "/DeviceGray"
	}
	img.dict = "/Filter/FlateDecode" + imageDict(w, h) + "/ColorSpace" + cs
	if !opaque {
		img.mask = deflate(alpha, levelLarge)
	}
	return img, nil
}

func checkSize(cfg image.Config) error {
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return fmt.Errorf("the image is %d × %d pixels: images of up to %d million pixels can be embedded", cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	return nil
}

func imageDict(w, h int) string {
	return "/Type/XObject/Subtype/Image/Width " + strconv.Itoa(w) + "/Height " + strconv.Itoa(h) + "/BitsPerComponent 8"
}

// add writes the image and returns its XObject.
func (img *Image) add(fl *file) Ref {
	dict := img.dict
	if img.mask != nil {
		m := fl.alloc()
		fl.setRaw(m, "/Filter/FlateDecode"+imageDict(img.W, img.H)+"/ColorSpace/DeviceGray", img.mask)
		dict += "/SMask " + strconv.Itoa(int(m)) + " 0 R"
	}
	r := fl.alloc()
	fl.setRaw(r, dict, img.data)
	return r
}
