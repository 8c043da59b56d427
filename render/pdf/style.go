package pdf

import "github.com/ocs-project/ocs/render"

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// Page and table geometry, in millimetres.
const (
	a4Short       = 210.0
	a4Long        = 297.0
	defaultMargin = 20.0
	cellPad       = 1.5  // padding inside table cells, all four sides
	borderWidth   = 0.2  // table borders and rules
	shadeGray     = 0.88 // fill of shaded cells (0 black, 1 white)
	blockGap      = 2.5  // space after a table, list or signature line
	paraGapCell   = 0.6  // space between paragraphs inside a table cell
)

// Inline geometry, as fractions of the font size.
const (
	superScale = 0.6  // superscript size
	superRise  = 0.38 // superscript baseline shift
	ascentFrac = 0.84 // baseline below the top of the em box
	underPos   = 0.12 // underline below the baseline
	underWidth = 0.05 // underline thickness
	strikePos  = 0.33 // strike-through line above the baseline (deleted text)
	boxAdvance = 1.0  // advance of a check box
	boxSide    = 0.72 // side of a check box
	boldStroke = 0.01 // synthetic bold stroke, mm per point of size
)

// textStyle is how a paragraph style looks: size in points, line height
// and space after in mm.
type textStyle struct {
	size  float64
	lead  float64
	after float64
	bold  bool
	align render.Align // alignment used when the paragraph says Left
}

// em returns the font size in mm.
func (s textStyle) em() float64 { return s.size * ptMM }

func newStyle(size, leading, after float64, bold bool, align render.Align) textStyle {
	return textStyle{size: size, lead: size * ptMM * leading, after: after, bold: bold, align: align}
}

// styleOf maps a paragraph style to its looks.
func styleOf(s render.Style) textStyle {
	switch s {
	case render.TableText:
		return newStyle(10, 1.3, 0, false, render.Left)
	case render.Small:
		return newStyle(9, 1.35, 1.2, false, render.Left)
	case render.TitleText:
		return newStyle(18, 1.4, 5, true, render.Center)
	}
	return newStyle(11, 1.45, 1.8, false, render.Left)
}

// headingStyle maps a heading level to its looks.
func headingStyle(level int) textStyle {
	switch {
	case level <= 1:
		return newStyle(14, 1.4, 2.5, true, render.Left)
	case level == 2:
		return newStyle(12, 1.4, 2, true, render.Left)
	}
	return newStyle(11, 1.45, 1.5, true, render.Left)
}

// headingSpace is the space above a heading that does not start a page.
const headingSpace = 3.0

// epsilon absorbs rounding when comparing lengths in mm.
const epsilon = 1e-6
