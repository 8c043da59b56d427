package table

import (
	"strings"
	"unicode/utf8"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
)

// The template does not lay text out, but some decisions need a rough
// idea of sizes: column widths that fit their header labels, which rows
// are short enough to keep on one page, and how many task columns a
// matrix table can hold. The estimates assume A4 with 20 mm margins and
// table text of about 10 pt; widths are given in millimetres (backends
// scale them to the real text width anyway).
const (
	stdMargin         = 15.0  // mm, page margins: the wide table needs the room
	stdPortraitWidth  = 180.0 // mm of text width on A4 portrait (210 − 2 margins)
	stdLandscapeWidth = 267.0 // mm of text width on A4 landscape (297 − 2 margins)
	stdTableEm        = 3.5   // mm, one CJK character of table text
	stdNarrowEm       = 0.5   // width of a Latin letter or digit, in em
	stdBoldLatin      = 1.2   // how much wider Latin labels may be (bold, other fonts)
	stdCellPadding    = 3.0   // mm, left plus right padding of a cell
	stdKeepLines      = 8     // rows estimated at most this tall stay whole
)

// The main table's narrow columns (duty, task, outputs, level) have at
// least these widths in mm, enough for four, five, four and two
// characters a line; the rest of the width goes to indicators, knowledge
// and skills in the shares below.
const (
	stdDutyWidth   = 18
	stdTaskWidth   = 20.5
	stdOutputWidth = 18
	stdLevelWidth  = 10.5
)

var stdTextShares = [3]float64{40, 31.5, 31.5} // indicators, K, S

// textWidth returns the estimated width of the text area in millimetres.
func (b *standardBuilder) textWidth() float64 {
	if b.landscape {
		return stdLandscapeWidth
	}
	return stdPortraitWidth
}

// labelWidth returns the width (mm) a cell needs to show the longest line
// of any of the labels unbroken. Header labels are bold, and DOCX readers
// draw Latin letters in a wider font than the PDF's, so Latin text gets a
// margin.
func (b *standardBuilder) labelWidth(keys ...string) float64 {
	w := 0.0
	for _, k := range keys {
		for line := range strings.SplitSeq(b.l.Get(k), "\n") {
			cjk := 0.0
			for _, r := range line {
				if utf8.RuneLen(r) > 1 {
					cjk += stdTableEm
				}
			}
			w = max(w, cjk+(stdEstimateWidth(line)-cjk)*stdBoldLatin)
		}
	}
	return w + stdCellPadding
}

// mainWidths returns the widths (mm) of the main table's columns: duty,
// task, outputs, indicators, level, knowledge, skills. Narrow columns
// keep their width in landscape; the text columns take what is left.
func (b *standardBuilder) mainWidths() []float64 {
	var duties, tasks, outputs []string
	for _, r := range b.rows {
		duties, tasks = append(duties, r.dutyText), append(tasks, r.taskLines...)
		outputs = append(outputs, r.outputs...)
	}
	// The codes in a column set its least width: a code never breaks.
	duty := max(stdDutyWidth, b.labelWidth("col_duty"), stdRunWidth(duties...))
	task := max(stdTaskWidth, b.labelWidth("col_task"), stdRunWidth(tasks...))
	output := max(stdOutputWidth, b.labelWidth("col_output"), stdRunWidth(outputs...))
	level := max(stdLevelWidth, b.labelWidth("col_level"))
	rest := b.textWidth() - duty - task - output - level
	sum := stdTextShares[0] + stdTextShares[1] + stdTextShares[2]
	share := func(i int) float64 { return max(rest*stdTextShares[i]/sum, 20) }
	return []float64{duty, task, output, share(0), level, share(1), share(2)}
}

// headerWidths returns the widths (mm) of the header block's six columns
// (see header): each label column as wide as its longest label line, the
// category names taking the rest.
func (b *standardBuilder) headerWidths() []float64 {
	group := max(11, b.labelWidth("category"))
	kind := max(16, b.labelWidth("class_job", "class_occupation", "class_industry"))
	// The row labels span the first two columns.
	kind = max(kind, b.labelWidth("code", "name", "description", "level", "updated")-group)
	choice := max(13, b.labelWidth("name_job_category", "name_occupation"))
	codeLabel := max(22, b.labelWidth("class_job_code", "class_occupation_code", "class_industry_code"))
	code := 16.0
	for _, cs := range [][]standard.Class{b.s.Category.Job, b.s.Category.Occupation, b.s.Category.Industry} {
		for _, c := range cs {
			code = max(code, stdRunWidth(c.Code)) // a code never breaks
		}
	}
	name := max(b.textWidth()-group-kind-choice-codeLabel-code, 30)
	return []float64{group, kind, choice, name, codeLabel, code}
}

// short reports whether a main-table row is short enough that splitting it
// across pages would only look broken: the tallest of its own cells is
// estimated at no more than stdKeepLines lines.
func (b *standardBuilder) short(r stdRow, widths []float64) bool {
	width := func(col int) float64 { return widths[col] - stdCellPadding }
	lines := stdEstimateLines(r.indicators, width(3))
	if r.oSpan == 1 {
		lines = max(lines, stdEstimateLines(r.outputs, width(2)))
	}
	if r.taskSpan == 1 {
		lines = max(lines, stdEstimateLines(r.taskLines, width(1)))
	}
	if r.kSpan == 1 {
		lines = max(lines, stdEstimateLines(stdRefTexts(r.knowledge), width(5)))
	}
	if r.sSpan == 1 {
		lines = max(lines, stdEstimateLines(stdRefTexts(r.skills), width(6)))
	}
	return lines <= stdKeepLines
}

// stdEstimateLines estimates how many lines the paragraphs take in a column
// of the given width (mm).
func stdEstimateLines(paras []string, width float64) int {
	n := 0
	for _, p := range paras {
		n += int(stdEstimateWidth(p)/width) + 1
	}
	return n
}

// stdEstimateWidth estimates the width of text in table text (mm): wide
// characters count one em, others less than half.
func stdEstimateWidth(text string) float64 {
	w := 0.0
	for _, r := range text {
		if utf8.RuneLen(r) > 1 {
			w += stdTableEm
		} else {
			w += stdTableEm * stdNarrowEm
		}
	}
	return w
}

// stdRefTexts returns the printed lines of references.
func stdRefTexts(refs []standard.Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = render.Texts(stdCoded(r.Code, r.Text).Runs)
	}
	return out
}
