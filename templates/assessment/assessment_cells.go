package assessment

import (
	"strings"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates"
)

// packFill is a pre-filled value, or an empty fill-in field for "".
func packFill(v string) []render.Paragraph {
	if v == "" {
		return nil
	}
	return []render.Paragraph{render.Text(v)}
}

// packBoxes returns check boxes with the given texts on one line; checked
// marks the boxes to tick.
func packBoxes(texts []string, checked func(i int) bool) []render.Run {
	var runs []render.Run
	for i, t := range texts {
		if i > 0 {
			runs = append(runs, render.Run{Text: " "})
		}
		runs = append(runs, render.Run{Text: t, Box: true, Checked: checked != nil && checked(i)})
	}
	return runs
}

// packStacked returns one paragraph per check box, for narrow columns.
func packStacked(texts []string) []render.Paragraph {
	out := make([]render.Paragraph, len(texts))
	for i, t := range texts {
		out[i] = render.Paragraph{Runs: []render.Run{{Text: t, Box: true}}}
	}
	return out
}

// packCodeCell is a cell holding a code such as P1.1.1, kept on one line.
func packCodeCell(code string) render.Cell {
	return render.Cell{Paras: []render.Paragraph{render.Text(code)}}
}

// packSmall is a paragraph in the small style.
func packSmall(s string) render.Paragraph {
	return render.Paragraph{Runs: []render.Run{{Text: s}}, Style: render.Small}
}

// packWritingSpace is an empty cell tall enough for n handwritten lines.
func packWritingSpace(n int) render.Cell {
	paras := make([]render.Paragraph, n)
	for i := range paras {
		paras[i] = render.Text(" ")
	}
	return render.Cell{Paras: paras}
}

// packPara is a paragraph of text with its 【註N】 references as
// superscripts.
func packPara(text string) render.Paragraph {
	return render.Paragraph{Runs: templates.Runs(text)}
}

// packCoded is the paragraph "code text", e.g. "P1.1.1 辨識…".
func packCoded(code, text string) render.Paragraph {
	return packPara(strings.TrimSpace(code + " " + text))
}

// packTextCell is a cell of one paragraph of text, or an empty cell.
func packTextCell(text string) render.Cell {
	if text == "" {
		return render.Cell{}
	}
	return render.Cell{Paras: []render.Paragraph{packPara(text)}}
}

// packLabelCell is a shaded, centred cell holding a label, as in header
// rows.
func packLabelCell(text string) render.Cell {
	return render.Cell{
		Paras:  []render.Paragraph{{Runs: []render.Run{{Text: text, Bold: true}}, Align: render.Center}},
		Align:  render.Center,
		VAlign: render.Middle,
		Shade:  true,
	}
}

// packNonEmpty returns the strings that are not blank.
func packNonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
