package pdfw

import "strconv"

// Content builds the content stream of a page. Coordinates are in points
// from the bottom left corner of the page. It writes each change of font,
// text mode, line width or grey once, and keeps text objects open across
// consecutive texts and the tags around them.
type Content struct {
	b      []byte
	inText bool
	// textMarked is how many marked-content sequences were open when the
	// text object began: those deeper began inside it and end inside it.
	textMarked int
	gstate           // as last written
	marked     int   // open marked-content sequences
	cuts       []int // where Cut divided the stream
	band       band  // rectangles or texts drawn relative to a row
}

// gstate is the part of the graphics state a Content writes once per
// change, and which Q restores.
type gstate struct {
	font   string
	size   float64
	mode   int
	width  float64
	fill   RGB // the colour filling text and shapes
	stroke RGB // the colour stroking lines and bold text outlines
}

// band is a horizontal band of the page, from y to top, in which
// rectangles are drawn relative to y (q 1 0 0 1 0 y cm … Q): the rows of a
// table, their cells' frames and fills and the boxes in them, then write
// the same bytes from row to row, which deflate keeps once. Texts get
// bands of their own (Origin). With both, the THM2431 assessment pack is
// 199,259 bytes instead of 208,431.
type band struct {
	on     bool
	text   bool // a band of texts (Origin), not of rectangles
	marked int  // the marked-content sequences open when it began
	y, top float64
	yh     int64  // y as written, in hundredths
	saved  gstate // when it began, which Q restores
}

// inBand reports whether a rectangle from y to top lies in the band.
func (b *band) inBand(y, top float64) bool {
	const eps = 0.005
	return b.on && y >= b.y-eps && top <= b.top+eps
}

// beginBand starts a band from y to top.
func (c *Content) beginBand(y, top float64) {
	c.band = band{on: true, marked: c.marked, y: y, top: top, yh: hundredths(y), saved: c.gstate}
	c.b = append(c.b, "q 1 0 0 1 0 "...)
	c.num(y)
	c.b = append(c.b, "cm\n"...)
}

// Origin begins a band of texts at y: the texts that follow, up to the
// next rectangle, artifact or Origin, are written relative to y, so that
// the rows of a table, each begun at its first baseline, write the same
// positions from row to row (and one text's words sum to the same place
// in a reader, as before). It comes between tagged texts, not inside one.
func (c *Content) Origin(y float64) {
	c.endText()
	c.endBand()
	c.beginBand(y, y)
	c.band.text = true
}

// endBand ends the band, if one is open, outside any text object.
func (c *Content) endBand() {
	if c.band.on {
		c.endText()
		c.b = append(c.b, "Q\n"...)
		c.gstate = c.band.saved
		c.band = band{}
	}
}

// minBand is the height from which a rectangle begins a band: a table
// row's; the boxes in a row are smaller.
const minBand = 12

// bandFor keeps the band for a rectangle from y, h high, or ends it and
// begins one for the rectangle when it is high enough. It comes before
// the rectangle's line width and colour are set, which Q would undo.
func (c *Content) bandFor(y, h float64) {
	if !c.band.text && c.band.inBand(y, y+h) {
		return
	}
	c.endBand()
	if h >= minBand {
		c.beginBand(y, y+h)
	}
}

// RGB is a colour, each component from 0 to 1. The zero value is black;
// a colour whose components are equal is written as a grey.
type RGB struct{ R, G, B float64 }

// Gray returns the grey level g (0 black, 1 white).
func Gray(g float64) RGB { return RGB{g, g, g} }

// appendColor writes the operator setting c: op for a grey, the
// lower-case op "rg" or "RG" for a colour.
func (c *Content) appendColor(col RGB, gray, rgb string) {
	if col.R == col.G && col.G == col.B {
		c.num(col.R)
		c.b = append(c.b, gray...)
		return
	}
	c.num(col.R)
	c.num(col.G)
	c.num(col.B)
	c.b = append(c.b, rgb...)
}

// NewContent returns an empty content stream with the PDF defaults in
// force: black, line width 1, text mode 0.
func NewContent() *Content { return &Content{gstate: gstate{width: 1}, b: make([]byte, 0, 4096)} }

// Bytes returns the content stream, closing what is still open.
func (c *Content) Bytes() []byte {
	c.endText()
	for c.marked > 0 {
		c.End()
	}
	c.endBand()
	return c.b
}

// Cut divides the stream here: a page writes each piece as a stream of
// its own, and its Contents array joins them again into one (PDF
// 32000-1, 7.8.2 and 14.6.1), which text objects and marked-content
// sequences may span. With a Cache, the pieces that recur from document
// to document are compressed once, even where the pieces between them
// differ, such as the text naming a candidate in the body of a form.
func (c *Content) Cut() {
	if n := len(c.b); n > 0 && (len(c.cuts) == 0 || c.cuts[len(c.cuts)-1] != n) {
		c.cuts = append(c.cuts, n)
	}
}

// pieces returns the stream (Bytes) in the pieces Cut divided it into,
// at least one.
func (c *Content) pieces() [][]byte {
	b := c.Bytes()
	out := make([][]byte, 0, len(c.cuts)+1)
	start := 0
	for _, n := range c.cuts {
		out = append(out, b[start:n:n])
		start = n
	}
	if start < len(b) || len(out) == 0 {
		out = append(out, b[start:])
	}
	return out
}

func (c *Content) num(x float64) { c.b = appendNum(c.b, x); c.b = append(c.b, ' ') }

func (c *Content) endText() {
	if c.inText {
		c.b = append(c.b, "ET\n"...)
		c.inText = false
	}
}

func (c *Content) beginText() {
	if !c.inText {
		if !c.band.text {
			c.endBand() // no rectangle band around a text object
		}
		c.b = append(c.b, "BT\n"...)
		c.inText = true
		c.textMarked = c.marked
	}
}

// Text shows the codes of a font (Font.Encode) with the baseline starting
// at (x, y). With stroke above zero the glyph outlines are also stroked
// with that line width, which emboldens them (text rendering mode 2).
func (c *Content) Text(font string, size, x, y, stroke float64, codes []byte) {
	c.TextColor(font, size, x, y, stroke, codes, RGB{})
}

// TextColor is Text in a colour: the glyphs are filled, and stroked when
// bold, with col.
func (c *Content) TextColor(font string, size, x, y, stroke float64, codes []byte, col RGB) {
	if !c.band.text {
		c.endBand() // before the state is set: Q would undo it
	}
	if stroke > 0 {
		c.lineWidth(stroke)
		c.strokeColor(col)
	}
	c.fillColor(col)
	c.beginText()
	c.setFont(font, size)
	mode := 0
	if stroke > 0 {
		mode = 2
	}
	if mode != c.mode {
		c.b = strconv.AppendInt(c.b, int64(mode), 10)
		c.b = append(c.b, " Tr\n"...)
		c.mode = mode
	}
	// Each text is placed absolutely (Tm), or from the origin of its
	// band. Offsets from the text before (Td) would be some 3 % smaller
	// once compressed, but readers sum them in floating point, and
	// pdftotext then finds words of one line a hair apart and lays the
	// text out differently; the texts of a band all add the same origin.
	c.b = append(c.b, "1 0 0 1 "...)
	c.num(x)
	c.b = appendHundredths(c.b, hundredths(y)-c.band.yh)
	c.b = append(c.b, " Tm"...)
	c.b = appendLiteral(c.b, codes)
	c.b = append(c.b, "Tj\n"...)
}

// Continue shows codes of another font right after the text shown last,
// in its mode and colour: the next part of a text whose characters two
// fonts draw.
func (c *Content) Continue(font string, size float64, codes []byte) {
	if !c.inText {
		return // nothing shown to continue
	}
	c.setFont(font, size)
	c.b = appendLiteral(c.b, codes)
	c.b = append(c.b, "Tj\n"...)
}

func (c *Content) setFont(font string, size float64) {
	if font != c.font || size != c.size {
		c.b = appendName(c.b, font)
		c.b = append(c.b, ' ')
		c.num(size)
		c.b = append(c.b, "Tf\n"...)
		c.font, c.size = font, size
	}
}

// lineWidth sets the line width.
func (c *Content) lineWidth(w float64) {
	if w != c.width {
		c.num(w)
		c.b = append(c.b, "w\n"...)
		c.width = w
	}
}

// fillColor sets the fill colour.
func (c *Content) fillColor(col RGB) {
	if col != c.fill {
		c.appendColor(col, "g\n", "rg\n")
		c.fill = col
	}
}

// strokeColor sets the stroke colour.
func (c *Content) strokeColor(col RGB) {
	if col != c.stroke {
		c.appendColor(col, "G\n", "RG\n")
		c.stroke = col
	}
}

// Line strokes a line from (x1, y1) to (x2, y2), width points wide.
func (c *Content) Line(x1, y1, x2, y2, width float64) {
	c.LineColor(x1, y1, x2, y2, width, RGB{})
}

// LineColor strokes a line in a colour.
func (c *Content) LineColor(x1, y1, x2, y2, width float64, col RGB) {
	c.endText()
	c.endBand()
	c.lineWidth(width)
	c.strokeColor(col)
	c.num(x1)
	c.num(y1)
	c.b = append(c.b, "m "...)
	c.num(x2)
	c.num(y2)
	c.b = append(c.b, "l S\n"...)
}

// Frame strokes the outline of a rectangle with its lower left corner at
// (x, y), width points wide.
func (c *Content) Frame(x, y, w, h, width float64) {
	c.endText()
	c.bandFor(y, h)
	c.lineWidth(width)
	c.strokeColor(RGB{})
	c.rect(x, y, w, h)
	c.b = append(c.b, "S\n"...)
}

// Fill paints a rectangle with a grey level (0 black, 1 white).
func (c *Content) Fill(x, y, w, h, gray float64) {
	c.FillColor(x, y, w, h, Gray(gray))
}

// FillColor paints a rectangle with a colour.
func (c *Content) FillColor(x, y, w, h float64, col RGB) {
	c.endText()
	c.bandFor(y, h)
	c.fillColor(col)
	c.rect(x, y, w, h)
	c.b = append(c.b, "f\n"...)
}

func (c *Content) rect(x, y, w, h float64) {
	c.num(x)
	// y less the band's bottom as both are written, so that a reader's
	// sum is y as it would be written without the band.
	c.b = appendHundredths(c.b, hundredths(y)-c.band.yh)
	c.b = append(c.b, ' ')
	c.num(w)
	c.num(h)
	c.b = append(c.b, "re "...)
}

// Image draws an image (Doc.AddImage) in the rectangle with its lower
// left corner at (x, y).
func (c *Content) Image(name string, x, y, w, h float64) {
	c.endText()
	c.endBand()
	c.b = append(c.b, "q "...)
	c.num(w)
	c.b = append(c.b, "0 0 "...)
	c.num(h)
	c.num(x)
	c.num(y)
	c.b = append(c.b, "cm "...)
	c.b = appendName(c.b, name)
	c.b = append(c.b, " Do Q\n"...)
}

// Tag starts a marked-content sequence of a structure element's text
// (Tree.Mark gives the mcid) inside a text object, beginning one if none
// is open, so that consecutive tagged texts share it. End ends the
// sequence; draw only text before it.
func (c *Content) Tag(typ string, mcid int) {
	c.beginText()
	c.b = appendName(c.b, typ)
	c.b = append(c.b, "<</MCID "...)
	c.b = strconv.AppendInt(c.b, int64(mcid), 10)
	c.b = append(c.b, ">>BDC\n"...)
	c.marked++
}

// Artifact starts a marked-content sequence of content that is not part
// of the document's text, such as rules, page numbers and repeated table
// headers, outside any text object. End ends it.
func (c *Content) Artifact(kind string) {
	c.endText()
	c.endBand()
	c.b = append(c.b, "/Artifact"...)
	if kind != "" {
		c.b = append(c.b, "<</Type"...)
		c.b = appendName(c.b, kind)
		c.b = append(c.b, ">>BDC\n"...)
	} else {
		c.b = append(c.b, " BMC\n"...)
	}
	c.marked++
}

// End ends the innermost marked-content sequence.
func (c *Content) End() {
	if c.marked > 0 {
		if c.inText && c.marked <= c.textMarked {
			c.endText() // the text object began inside the sequence
		}
		if c.band.on && c.marked <= c.band.marked {
			c.endBand() // the band began inside the sequence
		}
		c.b = append(c.b, "EMC\n"...)
		c.marked--
	}
}
