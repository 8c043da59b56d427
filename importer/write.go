package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/internal/lazyre"
)

// WriteTOML writes the draft as a standard's TOML, in the layout of the
// bundled files: header fields, categories, duties with their tasks (the
// one-block shorthand where a task has one block, [[duty.task.block]]
// otherwise), the K, S and A catalogues, notes, remarks and history.
// Codes are written only where they differ from the code position would
// give; every judgement of the interpreter is a comment starting with
// "import:". source names the imported file in the opening comment.
func WriteTOML(d *Draft, source string) []byte {
	w := &writer{}
	w.comment("", "Imported by `ocs import` from "+source+". Comments that start with \"import:\" "+
		"mark a judgement of the importer: check them against the source, then delete them. "+
		"Run `ocs check` on this file after editing it.")
	w.nl()
	w.str("", "code", d.Code)
	w.str("", "occupation", d.Occupation)
	w.str("", "job_category", d.JobCategory)
	if d.Occupation == "" && d.JobCategory == "" {
		w.comment("", "import: no name was found under 職業 or 職類; write one of them")
	}
	w.str("", "description", d.Description)
	if d.Level != 0 {
		w.kv("", "level", strconv.Itoa(d.Level))
	}
	w.str("", "no_levels", d.NoLevels)
	w.str("", "updated", d.Updated)
	for _, cs := range []struct {
		key string
		cs  []Class
	}{{"job", d.Jobs}, {"occupation", d.Occupations}, {"industry", d.Industries}} {
		for _, c := range cs.cs {
			w.nl()
			w.line("", "[[category."+cs.key+"]]")
			w.str("", "name", c.Name)
			w.comment("", c.Comment)
			w.str("", "code", c.Code)
		}
	}
	for di, duty := range d.Duties {
		pos := "T" + strconv.Itoa(di+1)
		w.nl()
		w.line("", "# ─── "+orPos(duty.Code, pos)+" "+strings.Repeat("─", 60))
		w.line("", "[[duty]]")
		for _, c := range duty.Comments {
			w.comment("", c)
		}
		if duty.Code != "" && duty.Code != pos {
			w.str("", "code", duty.Code)
		}
		w.str("", "title", duty.Title)
		dnum := dutyNumber(duty.Code, di)
		for ti, t := range duty.Tasks {
			tpos := "T" + dnum + "." + strconv.Itoa(ti+1)
			w.nl()
			w.line("  ", "[[duty.task]] # "+orPos(t.Code, tpos))
			for _, c := range t.Comments {
				w.comment("  ", c)
			}
			if t.Code != "" && t.Code != tpos {
				w.str("  ", "code", t.Code)
			}
			w.str("  ", "title", t.Title)
			if t.Shares != "" {
				w.str("  ", "shares", t.Shares)
			}
			if t.Level != 0 {
				w.kv("  ", "level", strconv.Itoa(t.Level))
			}
			if len(t.Attitudes) > 0 {
				w.list("  ", "attitudes", plain(t.Attitudes))
			}
			for _, b := range t.Blocks {
				ind := "  "
				if len(t.Blocks) > 1 {
					w.nl()
					w.line("    ", "[[duty.task.block]]")
					ind = "    "
					if b.Level != 0 {
						w.kv(ind, "level", strconv.Itoa(b.Level))
					}
					if b.SharesOutputs {
						w.kv(ind, "shares_outputs", "true")
					}
				}
				w.list(ind, "outputs", entries(b.Outputs))
				w.list(ind, "indicators", entries(b.Indicators))
				w.list(ind, "knowledge", refs(b.Knowledge))
				w.list(ind, "skills", refs(b.Skills))
			}
		}
	}
	w.catalogue("knowledge", "職能內涵 K", d.Knowledge)
	w.catalogue("skills", "職能內涵 S", d.Skills)
	if len(d.Attitudes) > 0 {
		w.section("attitudes", "職能內涵 A")
		for _, a := range d.Attitudes {
			w.comment("", a.Comment)
			if a.Definition == "" {
				w.kv("", key(a.Code), quote(a.Name))
			} else {
				w.kv("", key(a.Code), "{ name = "+quote(a.Name)+", definition = "+quote(a.Definition)+" }")
			}
		}
	}
	if len(d.Notes) > 0 {
		w.section("notes", "說明與補充事項")
		for _, n := range d.Notes {
			w.comment("", n.Comment)
			w.kv("", strconv.Itoa(n.N), "{ term = "+quote(n.Term)+", text = "+quote(n.Text)+" }")
		}
	}
	if len(d.Prerequisites)+len(d.Supplements) > 0 {
		w.nl()
		w.line("", "[remarks]")
		w.list("", "prerequisites", quoteAll(d.Prerequisites))
		w.list("", "supplements", quoteAll(d.Supplements))
	}
	if len(d.History) > 0 {
		w.nl()
		w.line("", "# ─── 基準更新紀錄 "+strings.Repeat("─", 60))
		for i, v := range d.History {
			if i > 0 {
				w.nl()
			}
			w.line("", "[[history]]")
			w.str("", "version", v.Version)
			w.str("", "code", v.Code)
			w.str("", "name", v.Name)
			w.str("", "status", v.Status)
			w.str("", "note", v.Note)
			w.str("", "date", v.Date)
		}
	}
	return []byte(w.b.String())
}

var (
	dutyNum = lazyre.New(`^T(\d+)$`)
	taskNum = lazyre.New(`^T(\d+(?:\.\d+)+)$`)
	legacy  = lazyre.New(`^[OP]\d+\.\d+$`)
)

// dutyNumber is the number tasks of duty di are numbered under: the
// printed code's number when it is T<n>, else the position.
func dutyNumber(code string, di int) string {
	if m := dutyNum().FindStringSubmatch(code); m != nil {
		return m[1]
	}
	return strconv.Itoa(di + 1)
}

func orPos(code, pos string) string {
	if code != "" {
		return code
	}
	return pos
}

// entries renders outputs or indicators: a plain string where the code is
// the one position gives, a table with the code where it is not.
func entries(es []Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		if e.Explicit {
			out[i] = "{ code = " + quote(e.Code) + ", text = " + quote(e.Text) + " }"
		} else {
			out[i] = quote(e.Text)
		}
	}
	return out
}

var trailing = lazyre.New(`\d+$`)

// next increments the number at the end of a code, keeping zero padding.
func next(code string) string {
	loc := trailing().FindStringIndex(code)
	if loc == nil || loc[1]-loc[0] > 9 {
		return ""
	}
	n, _ := strconv.Atoi(code[loc[0]:])
	s := strconv.Itoa(n + 1)
	if pad := loc[1] - loc[0] - len(s); pad > 0 {
		s = strings.Repeat("0", pad) + s
	}
	return code[:loc[0]] + s
}

func refs(es []Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		if e.Text == "" {
			out[i] = quote(e.Code)
		} else {
			out[i] = "{ code = " + quote(e.Code) + ", text = " + quote(e.Text) + " }"
		}
	}
	return out
}

func plain(codes []string) []string { return quoteAll(codes) }

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = quote(s)
	}
	return out
}

var bareKey = lazyre.New(`^[A-Za-z0-9_-]+$`)

func key(k string) string {
	if bareKey().MatchString(k) {
		return k
	}
	return quote(k)
}

// quote writes s as a TOML basic string: quotes, backslashes and control
// characters escaped; a line break is "\n".
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

type writer struct{ b strings.Builder }

func (w *writer) nl() { w.b.WriteByte('\n') }

func (w *writer) line(ind, s string) {
	w.b.WriteString(ind)
	w.b.WriteString(s)
	w.nl()
}

func (w *writer) kv(ind, k, v string) { w.line(ind, k+" = "+v) }

// str writes k = "v", or nothing when v is empty.
func (w *writer) str(ind, k, v string) {
	if v != "" {
		w.kv(ind, k, quote(v))
	}
}

// comment writes text as comment lines; each line of text is one.
func (w *writer) comment(ind, text string) {
	if text == "" {
		return
	}
	for _, l := range strings.Split(visible(text), "\n") {
		for _, part := range wrap(l, 76-len(ind)) {
			w.line(ind, strings.TrimRight("# "+part, " "))
		}
	}
}

// list writes a list: inline when it has one value, one value a line
// otherwise; nothing when empty.
func (w *writer) list(ind, k string, vals []string) {
	switch len(vals) {
	case 0:
		return
	case 1:
		w.kv(ind, k, "["+vals[0]+"]")
		return
	}
	short := len(k)
	for _, v := range vals {
		short += len(v) + 2
	}
	if short < 90 {
		w.kv(ind, k, "["+strings.Join(vals, ", ")+"]")
		return
	}
	w.line(ind, k+" = [")
	for _, v := range vals {
		w.line(ind+"  ", v+",")
	}
	w.line(ind, "]")
}

func (w *writer) section(name, title string) {
	w.nl()
	w.line("", "# ─── "+title+" "+strings.Repeat("─", 60))
	w.line("", "["+name+"]")
}

func (w *writer) catalogue(name, title string, items []Item) {
	if len(items) == 0 {
		return
	}
	w.section(name, title)
	for _, it := range items {
		w.comment("", it.Comment)
		w.kv("", key(it.Code), quote(it.Text))
	}
}

// wrap cuts a comment line into lines of at most width columns (a CJK
// character counts two), at a space where there is one, else between
// characters. Joining the lines with spaces where they were cut at one
// gives the line back.
func wrap(line string, width int) []string {
	var out []string
	for {
		cols, cut, space := 0, -1, -1
		for i, r := range line {
			w := 1
			if wide(r) {
				w = 2
			}
			if cols+w > width {
				cut = i
				break
			}
			if r == ' ' {
				space = i
			}
			cols += w
		}
		if cut < 0 {
			return append(out, line)
		}
		if space > 0 {
			out = append(out, line[:space])
			line = line[space+1:]
		} else {
			out = append(out, line[:cut])
			line = line[cut:]
		}
	}
}

// visible replaces the control characters a TOML comment cannot hold
// (all but tab and line break) with their escapes, \u0007.
func visible(s string) string {
	if !strings.ContainsFunc(s, control) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if control(r) {
			fmt.Fprintf(&b, `\u%04X`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func control(r rune) bool { return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f }
