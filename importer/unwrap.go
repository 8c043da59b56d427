package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/internal/lazyre"
)

// unwrapped returns a copy of a PDF's grid read as text: the lines of a
// cell joined where the page only wrapped them, page footers
// (「第 x 頁／共 y 頁」) dropped, and the lines of a paragraph outside the
// tables joined into one. The caller's grid is not changed.
func (in *interp) unwrapped(doc *grid.Document) *grid.Document {
	out := *doc
	out.Blocks = make([]grid.Block, 0, len(doc.Blocks))
	right := map[int]float64{} // per page: the right end of the longest line
	for _, b := range doc.Blocks {
		if b.Line != nil && b.Line.Box != nil && !footer().MatchString(b.Line.Text) {
			right[b.Line.Page] = max(right[b.Line.Page], b.Line.Box.X1)
		}
	}
	var para *grid.Line // the paragraph the last line went to
	var firstX float64  // where its first line starts
	for _, b := range doc.Blocks {
		switch {
		case b.Line != nil:
			l := *b.Line
			in.ambiguousBreaks(l.Page, l.Text)
			l.Text = strings.TrimSpace(unwrap(l.Text))
			if footer().MatchString(l.Text) {
				in.add(Info, l.Page, "", l.Text, "a page header or footer, not imported")
				continue
			}
			if para != nil && continues(para, &l, firstX, right) {
				para.Text = joinLines(para.Text, l.Text)
				para.Box = l.Box
				continue
			}
			para = &l
			if l.Box != nil {
				firstX = l.Box.X0
			}
			out.Blocks = append(out.Blocks, grid.Block{Line: para})
		case b.Table != nil:
			para = nil
			t := *b.Table
			t.Rows = make([]grid.Row, len(b.Table.Rows))
			for r, row := range b.Table.Rows {
				t.Rows[r] = row
				t.Rows[r].Cells = make([]grid.Cell, len(row.Cells))
				for c, cell := range row.Cells {
					in.ambiguousBreaks(cell.Page, cell.Text)
					cell.Text = unwrap(cell.Text)
					t.Rows[r].Cells[c] = cell
				}
			}
			out.Blocks = append(out.Blocks, grid.Block{Table: &t})
		}
	}
	return &out
}

var footer = lazyre.New(`第\s*\d+\s*頁\s*[／/]\s*共\s*\d+\s*頁`)

// lineStart matches a line outside the tables that starts a paragraph of
// its own: an item code, a bullet, a note, a section heading.
var lineStart = lazyre.New(`^(?:[TOPKSA]\d+(?:\.\d+)*(?:\s|$)|[` + bullets + `]|【\s*註|說明與補充事項|職能內涵|基準更新紀錄)`)

// continues reports whether line l goes on the paragraph p (whose first
// line starts at firstX): l starts nothing of its own, p is no heading,
// and either l is indented under p's first line (a hanging indent), or p's
// last line runs to within two characters of the right end of the text
// (the page wrapped it), with no paragraph spacing between them and no
// sign of a new 「term：」 paragraph after a finished sentence.
func continues(p, l *grid.Line, firstX float64, right map[int]float64) bool {
	if p.Box == nil || l.Box == nil || lineStart().MatchString(l.Text) || strings.HasPrefix(p.Text, "●") {
		return false
	}
	h := l.Box.Y1 - l.Box.Y0 // about the font size
	if h <= 0 {
		return false
	}
	if l.Box.X0 > firstX+h/2 {
		return true
	}
	if p.Box.X1 < right[p.Page]-2*h {
		return false
	}
	if l.Page == p.Page && l.Box.Y0-p.Box.Y1 > 0.75*h {
		return false
	}
	return !(strings.HasSuffix(p.Text, "。") && termStart().MatchString(l.Text))
}

// termStart matches a line that opens with a short term and a colon, as
// glossary lines do: 「規範與注意事項：…」.
var termStart = lazyre.New(`^[^：:，。]{1,16}[：:]`)

var itemStart = lazyre.New(`^(?:[TOPKSA]\d+(?:\.\d+)*(?:\s|$)|[` + bullets + `])`)

// unwrap joins the lines a PDF page wrapped: directly between CJK text, with
// a space between Latin words; a line that starts an item stays a line.
func unwrap(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	out := strings.TrimRight(lines[0], " ")
	for _, l := range lines[1:] {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case itemStart().MatchString(l):
			out += "\n" + l
		default:
			out = joinLines(out, l)
		}
	}
	return out
}

// joinLines joins a wrapped line to the text before it: directly after or
// before CJK text, a slash or a hyphen; with a space between Latin words.
func joinLines(prev, l string) string {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(l)
	if prev == "" || wide(last) || wide(first) || last == '/' || last == '-' {
		return prev + l
	}
	return prev + " " + l
}

// ambiguousBreaks reports every line break of a PDF cell or line between a
// Latin letter or digit and a CJK character: whether a space stood there
// before the page wrapped the line cannot be told (a break swallows it),
// so the text is joined without one and the place is named.
func (in *interp) ambiguousBreaks(page int, s string) {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		prev, next := strings.TrimRight(lines[i-1], " "), strings.TrimLeft(lines[i], " ")
		last, _ := utf8.DecodeLastRuneInString(prev)
		first, _ := utf8.DecodeRuneInString(next)
		if prev == "" || next == "" || itemStart().MatchString(next) {
			continue
		}
		latin := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
		if (latin(last) && wide(first)) || (wide(last) && latin(first)) {
			in.add(Warning, page, "", tail(prev)+"⏎"+head(next),
				"the page wrapped the line between %q and %q; a space there, if the original had one, cannot be told from the PDF and was not kept", string(last), string(first))
		}
	}
}
