package importer

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/internal/lazyre"
)

// ErrNotStandard reports a document without the 7-column duty/task table
// of a 職能基準.
var ErrNotStandard = errors.New("no 職能基準 table found: the file has no table with the 工作任務 and 行為指標 columns of the official form")

// role is a column of the main duty/task table.
type role int

const (
	rDuty role = iota
	rTask
	rOutput
	rIndicator
	rLevel
	rK
	rS
	nRoles
)

var roleNames = [nRoles]string{"主要職責", "工作任務", "工作產出", "行為指標", "職能級別", "職能內涵 K", "職能內涵 S"}

// roleLetter is the code letter of each column's items.
var roleLetter = [nRoles]byte{'T', 'T', 'O', 'P', 0, 'K', 'S'}

// section is where the interpreter stands in the official form.
type section int

const (
	secHeader section = iota
	secMain
	secAttitudes
	secMatrix
	secRemarks
	secPrereq
	secSupplement
	secHistory
)

// mainRow is a row of the duty/task table with page-break fragments
// already joined to it.
type mainRow struct {
	cells  [nRoles]*grid.Cell
	origin [nRoles]bool
	text   [nRoles]string
	cont   [nRoles]bool // the cell says 「（續）」: the cell above goes on
	// repeat is the text of a 工作任務 cell that says 「（續）」, without
	// the mark: the tasks it names again, which may hold text the page
	// before did not show (a shared row's cell cut by the page break).
	repeat string
	more   [nRoles][]string // fragments from later pages, appended by finish
	size   [nRoles]int      // bytes of text and more
	joins  [nRoles][]join   // in increasing offset
	page   int
	where  string
	// afterBreak marks the first row after a repeated header row.
	afterBreak bool
}

// join records a cell cut by a page break and rejoined with its rest.
type join struct {
	at   int // byte offset of the join in text[role]
	page int
}

// finish appends the fragments of later pages to the row's texts, once,
// so that many page breaks cost linear time.
func (row *mainRow) finish() {
	for r := range row.more {
		if len(row.more[r]) > 0 {
			row.text[r] += strings.Join(row.more[r], "")
			row.more[r] = nil
		}
	}
}

// joinsIn returns the joins of role r inside the byte range [start, end).
func (row *mainRow) joinsIn(r role, start, end int) []join {
	js := row.joins[r]
	i := sort.Search(len(js), func(i int) bool { return js[i].at >= start })
	k := sort.Search(len(js), func(i int) bool { return js[i].at >= end })
	return js[i:max(i, k)]
}

type interp struct {
	d      Draft
	report []Finding

	sec       section
	cols      [nRoles]int
	mainSeen  bool
	afterPage bool // the next main row follows a repeated header row
	pages     int  // repeated header rows seen: page breaks of a format without pages
	merged    bool // the main table has explicit vertical merges
	rows      []mainRow

	tails      map[*grid.Cell][]string // fragments of merged cells from later pages
	placed     []placed
	matrixCols map[int]string      // grid column → task code
	matrix     map[string][]string // task code → A codes
	matrixSeen bool
	histCols   map[int]string
}

// Interpret reads the official form of a 職能基準 from a grid. It returns
// the draft standard and the report of every judgement and of any text it
// could not place. It fails only when the grid has no duty/task table.
func Interpret(doc *grid.Document) (*Draft, []Finding, error) {
	in := &interp{matrix: map[string][]string{}, tails: map[*grid.Cell][]string{}}
	for i := range in.cols {
		in.cols[i] = -1
	}
	if doc.Format == "pdf" {
		doc = in.unwrapped(doc)
	}
	for bi, b := range doc.Blocks {
		switch {
		case b.Table != nil:
			in.table(b.Table, bi+1)
		case b.Line != nil:
			in.line(b.Line)
		}
	}
	if !in.mainSeen {
		return nil, in.report, ErrNotStandard
	}
	in.build()
	in.codes()
	in.applyMatrix()
	return &in.d, in.report, nil
}

func (in *interp) add(sev Severity, page int, where, text, format string, args ...any) {
	in.report = append(in.report, Finding{Severity: sev, Page: page, Where: where, Message: fmt.Sprintf(format, args...), Text: text})
}

// table reads one table, row by row.
func (in *interp) table(t *grid.Table, n int) {
	rows := expand(t)
	for r, slots := range rows {
		if _, ok := mainHeader(slots); ok && in.mainSeen {
			in.pages++ // a repeated header: the table goes on on a new page
		}
		page := t.Rows[r].Page
		if page == 0 {
			page = t.Page
		}
		if page == 0 && in.pages > 0 {
			page = in.pages + 1 // counted from the repeated headers
		}
		where := fmt.Sprintf("table %d, row %d", n, r+1)
		if cols, ok := mainHeader(slots); ok {
			if in.mainSeen {
				in.afterPage = true
			}
			in.mainSeen, in.cols, in.sec = true, cols, secMain
			continue
		}
		if r == 0 && in.sec == secMain {
			// A new table that does not repeat the header ends the main table.
			in.sec = secRemarks
		}
		switch in.sec {
		case secHeader:
			in.headerRow(values(slots), page, where)
		case secMain:
			in.mainRow(slots, page, where)
		default:
			in.otherRow(slots, page, where)
		}
	}
}

// mainHeader reports a header row of the duty/task table and the grid
// column of each of its columns.
func mainHeader(slots []slot) ([nRoles]int, bool) {
	var cols [nRoles]int
	for i := range cols {
		cols[i] = -1
	}
	for c, s := range slots {
		if s.cell == nil || (c > 0 && slots[c-1].cell == s.cell) {
			continue
		}
		h := squash(s.cell.Text)
		var r role = -1
		switch {
		case strings.Contains(h, "職責"):
			r = rDuty
		case strings.Contains(h, "工作任務"):
			r = rTask
		case strings.Contains(h, "工作產出"):
			r = rOutput
		case strings.Contains(h, "行為指標"):
			r = rIndicator
		case strings.Contains(h, "級別") && len([]rune(h)) <= 6:
			r = rLevel
		case strings.Contains(h, "K=") || strings.Contains(h, "知識"):
			r = rK
		case strings.Contains(h, "S=") || strings.Contains(h, "技能"):
			r = rS
		}
		if r >= 0 && cols[r] < 0 {
			cols[r] = c
		}
	}
	return cols, cols[rTask] >= 0 && cols[rIndicator] >= 0
}

// headerLabels are the labels of the header block; the value follows its
// label in the next non-empty cell.
var headerLabels = map[string]bool{
	"職能基準代碼": true, "職類": true, "職業": true, "職類別": true, "職類別代碼": true,
	"職業別": true, "職業別代碼": true, "行業別": true, "行業別代碼": true,
	"工作描述": true, "基準級別": true, "發展更新日期": true,
}

// clean normalises a text and reports what it removed.
func (in *interp) clean(s string, page int, where string) string {
	out, n := clean(s)
	if n > 0 {
		in.add(Info, page, where, s, "removed %d space(s) of the extraction (between CJK characters, inside 【註N】, at line ends)", n)
	}
	return out
}

// continuedRe matches the mark a cell continued from the page before
// ends with: 「（續）」, alone or after the repeated title.
var continuedRe = lazyre.New(`[（(]\s*續\s*[)）]\s*$`)

var taskCodeRe = lazyre.New(`^T\d+\.\d+`)
var dutyCodeRe = lazyre.New(`^T\d+(\s|$)`)

// mainRow reads a row of the duty/task table. A row right after a
// repeated header that starts no duty, no task and no new block is the
// rest of the row before the page break.
func (in *interp) mainRow(slots []slot, page int, where string) {
	var row mainRow
	row.page, row.where = page, where
	empty := true
	for r := role(0); r < nRoles; r++ {
		c := in.cols[r]
		if c < 0 || c >= len(slots) || slots[c].cell == nil {
			continue
		}
		row.cells[r], row.origin[r] = slots[c].cell, slots[c].origin
		if !slots[c].origin || slots[c].cell.Continue || slots[c].cell.RowSpan > 1 {
			in.merged = true
		}
		row.text[r] = strings.TrimSpace(slots[c].text())
		if loc := continuedRe().FindStringIndex(row.text[r]); loc != nil && slots[c].origin {
			in.add(Info, page, where+", "+roleNames[r], row.text[r], "read as the continuation of the cell above, cut by a page break")
			if r == rTask {
				row.repeat = strings.TrimSpace(row.text[r][:loc[0]])
			}
			row.cont[r], row.text[r] = true, ""
			in.merged = true
		}
		row.size[r] = len(row.text[r])
		if row.text[r] != "" {
			empty = false
		}
	}
	for c, s := range slots {
		if s.origin && s.text() != "" && !in.isMainCol(c) && (c == 0 || slots[c-1].cell != s.cell) {
			in.add(Error, page, where, s.text(), "text in a column of the duty/task table that is none of its seven, not imported")
		}
	}
	after := in.afterPage
	in.afterPage = false
	if empty && (row.repeat == "" || !after || len(in.rows) == 0) {
		return
	}
	if after && len(in.rows) > 0 && continuation(&row) {
		in.joinRow(&in.rows[len(in.rows)-1], &row)
		return
	}
	row.afterBreak = after
	in.rows = append(in.rows, row)
}

func (in *interp) isMainCol(c int) bool {
	for _, x := range in.cols {
		if x == c {
			return true
		}
	}
	return false
}

// continuation reports a row that starts no duty, no task and no block.
func continuation(row *mainRow) bool {
	if dutyCodeRe().MatchString(row.text[rDuty]) || taskCodeRe().MatchString(row.text[rTask]) {
		return false
	}
	startsP := strings.HasPrefix(row.text[rIndicator], "P") && len(splitCoded(row.text[rIndicator], 'P')) > 0 &&
		splitCoded(row.text[rIndicator], 'P')[0].Code != ""
	return !(row.text[rLevel] != "" && startsP)
}

// joinRow appends the fragments of a row continued after a page break to
// the row before the break: a fragment that starts with a code adds items,
// any other continues the cut text.
func (in *interp) joinRow(prev, frag *mainRow) {
	if frag.repeat != "" {
		prev.repeat = strings.TrimSpace(prev.repeat + "\n" + frag.repeat)
	}
	for r := role(0); r < nRoles; r++ {
		f := frag.text[r]
		if f == "" {
			continue
		}
		if prev.cells[r] == nil {
			prev.cells[r], prev.origin[r] = frag.cells[r], true
		}
		if !prev.origin[r] && (r == rK || r == rS) {
			// The row before the break is covered by a cell merged from
			// further up: the fragment goes on that cell.
			c := prev.cells[r]
			sep := ""
			if !startsWithCode(f, roleLetter[r]) {
				in.add(Info, frag.page, frag.where+", "+roleNames[r], f, "cut by a page break and rejoined with the merged cell above")
			} else {
				sep = "\n"
			}
			in.tails[c] = append(in.tails[c], sep+f)
			continue
		}
		switch {
		case prev.size[r] == 0:
			prev.text[r] = f
		case r == rLevel:
			if p := prev.text[r]; squash(p) != squash(f) {
				in.add(Warning, frag.page, frag.where, f, "a 職能級別 continued after a page break differs from %q; kept %q", p, p)
			}
			continue
		case roleLetter[r] != 0 && startsWithCode(f, roleLetter[r]):
			f = "\n" + f
			prev.more[r] = append(prev.more[r], f)
		default:
			prev.joins[r] = append(prev.joins[r], join{at: prev.size[r], page: frag.page})
			prev.more[r] = append(prev.more[r], f)
		}
		prev.size[r] += len(f)
	}
}

func startsWithCode(s string, letter byte) bool {
	items := splitCoded(s, letter)
	return len(items) > 0 && items[0].Code != "" && items[0].Start == 0
}
