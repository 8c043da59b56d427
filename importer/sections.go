package importer

import (
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/internal/lazyre"
)

var (
	attitudeRe = lazyre.New(`^(A\d+(?:\.\d+)?)\s*([^：:]*?)\s*(?:[：:]\s*([\s\S]*))?$`)
	noteLineRe = lazyre.New(`^【註(\d{1,6})】\s*([\s\S]*)$`)
	matrixCode = lazyre.New(`^T\d+(\.\d+)+$`)
)

// line reads a line of text outside the tables: headings of the form's
// sections, attitudes, notes, prerequisites, supplements.
func (in *interp) line(l *grid.Line) {
	raw := strings.TrimSpace(l.Text)
	if raw == "" {
		return
	}
	key := squash(raw)
	if in.sec == secMain {
		in.sec = secRemarks
	}
	switch {
	case strings.HasPrefix(key, "職能內涵(A") || strings.HasPrefix(key, "職能內涵（A"):
		in.sec = secAttitudes
		return
	case key == "說明與補充事項":
		in.sec = secRemarks
		return
	case strings.HasPrefix(key, "●") && (strings.Contains(key, "學歷") || strings.Contains(key, "能力條件")):
		in.sec = secPrereq
		return
	case strings.HasPrefix(key, "●") && strings.Contains(key, "補充說明"):
		in.sec = secSupplement
		return
	case strings.HasPrefix(key, "基準更新紀錄"):
		in.sec = secHistory
		return
	}
	text := in.clean(raw, l.Page, "")
	if m := noteLineRe().FindStringSubmatch(text); m != nil && in.sec >= secAttitudes {
		in.note(m, l.Page)
		return
	}
	if m := attitudeRe().FindStringSubmatch(text); m != nil && (in.sec == secAttitudes || in.sec == secMatrix) {
		in.d.Attitudes = append(in.d.Attitudes, Attitude{Code: m[1], Name: m[2], Definition: m[3]})
		return
	}
	switch in.sec {
	case secHeader:
		if strings.HasSuffix(key, "職能基準") {
			in.add(Info, l.Page, "title", raw, "the title line is not imported: the standard's name comes from 職業 or 職類")
			return
		}
	case secPrereq:
		in.d.Prerequisites = append(in.d.Prerequisites, text)
		return
	case secSupplement, secRemarks:
		in.d.Supplements = append(in.d.Supplements, text)
		if in.sec == secRemarks {
			in.add(Warning, l.Page, "", text, "a line under 說明與補充事項 before any ● heading, kept as a supplement")
		}
		return
	}
	in.add(Error, l.Page, "", raw, "a line outside the form's tables that belongs to no section, not imported")
}

func (in *interp) note(m []string, page int) {
	n, _ := strconv.Atoi(m[1])
	rest := m[2]
	term, text, ok := strings.Cut(rest, "：")
	if !ok {
		term, text, ok = strings.Cut(rest, ":")
	}
	note := Note{N: n, Term: strings.TrimSpace(term), Text: strings.TrimSpace(text)}
	if !ok {
		note = Note{N: n, Text: strings.TrimSpace(rest), Comment: "import: no 「term：」 before the text"}
		in.add(Warning, page, "【註"+m[1]+"】", rest, "a note without a 「term：」; the whole text is kept as its text")
	}
	in.d.Notes = append(in.d.Notes, note)
}

// otherRow reads a table row after the duty/task table: the task ×
// attitude matrix, attitudes in a table, the 基準更新紀錄.
func (in *interp) otherRow(slots []slot, page int, where string) {
	vals := values(slots)
	if cols, ok := matrixHeader(slots); ok {
		in.matrixCols, in.sec, in.matrixSeen = cols, secMatrix, true
		return
	}
	if cols, ok := historyHeader(slots); ok {
		in.histCols, in.sec = cols, secHistory
		return
	}
	switch {
	case in.sec == secMatrix && len(vals) > 0 && attitudeRe().MatchString(clean1(vals[0])):
		in.matrixRow(slots, page, where)
		return
	case in.sec == secHistory && in.histCols != nil:
		in.historyRow(slots, page, where)
		return
	case len(vals) > 0 && attitudeRe().MatchString(clean1(vals[0])) && in.sec == secAttitudes:
		m := attitudeRe().FindStringSubmatch(in.clean(strings.Join(vals, "："), page, where))
		in.d.Attitudes = append(in.d.Attitudes, Attitude{Code: m[1], Name: m[2], Definition: strings.Trim(m[3], "：")})
		return
	}
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			in.add(Error, page, where, v, "a table cell after the duty/task table that belongs to no section, not imported")
		}
	}
}

func clean1(s string) string { t, _ := clean(s); return t }

// matrixHeader reports the header row of a task × attitude matrix: task
// codes in every cell but the first.
func matrixHeader(slots []slot) (map[int]string, bool) {
	cols := map[int]string{}
	for c, s := range slots {
		t := squash(s.text())
		if matrixCode().MatchString(t) {
			cols[c] = t
		} else if t != "" && c > 0 {
			return nil, false
		}
	}
	return cols, len(cols) > 0
}

func (in *interp) matrixRow(slots []slot, page int, where string) {
	m := attitudeRe().FindStringSubmatch(clean1(slots[0].text()))
	code := m[1]
	if _, ok := in.findAttitude(code); !ok {
		in.d.Attitudes = append(in.d.Attitudes, Attitude{Code: code, Name: m[2],
			Comment: "import: named only in the task × attitude matrix"})
		in.add(Info, page, where, slots[0].text(), "attitude %s appears only in the matrix", code)
	}
	for c := 1; c < len(slots); c++ {
		mark := squash(slots[c].text())
		if mark == "" {
			continue
		}
		task, ok := in.matrixCols[c]
		if !ok {
			in.add(Error, page, where, mark, "a matrix mark under no task column, not imported")
			continue
		}
		in.matrix[task] = append(in.matrix[task], code)
		if !strings.ContainsAny(mark, "√VvＶ✓✔○●") {
			in.add(Warning, page, where, mark, "read as a mark for %s × %s", code, task)
		}
	}
}

func (in *interp) findAttitude(code string) (int, bool) {
	for i, a := range in.d.Attitudes {
		if a.Code == code {
			return i, true
		}
	}
	return 0, false
}

// applyMatrix gives each task its column of the matrix.
func (in *interp) applyMatrix() {
	if !in.matrixSeen {
		return
	}
	known := map[string]bool{}
	for di := range in.d.Duties {
		for ti := range in.d.Duties[di].Tasks {
			t := &in.d.Duties[di].Tasks[ti]
			code := t.Code
			if code == "" {
				code = "T" + strconv.Itoa(di+1) + "." + strconv.Itoa(ti+1)
			}
			known[code] = true
			t.Attitudes = in.matrix[code]
			t.Matrix = true
		}
	}
	for _, code := range in.matrixCols {
		if !known[code] {
			in.add(Error, 0, "task × attitude matrix", code, "the matrix has a column for a task the table does not have; its marks are not imported")
		}
	}
}

var historyLabels = map[string]string{"版本": "version", "職能基準代碼": "code", "職能基準名稱": "name", "狀態": "status", "更新說明": "note", "發展更新日期": "date"}

func historyHeader(slots []slot) (map[int]string, bool) {
	cols := map[int]string{}
	for c, s := range slots {
		if f, ok := historyLabels[squash(s.text())]; ok {
			cols[c] = f
		}
	}
	return cols, len(cols) >= 3
}

func (in *interp) historyRow(slots []slot, page int, where string) {
	var v Version
	fields := map[string]*string{"version": &v.Version, "code": &v.Code, "name": &v.Name,
		"status": &v.Status, "note": &v.Note, "date": &v.Date}
	filled := false
	for c, s := range slots {
		t := in.clean(s.text(), page, where)
		if t == "" || (c > 0 && slots[c-1].cell == s.cell) {
			continue
		}
		f, ok := fields[in.histCols[c]]
		if !ok {
			in.add(Error, page, where, t, "a 基準更新紀錄 cell under no known column, not imported")
			continue
		}
		*f, filled = t, true
	}
	if filled {
		in.d.History = append(in.d.History, v)
	}
}
