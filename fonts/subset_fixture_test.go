package fonts

import "encoding/binary"

// Component flags the fixture writes besides the ones subset.go reads.
const (
	argsXY       = 0x0002 // ARGS_ARE_XY_VALUES
	instructions = 0x0100 // WE_HAVE_INSTRUCTIONS
)

// simpleGlyph writes a glyph of one closed contour through the given
// on-curve points, with plain 16-bit coordinates.
func simpleGlyph(pts ...[2]int16) []byte {
	be := binary.BigEndian
	xMin, yMin, xMax, yMax := pts[0][0], pts[0][1], pts[0][0], pts[0][1]
	for _, p := range pts {
		xMin, xMax = min(xMin, p[0]), max(xMax, p[0])
		yMin, yMax = min(yMin, p[1]), max(yMax, p[1])
	}
	b := make([]byte, 10)
	be.PutUint16(b, 1) // one contour
	be.PutUint16(b[2:], uint16(xMin))
	be.PutUint16(b[4:], uint16(yMin))
	be.PutUint16(b[6:], uint16(xMax))
	be.PutUint16(b[8:], uint16(yMax))
	b = be.AppendUint16(b, uint16(len(pts)-1)) // endPtsOfContours
	b = be.AppendUint16(b, 0)                  // no instructions
	for range pts {
		b = append(b, 0x01) // on curve, 16-bit signed deltas
	}
	var x, y int16
	for _, p := range pts {
		b = be.AppendUint16(b, uint16(p[0]-x))
		x = p[0]
	}
	for _, p := range pts {
		b = be.AppendUint16(b, uint16(p[1]-y))
		y = p[1]
	}
	return b
}

// part is one component of a composite glyph: a glyph moved by (dx, dy)
// and transformed by scale, which holds F2Dot14 numbers: none, one
// (uniform scale), two (x and y scale) or four (a 2×2 matrix).
type part struct {
	gid    uint16
	dx, dy int16
	words  bool // write dx, dy as 16-bit numbers even when they fit in 8
	scale  []int16
}

// compositeGlyph writes a composite glyph of parts, with two bytes of
// instructions after the last one when hinted is set.
func compositeGlyph(hinted bool, parts ...part) []byte {
	be := binary.BigEndian
	b := make([]byte, 10)
	be.PutUint16(b, 0xFFFF) // numberOfContours -1
	be.PutUint16(b[6:], 1000)
	be.PutUint16(b[8:], 1000)
	for i, p := range parts {
		flags := uint16(argsXY)
		words := p.words || p.dx != int16(int8(p.dx)) || p.dy != int16(int8(p.dy))
		if words {
			flags |= argWords
		}
		switch len(p.scale) {
		case 1:
			flags |= haveScale
		case 2:
			flags |= haveXYScale
		case 4:
			flags |= haveTwoByTwo
		}
		if i < len(parts)-1 {
			flags |= moreComponents
		} else if hinted {
			flags |= instructions
		}
		b = be.AppendUint16(b, flags)
		b = be.AppendUint16(b, p.gid)
		if words {
			b = be.AppendUint16(b, uint16(p.dx))
			b = be.AppendUint16(b, uint16(p.dy))
		} else {
			b = append(b, byte(int8(p.dx)), byte(int8(p.dy)))
		}
		for _, s := range p.scale {
			b = be.AppendUint16(b, uint16(s))
		}
	}
	if hinted {
		b = be.AppendUint16(b, 2)
		b = append(b, 0xB0, 0x01) // PUSHB[0] 1
	}
	return b
}

// compositeChars are the characters of compositeFont, mapped to glyphs
// 1 to 8 in this order.
var compositeChars = []rune{'B', 'T', 'S', 'A', 'D', 'C', ' ', 0x1F600}

// compositeFont builds a font with composite glyphs: 'A' (glyph 4) is a
// triangle (2) and a scaled square (3); 'C' (6) is an 'A' scaled in x and
// y, the square through a 2×2 matrix and the triangle again, and carries
// instructions; ' ' is empty and U+1F600 is above the BMP. Glyphs 5 to 8
// have no advance of their own in hmtx, and with noLSB no left side
// bearing either. bad, when not zero, replaces the last component of 'C'
// with that glyph index.
func compositeFont(bad uint16, noLSB bool) []byte {
	last := part{gid: 2, dx: -3, dy: 4}
	if bad != 0 {
		last.gid = bad
	}
	glyphs := [][]byte{
		simpleGlyph([2]int16{50, 0}, [2]int16{50, 700}, [2]int16{450, 700}, [2]int16{450, 0}), // .notdef
		simpleGlyph([2]int16{0, 0}, [2]int16{0, 500}, [2]int16{500, 0}),                       // B
		simpleGlyph([2]int16{100, 0}, [2]int16{300, 600}, [2]int16{500, 0}),                   // T
		simpleGlyph([2]int16{0, 0}, [2]int16{0, 400}, [2]int16{400, 400}, [2]int16{400, 0}),   // S
		compositeGlyph(false,
			part{gid: 2, dx: 10, dy: -5},
			part{gid: 3, dx: 300, dy: 200, scale: []int16{0x2000}}), // A
		simpleGlyph([2]int16{10, 10}, [2]int16{10, 90}, [2]int16{90, 10}), // D
		compositeGlyph(true,
			part{gid: 4, dx: 20, dy: 30, words: true, scale: []int16{0x4000, 0x3000}},
			part{gid: 3, dx: 400, dy: -100, scale: []int16{0x4000, 0x0800, -0x0800, 0x4000}},
			last), // C
		nil, // space
		simpleGlyph([2]int16{0, 0}, [2]int16{200, 800}, [2]int16{800, 0}), // U+1F600
	}
	be := binary.BigEndian
	var glyf []byte
	loca := make([]byte, 0, 2*(len(glyphs)+1))
	for _, g := range glyphs {
		loca = be.AppendUint16(loca, uint16(len(glyf)/2))
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	loca = be.AppendUint16(loca, uint16(len(glyf)/2))
	const long = 5 // glyphs with a long metric
	var hmtx []byte
	for i := range glyphs {
		if i < long {
			hmtx = be.AppendUint16(hmtx, uint16(500+100*i))
		} else if noLSB {
			break
		}
		hmtx = be.AppendUint16(hmtx, uint16(10*i)) // left side bearing
	}
	return assemble(magicTrueType, map[string][]byte{
		"head": headTable(),
		"hhea": hheaTable(long),
		"maxp": maxpTable(len(glyphs)),
		"hmtx": hmtx,
		"loca": loca,
		"glyf": glyf,
		"cmap": cmapTable(compositeChars),
		"name": nameTable("Composite Test"),
		"post": postTable(),
		"OS/2": os2Table(0x0008),
		"prep": {0xB0, 0x00}, // PUSHB[0] 0
	})
}
