package assessment

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Candidate is a person to assess: one row of a roster. Empty fields print
// as blank fill-in fields.
type Candidate struct {
	Name         string // 姓名 (required in a roster)
	ID           string // 編號, e.g. a student or employee number
	Organization string // 單位
	Date         string // 評量日期, as written
	Place        string // 評量地點
	Assessor     string // 評量人員
	// Extra holds the roster's other columns, in column order; they are
	// printed on the cover sheet under their column names.
	Extra []Field
	// Line is the roster line the candidate was read from (1-based; 0 when
	// the candidate did not come from a roster).
	Line int
}

// Field is a labelled value, such as an extra roster column.
type Field struct {
	Label string
	Value string
}

// rosterColumns are the known roster columns and the header names that
// select them, compared trimmed and case-insensitively.
var rosterColumns = []struct {
	field   string
	aliases []string
}{
	{"name", []string{"姓名", "名字", "考生姓名", "學員姓名", "受評者", "受評人員", "name", "full name", "candidate", "candidate name"}},
	{"id", []string{"編號", "學號", "員工編號", "工號", "考生編號", "准考證號碼", "id", "no", "no.", "number", "candidate id", "student id", "employee id"}},
	{"organization", []string{"單位", "服務單位", "公司", "機構", "所屬單位", "organization", "organisation", "org", "company", "employer"}},
	{"date", []string{"日期", "評量日期", "date", "assessment date"}},
	{"place", []string{"地點", "評量地點", "場地", "place", "location", "venue"}},
	{"assessor", []string{"評量人員", "評審", "評量者", "評估人員", "監評人員", "assessor", "examiner", "evaluator"}},
}

// rosterField returns the known field a header name selects, or "".
func rosterField(header string) string {
	h := strings.ToLower(strings.TrimSpace(header))
	for _, c := range rosterColumns {
		for _, a := range c.aliases {
			if h == a {
				return c.field
			}
		}
	}
	return ""
}

// ReadRoster reads candidates from a CSV roster; name (the file name) is
// used in error messages. The header row names the columns in Chinese or
// English: 姓名/name is required; 編號/id, 單位/organization, 日期/date,
// 地點/place and 評量人員/assessor are optional; any other column is kept
// as an extra field. The file may be UTF-8 (with or without BOM), UTF-16
// with BOM, or Big5/CP950 as Excel saves it on Traditional Chinese
// Windows; commas or tabs separate the fields. Rows that are entirely
// empty are skipped. Every error names the line it concerns.
func ReadRoster(r io.Reader, name string) ([]Candidate, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	text, err := decodeRoster(raw, name)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = rosterComma(text)
	cr.FieldsPerRecord = -1
	// Spaces before a quoted value are allowed; with tabs as separators
	// trimming would swallow empty fields.
	cr.TrimLeadingSpace = cr.Comma == ','
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: the roster is empty; write a header row such as 「姓名,編號,單位」 and one row per candidate", name)
	}
	if err != nil {
		return nil, rosterCSVError(name, err)
	}
	headerLine, _ := cr.FieldPos(0)
	cols, err := rosterHeader(header, name, headerLine)
	if err != nil {
		return nil, err
	}

	var out []Candidate
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rosterCSVError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if rosterBlank(rec) {
			continue
		}
		c, err := rosterRow(rec, header, cols, name, line)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: the roster has a header but no candidates; add one row per candidate below line %d", name, headerLine)
	}
	return out, nil
}

// rosterHeader maps each column to a known field, "" for an extra column
// or "-" for an unnamed column to ignore. It rejects a roster without a
// name column and duplicate column names.
func rosterHeader(header []string, name string, line int) ([]string, error) {
	cols := make([]string, len(header))
	seen := make(map[string]int) // field or lower-case header → column
	hasName := false
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			cols[i] = "-"
			continue
		}
		f := rosterField(h)
		key := f
		if key == "" {
			key = "extra:" + strings.ToLower(h)
		}
		if j, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s:%d: columns %d (%q) and %d (%q) name the same field; keep one of them",
				name, line, j+1, strings.TrimSpace(header[j]), i+1, h)
		}
		seen[key] = i
		cols[i] = f
		hasName = hasName || f == "name"
	}
	if !hasName {
		return nil, fmt.Errorf("%s:%d: no name column; the header row must have a column 「姓名」 (or \"name\"), found %s",
			name, line, rosterQuote(header))
	}
	return cols, nil
}

// rosterRow turns one record into a candidate.
func rosterRow(rec, header, cols []string, name string, line int) (Candidate, error) {
	if len(rec) > len(header) {
		for _, v := range rec[len(header):] {
			if strings.TrimSpace(v) != "" {
				return Candidate{}, fmt.Errorf("%s:%d: %d fields but the header has %d columns; quote values that contain a comma, e.g. \"台北市,大安區\"",
					name, line, len(rec), len(header))
			}
		}
	}
	c := Candidate{Line: line}
	for i, f := range cols {
		v := ""
		if i < len(rec) {
			v = strings.TrimSpace(rec[i])
		}
		switch f {
		case "-":
			if v != "" {
				return Candidate{}, fmt.Errorf("%s:%d: column %d has a value (%q) but no name in the header row; name the column or empty it",
					name, line, i+1, v)
			}
		case "name":
			c.Name = v
		case "id":
			c.ID = v
		case "organization":
			c.Organization = v
		case "date":
			c.Date = v
		case "place":
			c.Place = v
		case "assessor":
			c.Assessor = v
		default:
			c.Extra = append(c.Extra, Field{Label: strings.TrimSpace(header[i]), Value: v})
		}
	}
	if c.Name == "" {
		return Candidate{}, fmt.Errorf("%s:%d: the name is empty; fill in 姓名 or delete the row", name, line)
	}
	return c, nil
}

// rosterBlank reports whether every field of a record is empty, as in the
// ",,,," rows spreadsheets leave behind.
func rosterBlank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// rosterComma picks the field separator from the first line: a tab when it
// has tabs and no commas (Excel's "Unicode text"), else a comma.
func rosterComma(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	if strings.Contains(first, "\t") && !strings.Contains(first, ",") {
		return '\t'
	}
	return ','
}

// rosterCSVError rewords a CSV syntax error with its line.
func rosterCSVError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		hint := ""
		if errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote) {
			hint = `; a value with a quote must be quoted as a whole and its quotes doubled, e.g. "the ""best"" team"`
		}
		return fmt.Errorf("%s:%d:%d: malformed CSV: %v%s", name, pe.Line, pe.Column, pe.Err, hint)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// rosterQuote formats header names for a message.
func rosterQuote(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", strings.TrimSpace(s))
	}
	return strings.Join(q, ", ")
}
