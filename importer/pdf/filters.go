package pdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
)

// decode returns a stream's decoded bytes, charging them to the
// document's decompression budget.
func (f *file) decode(s *stream) ([]byte, error) {
	if b, ok := f.decoded[s]; ok {
		return b, nil
	}
	var filters []object
	switch v := f.resolve(s.dict["Filter"]).(type) {
	case name:
		filters = []object{v}
	case []object:
		filters = v
	}
	if len(filters) > 4 {
		return nil, fmt.Errorf("a stream has %d filters; at most 4 are read", len(filters))
	}
	parms := f.array(s.dict["DecodeParms"])
	if p := f.dict(s.dict["DecodeParms"]); p != nil {
		parms = []object{p}
	}
	b := s.raw
	if f.crypt != nil && s.num >= 0 {
		var err error
		if b, err = f.crypt.stream(s.num, s.gen, b); err != nil {
			return nil, err
		}
	}
	for i, fo := range filters {
		fn, _ := f.resolve(fo).(name)
		var p dict
		if i < len(parms) {
			p = f.dict(parms[i])
		}
		if pr, ok := f.num(p["Predictor"]); ok && pr > 1 {
			return nil, fmt.Errorf("stream filter %s with predictor %v is not supported", fn, pr)
		}
		var r io.Reader
		switch fn {
		case "FlateDecode", "Fl":
			zr, err := zlib.NewReader(bytes.NewReader(b))
			if err != nil {
				r = flate.NewReader(bytes.NewReader(b)) // raw deflate without the zlib header
			} else {
				r = zr
			}
		case "ASCIIHexDecode", "AHx":
			r = bytes.NewReader(asciiHex(b))
		case "ASCII85Decode", "A85":
			r = ascii85.NewDecoder(bytes.NewReader(ascii85Body(b)))
		default:
			return nil, fmt.Errorf("stream filter %s is not supported", fn)
		}
		out, err := io.ReadAll(io.LimitReader(r, f.left+1))
		if int64(len(out)) > f.left {
			return nil, fmt.Errorf("%w: its streams decompress to more than %d bytes (a decompression bomb?)", ErrTooLarge, f.opt.MaxDecompressed)
		}
		if err != nil && !errors.Is(err, zlib.ErrChecksum) {
			return nil, fmt.Errorf("a %s stream is damaged: %w", fn, err)
		}
		f.left -= int64(len(out))
		b = out
	}
	f.decoded[s] = b
	return b, nil
}

func asciiHex(b []byte) []byte {
	var out []byte
	var hi byte
	half := false
	for _, c := range b {
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

func ascii85Body(b []byte) []byte {
	if i := bytes.Index(b, []byte("~>")); i >= 0 {
		b = b[:i]
	}
	b = bytes.TrimSpace(b)
	return bytes.TrimPrefix(b, []byte("<~"))
}

// page is one page to interpret.
type page struct {
	res      dict
	contents []*stream
	box      [4]float64 // llx lly urx ury
	rotate   int        // 0, 90, 180 or 270: clockwise turn when shown
}
