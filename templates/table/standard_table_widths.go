package table

import (
	"strings"
	"unicode/utf8"
)

// stdRunWidth returns the estimated width (mm) a cell needs to show the
// widest unbreakable run of any of the texts on one line: a code such as
// BAS3332-001 or BHR2422-006v4, or any run of Latin letters, digits and
// ASCII punctuation. DOCX readers draw Latin text in a wider font than the
// PDF's, so the estimate keeps a margin.
func stdRunWidth(texts ...string) float64 {
	w := 0.0
	for _, t := range texts {
		for run := range strings.FieldsFuncSeq(t, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\n' || utf8.RuneLen(r) > 1
		}) {
			w = max(w, stdEstimateWidth(run)*stdBoldLatin)
		}
	}
	if w == 0 {
		return 0
	}
	return w + stdCellPadding
}

// stdFitWidths returns column widths (mm) adding up to total: the shares
// scaled to total, then each column widened to its minimum (the widest
// code it holds), taking the room from the columns above their minimum in
// proportion to what they can give. When the minimums alone exceed total,
// they are returned as they are: the backend scales them down, and shrinks
// the type of a cell whose code still does not fit.
func stdFitWidths(total float64, shares, mins []float64) []float64 {
	sum := 0.0
	for _, s := range shares {
		sum += s
	}
	w := make([]float64, len(shares))
	need, spare := 0.0, 0.0
	for i, s := range shares {
		w[i] = total * s / sum
		if mins[i] > w[i] {
			need += mins[i] - w[i]
		} else {
			spare += w[i] - mins[i]
		}
	}
	if need == 0 {
		return w
	}
	if need > spare {
		out := make([]float64, len(shares))
		for i := range w {
			out[i] = max(w[i], mins[i])
		}
		return out
	}
	for i := range w {
		if mins[i] > w[i] {
			w[i] = mins[i]
		} else {
			w[i] -= (w[i] - mins[i]) * need / spare
		}
	}
	return w
}

// historyWidths returns the widths (mm) of the version history columns:
// the shares of stdHistoryWidths, each column at least as wide as the
// widest code, version or date it holds.
func (b *standardBuilder) historyWidths() []float64 {
	mins := make([]float64, len(stdHistoryWidths))
	for _, v := range b.s.History {
		for i, text := range []string{v.Version, v.Code, v.Name, v.Status, v.Note, v.Date} {
			mins[i] = max(mins[i], stdRunWidth(text))
		}
	}
	return stdFitWidths(b.textWidth(), stdHistoryWidths, mins)
}
