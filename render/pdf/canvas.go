package pdf

import (
	"bytes"
	"fmt"
	"math"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// fontRef names a registered font: a family and a style, "" for regular
// or "B" for a real bold face of the family.
type fontRef struct {
	family, style string
}

// info is the document information a canvas writes.
type info struct {
	title, subject, keywords, author, lang string
	date                                   time.Time
}

// canvas is everything the export needs from a PDF library. Coordinates
// are millimetres from the top left corner of the page; y of text is its
// baseline. The layout never calls a library directly, so another one
// (such as signintech/gopdf) fits in behind a small adapter like fpdfCanvas.
type canvas interface {
	// addFont registers TrueType data under ref, which the canvas may
	// keep and write into. Errors are returned, never printed.
	addFont(ref fontRef, data []byte) error
	// addPage starts a new page.
	addPage()
	// text draws s with its baseline at y. A stroke above zero draws
	// the glyph outlines too, with that line width in mm (synthetic bold).
	text(ref fontRef, size, stroke, x, y float64, s string)
	// line draws a black line width mm wide.
	line(x1, y1, x2, y2, width float64)
	// frame draws the outline of a rectangle, width mm wide.
	frame(x, y, w, h, width float64)
	// fill paints a rectangle with a grey level (0 black, 1 white).
	fill(x, y, w, h, gray float64)
	// output finishes the document and returns its bytes.
	output() ([]byte, error)
}

// fpdfCanvas is the canvas on codeberg.org/go-pdf/fpdf. It tracks the
// current font, stroke and colours so it writes each change once.
type fpdfCanvas struct {
	pdf    *fpdf.Fpdf
	font   fontRef
	size   float64
	stroke float64 // text stroke in use; 0 = plain fill
	width  float64 // line width in use
	gray   float64 // fill grey in use
}

// newFPDF makes an empty A4 document with its information set.
func newFPDF(landscape bool, in info) *fpdfCanvas {
	orient := "P"
	if landscape {
		orient = "L"
	}
	p := fpdf.New(orient, "mm", "A4", "")
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.SetCreationDate(in.date)
	p.SetModificationDate(in.date)
	p.SetCreator("ocs", true)
	p.SetProducer("ocs (codeberg.org/go-pdf/fpdf)", true)
	if in.title != "" {
		p.SetTitle(in.title, true)
	}
	if in.subject != "" {
		p.SetSubject(in.subject, true)
	}
	if in.keywords != "" {
		p.SetKeywords(in.keywords, true)
	}
	if in.author != "" {
		p.SetAuthor(in.author, true)
	}
	if in.lang != "" {
		p.SetLang(in.lang)
	}
	return &fpdfCanvas{pdf: p, width: -1, gray: 0}
}

func (c *fpdfCanvas) addFont(ref fontRef, data []byte) error {
	c.pdf.AddUTF8FontFromBytes(ref.family, ref.style, data)
	// fpdf prints some font failures instead of returning them; the
	// font is then missing, which selecting it reveals.
	c.pdf.SetFont(ref.family, ref.style, 10)
	if err := c.pdf.Error(); err != nil {
		return fmt.Errorf("the PDF library could not load font %s: %w", ref.family, err)
	}
	c.font, c.size = ref, 10
	return nil
}

func (c *fpdfCanvas) use(ref fontRef, size float64) {
	if ref != c.font || size != c.size {
		c.pdf.SetFont(ref.family, ref.style, size)
		c.font, c.size = ref, size
	}
}

func (c *fpdfCanvas) addPage() {
	c.pdf.AddPage()
	// fpdf carries font, line width and colours over to the new page,
	// but its content starts with plain (unstroked) text.
	c.stroke = 0
}

func (c *fpdfCanvas) text(ref fontRef, size, stroke, x, y float64, s string) {
	c.use(ref, size)
	if c.gray != 0 {
		// Text is black; a fill colour other than the text colour
		// makes fpdf wrap every string in its own colour state.
		c.pdf.SetFillColor(0, 0, 0)
		c.gray = 0
	}
	if stroke > 0 {
		c.lineWidth(stroke)
	}
	if (stroke > 0) != (c.stroke > 0) {
		mode := 0
		if stroke > 0 {
			mode = 2
		}
		c.pdf.SetTextRenderingMode(mode)
	}
	c.stroke = stroke
	c.pdf.Text(x, y, s)
}

func (c *fpdfCanvas) lineWidth(w float64) {
	if w != c.width {
		c.pdf.SetLineWidth(w)
		c.width = w
	}
}

func (c *fpdfCanvas) line(x1, y1, x2, y2, width float64) {
	c.lineWidth(width)
	c.pdf.Line(x1, y1, x2, y2)
}

func (c *fpdfCanvas) frame(x, y, w, h, width float64) {
	c.lineWidth(width)
	c.pdf.Rect(x, y, w, h, "D")
}

func (c *fpdfCanvas) fill(x, y, w, h, gray float64) {
	if gray != c.gray {
		g := int(math.Round(gray * 255))
		c.pdf.SetFillColor(g, g, g)
		c.gray = gray
	}
	c.pdf.Rect(x, y, w, h, "F")
}

func (c *fpdfCanvas) output() ([]byte, error) {
	var b bytes.Buffer
	if err := c.pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("writing the PDF: %w", err)
	}
	return b.Bytes(), nil
}
