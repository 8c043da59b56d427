package docx

import "github.com/ocs-project/ocs/render"

// shadeFill is the background of shaded cells (light grey).
const shadeFill = "D9D9D9"

// table writes t with a fixed layout: grid columns from the relative
// widths, header rows marked to repeat on every page (w:tblHeader), row
// spans as vertical merges (w:vMerge), column spans as w:gridSpan, and
// w:cantSplit on rows short enough to keep whole. With breakBefore the
// table starts on a new page.
func (w *writer) table(t *render.Table, breakBefore bool) error {
	grid, err := placeCells(t)
	if err != nil {
		return err
	}
	cols, err := gridColumns(t.Widths, w.geo.textWidth())
	if err != nil {
		return err
	}
	style := "TableText"
	if t.Style != render.Normal {
		style = styleID(t.Style)
	}
	w.b = append(w.b, `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW`...)
	w.attr("w", w.geo.textWidth())
	w.b = append(w.b, ` w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>`+tblBorders+`<w:tblLayout w:type="fixed"/>`...)
	w.b = append(w.b, cellMargins...)
	w.b = append(w.b, `</w:tblPr><w:tblGrid>`...)
	for _, c := range cols {
		w.b = append(w.b, `<w:gridCol`...)
		w.attr("w", c)
		w.b = append(w.b, `/>`...)
	}
	w.b = append(w.b, `</w:tblGrid>`...)
	limit := w.geo.textHeight()
	heights := rowHeights(grid, cols, style)
	for r, slots := range grid {
		h := heights[r]
		cantSplit := h <= limit/3 || t.Rows[r].KeepTogether && h <= limit
		header := r < t.HeaderRows
		w.b = append(w.b, `<w:tr>`...)
		if cantSplit || header {
			w.b = append(w.b, `<w:trPr>`...)
			if cantSplit {
				w.b = append(w.b, `<w:cantSplit/>`...)
			}
			if header {
				w.b = append(w.b, `<w:tblHeader/>`...)
			}
			w.b = append(w.b, `</w:trPr>`...)
		}
		for i := range slots {
			w.cell(&slots[i], cols, style, breakBefore && r == 0 && i == 0)
		}
		w.b = append(w.b, `</w:tr>`...)
	}
	w.b = append(w.b, `</w:tbl>`...)
	return nil
}

// spanWidth is the width of grid columns [col, col+span), in twips.
func spanWidth(cols []int, col, span int) int {
	n := 0
	for _, c := range cols[col : col+span] {
		n += c
	}
	return n
}

// cell writes one grid slot of a row.
func (w *writer) cell(s *slot, cols []int, style string, breakBefore bool) {
	c := s.cell
	w.b = append(w.b, `<w:tc><w:tcPr><w:tcW`...)
	w.attr("w", spanWidth(cols, s.col, s.span))
	w.b = append(w.b, ` w:type="dxa"/>`...)
	if s.span > 1 {
		w.b = append(w.b, `<w:gridSpan`...)
		w.attr("val", s.span)
		w.b = append(w.b, `/>`...)
	}
	switch {
	case s.cont:
		w.b = append(w.b, `<w:vMerge/>`...)
	case s.rows > 1:
		w.b = append(w.b, `<w:vMerge w:val="restart"/>`...)
	}
	if c.Shade {
		w.b = append(w.b, `<w:shd w:val="clear" w:color="auto" w:fill="`+shadeColor(w.brand)+`"/>`...)
	}
	switch c.VAlign {
	case render.Middle:
		w.b = append(w.b, `<w:vAlign w:val="center"/>`...)
	case render.Bottom:
		w.b = append(w.b, `<w:vAlign w:val="bottom"/>`...)
	}
	w.b = append(w.b, `</w:tcPr>`...)
	if s.cont || len(c.Paras) == 0 {
		// A cell holds at least one paragraph.
		w.b = append(w.b, `<w:p>`...)
		w.pPr(pProps{style: style}, pOpts{breakBefore: breakBefore})
		w.b = append(w.b, `</w:p>`...)
	} else {
		for i := range c.Paras {
			p := &c.Paras[i]
			st := style
			if p.Style != render.Normal {
				st = styleID(p.Style)
			}
			align := p.Align
			if align == render.Left {
				align = c.Align
			}
			hanging := mmTwips(p.Hanging)
			w.b = append(w.b, `<w:p>`...)
			w.pPr(pProps{style: st, keepNext: p.KeepWithNext, left: mmTwips(p.Indent) + hanging, hanging: hanging, align: align},
				pOpts{breakBefore: breakBefore && i == 0})
			w.runs(p.Runs)
			w.b = append(w.b, `</w:p>`...)
		}
	}
	w.b = append(w.b, `</w:tc>`...)
}

// rowHeights estimates the height of each row, in twips, from the text
// of its cells. A cell spanning rows that needs more room than its rows
// give adds the rest to its last row, where Word and LibreOffice put it.
// The estimate only decides which rows are short enough to keep whole.
func rowHeights(grid [][]slot, cols []int, style string) []int {
	h := make([]int, len(grid))
	type spanning struct{ row, rows, height int }
	var spans []spanning
	for r, slots := range grid {
		for i := range slots {
			s := &slots[i]
			if s.cont {
				continue
			}
			ch := cellHeight(s.cell, spanWidth(cols, s.col, s.span), style)
			if s.rows == 1 {
				h[r] = max(h[r], ch)
			} else {
				spans = append(spans, spanning{r, s.rows, ch})
			}
		}
	}
	for _, sp := range spans {
		sum := 0
		for _, x := range h[sp.row : sp.row+sp.rows] {
			sum += x
		}
		if sp.height > sum {
			h[sp.row+sp.rows-1] += sp.height - sum
		}
	}
	return h
}

// cellHeight estimates the height of a cell's text set in width twips:
// Han characters one em wide, others half an em, lines 1.3 em apart.
func cellHeight(c *render.Cell, width int, style string) int {
	h := 2 * cellPadV
	avail := float64(width - 2*cellPadH)
	for i := range c.Paras {
		p := &c.Paras[i]
		st := style
		if p.Style != render.Normal {
			st = styleID(p.Style)
		}
		em := float64(styleSize(st) * 20)
		h += int(float64(countLines(p.Runs, avail/em)) * em * 1.3)
	}
	if len(c.Paras) == 0 {
		h += int(float64(styleSize(style)*20) * 1.3)
	}
	return h
}

// countLines estimates how many lines runs take on lines of perLine ems.
func countLines(runs []render.Run, perLine float64) int {
	if perLine < 1 {
		perLine = 1
	}
	lines, cur := 0, 0.0
	flush := func() {
		n := int(cur/perLine + 0.999)
		lines += max(n, 1)
		cur = 0
	}
	for _, r := range runs {
		if r.Box {
			cur++
		}
		for _, c := range r.Text {
			if c == '\n' {
				flush()
				continue
			}
			cur += runeWidth(c)
		}
	}
	flush()
	return lines
}

// textWidth estimates the width of s in ems.
func textWidth(s string) float64 {
	n := 0.0
	for _, c := range s {
		n += runeWidth(c)
	}
	return n
}

// runeWidth is the estimated width of c in ems: Han characters, CJK
// punctuation and symbols are square; Latin letters and digits about half.
func runeWidth(c rune) float64 {
	if c >= 0x1100 {
		return 1
	}
	return 0.5
}
