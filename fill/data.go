// Package fill fills an organisation's own Word template (DOCX) with the
// data of a standard, a company overlay and a roster candidate, the way
// docxtemplater, Carbone and python-docx-template fill theirs: {{field}}
// tags, {{#list}}…{{/list}} sections that repeat paragraphs, table rows
// or text, {{^list}}…{{/list}} for what to print when a list is empty, and
// {{%logo}} for a picture. Tags Word split over several runs (spell-check,
// revision ids, formatting) are found in the paragraph's joined text; the
// first run's formatting is kept. Every problem of a template (an unknown
// field, an unbalanced section, a tag across paragraphs) is reported at
// once, quoting the paragraph and table cell it stands in.
package fill

import (
	"reflect"
	"strings"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

// Data returns what a template sees: the standard's fields, the overlay's
// (under "overlay") and the candidate's (under "candidate"). A nil overlay
// or candidate gives empty fields, so the same template prints a blank
// form. With an overlay, duties and tasks are the ones its job covers
// (include, exclude). "brand" (name, line, footer, logo: the house style of the
// settings file) is empty; SetBrand fills it in. The result holds only maps, lists, strings, numbers and booleans,
// and marshals to the JSON that `ocs fill --data` prints.
func Data(s *standard.Standard, o *jobdesc.Overlay, c *assessment.Candidate) map[string]any {
	d := map[string]any{
		"code":          s.Code,
		"occupation":    s.Name(),
		"name":          s.Name(),
		"job_category":  s.JobCategory,
		"level":         levelText(s.Level, s.NoLevels),
		"description":   s.Description,
		"updated":       s.Updated,
		"prerequisites": strings2(s.Prerequisites),
		"supplements":   strings2(s.Supplements),
		"category": map[string]any{
			"job": classes(s.Category.Job), "occupation": classes(s.Category.Occupation), "industry": classes(s.Category.Industry),
		},
	}
	attitudes := map[string]map[string]any{}
	var alist []any
	for _, a := range s.Attitudes {
		m := map[string]any{"code": a.Code, "name": a.Name, "definition": a.Definition, "text": a.Name}
		attitudes[a.Code] = m
		alist = append(alist, m)
	}
	d["attitudes"] = alist
	d["knowledge"] = items(s.Knowledge)
	d["skills"] = items(s.Skills)
	var notes []any
	for _, n := range s.Notes {
		notes = append(notes, map[string]any{"n": n.N, "term": n.Term, "text": n.Text})
	}
	d["notes"] = notes
	var history []any
	for _, v := range s.History {
		history = append(history, map[string]any{"version": v.Version, "code": v.Code, "name": v.Name, "status": v.Status, "note": v.Note, "date": v.Date})
	}
	d["history"] = history

	var duties, allTasks []any
	for _, du := range s.Duties {
		var tasks []any
		owners := du.RowOwners()
		rows := map[int]taskRow{} // by the index of the task holding the row
		for j, t := range du.Tasks {
			if !o.Covers(du.Code, t.Code) {
				continue // the overlay's job does not cover it
			}
			row, ok := rows[owners[j]]
			if !ok {
				row = rowData(du.Tasks[owners[j]])
				rows[owners[j]] = row
			}
			task := taskData(t, row, attitudes)
			task["shares"] = ""
			if owners[j] != j {
				task["shares"] = du.Tasks[owners[j]].Code
			}
			task["duty"] = map[string]any{"code": du.Code, "title": du.Title}
			tasks = append(tasks, task)
			allTasks = append(allTasks, task)
		}
		if len(tasks) > 0 {
			duties = append(duties, map[string]any{"code": du.Code, "title": du.Title, "tasks": tasks})
		}
	}
	d["duties"] = duties
	d["tasks"] = allTasks

	d["overlay"] = overlayData(o)
	d["candidate"] = candidateData(c)
	d["brand"] = map[string]any{"name": "", "line": "", "footer": "", "logo": ""}
	return d
}

// taskRow is the data of a task's row blocks: its blocks, and the
// outputs, indicators and references of all its blocks together; level
// is the first block's level when the task sets none.
type taskRow struct {
	blocks, outputs, indicators, knowledge, skills []any
	level                                          int
}

// rowData is the data of t's row blocks. Tasks that share a row block
// (standard.Task.Shares) share one taskRow, so that the data stays as
// large as the standard.
func rowData(t standard.Task) taskRow {
	var blocks, outputs, indicators, knowledge, skills []any
	seenK, seenS := map[string]bool{}, map[string]bool{}
	level := t.Level
	for _, b := range t.Blocks {
		bl := map[string]any{"level": levelText(blockLevel(b, t), ""), "outputs": entries(b.Outputs), "indicators": entries(b.Indicators),
			"knowledge": refs(b.Knowledge), "skills": refs(b.Skills)}
		blocks = append(blocks, bl)
		outputs = append(outputs, entries(b.Outputs)...)
		indicators = append(indicators, entries(b.Indicators)...)
		for _, r := range b.Knowledge {
			if !seenK[r.Code] {
				seenK[r.Code] = true
				knowledge = append(knowledge, map[string]any{"code": r.Code, "text": r.Text})
			}
		}
		for _, r := range b.Skills {
			if !seenS[r.Code] {
				seenS[r.Code] = true
				skills = append(skills, map[string]any{"code": r.Code, "text": r.Text})
			}
		}
		if level == 0 {
			level = b.Level
		}
	}
	return taskRow{blocks, outputs, indicators, knowledge, skills, level}
}

// taskData is one task: its own fields and the data of its row (that of
// the task it shares it with, with "shares" naming that task).
func taskData(t standard.Task, row taskRow, attitudes map[string]map[string]any) map[string]any {
	level := t.Level
	if level == 0 {
		level = row.level
	}
	var atts []any
	for _, code := range t.Attitudes {
		if a, ok := attitudes[code]; ok {
			atts = append(atts, a)
		} else {
			atts = append(atts, map[string]any{"code": code, "name": "", "definition": "", "text": ""})
		}
	}
	return map[string]any{"code": t.Code, "title": t.Title, "level": levelText(level, ""), "blocks": row.blocks,
		"outputs": row.outputs, "indicators": row.indicators, "knowledge": row.knowledge, "skills": row.skills, "attitudes": atts}
}

func blockLevel(b standard.Block, t standard.Task) int {
	if b.Level != 0 {
		return b.Level
	}
	return t.Level
}

func levelText(n int, none string) any {
	if n == 0 {
		return none
	}
	return n
}

// list maps a slice to the []any a template sees.
func list[T any](xs []T, f func(T) any) []any {
	var out []any
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func strings2(ss []string) []any {
	out := list(ss, func(s string) any { return s })
	if out == nil {
		out = []any{} // as before: an empty list of texts prints []
	}
	return out
}

func classes(cs []standard.Class) []any {
	return list(cs, func(c standard.Class) any { return map[string]any{"name": c.Name, "code": c.Code} })
}

func codeText(code, text string) any { return map[string]any{"code": code, "text": text} }

func items(is []standard.Item) []any {
	return list(is, func(i standard.Item) any { return codeText(i.Code, i.Text) })
}

func entries(es []standard.Entry) []any {
	return list(es, func(e standard.Entry) any { return codeText(e.Code, e.Text) })
}

func refs(rs []standard.Ref) []any {
	return list(rs, func(r standard.Ref) any { return codeText(r.Code, r.Text) })
}

// overlayData is the overlay's fields by their TOML names; every field is
// present (empty when the overlay does not give it, or without overlay).
func overlayData(o *jobdesc.Overlay) map[string]any {
	if o == nil {
		o = &jobdesc.Overlay{}
	}
	m, _ := byTOMLName(reflect.ValueOf(*o)).(map[string]any)
	return m
}

// byTOMLName turns a struct into a map keyed by its fields' toml tags,
// recursively; strings, numbers and booleans stay as they are.
func byTOMLName(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		m := map[string]any{}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := strings.Split(f.Tag.Get("toml"), ",")[0]
			if !f.IsExported() || tag == "" || tag == "-" {
				continue
			}
			m[tag] = byTOMLName(v.Field(i))
		}
		return m
	case reflect.Slice:
		out := make([]any, 0, v.Len())
		for i := 0; i < v.Len(); i++ {
			out = append(out, byTOMLName(v.Index(i)))
		}
		return out
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ""
		}
		return byTOMLName(v.Elem())
	}
	return ""
}

// candidateData is a roster row: name, id, organization, date, place,
// assessor, the other columns by their header, and "fields", every
// extra column as {name, value} in column order.
func candidateData(c *assessment.Candidate) map[string]any {
	if c == nil {
		c = &assessment.Candidate{}
	}
	m := map[string]any{"name": c.Name, "id": c.ID, "organization": c.Organization, "date": c.Date, "place": c.Place, "assessor": c.Assessor}
	var fields []any
	for _, f := range c.Extra {
		if _, taken := m[f.Label]; !taken {
			m[f.Label] = f.Value
		}
		fields = append(fields, map[string]any{"name": f.Label, "value": f.Value})
	}
	m["fields"] = fields
	return m
}

// SetBrand puts the organisation's house style into data: its name, line,
// footer and the path of its logo file (for {{%brand.logo}}).
func SetBrand(data map[string]any, name, line, footer, logo string) {
	data["brand"] = map[string]any{"name": name, "line": line, "footer": footer, "logo": logo}
}
