// Package jobdesc builds job descriptions and postings from a normalised
// standard and a company overlay (or a company-neutral occupation profile
// without one) as a render.Document, with schema.org JobPosting or
// Occupation JSON-LD; it reads and validates overlay files.
package jobdesc

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// JobDescription builds a job description from a standard. With an
// overlay it is a company's job posting (職務說明書): duties and tasks of
// the standard, requirements, pay, place and contact, with schema.org
// JobPosting JSON-LD in Meta.StructuredData. Without one (o == nil) it is
// a company-neutral occupation profile (職業說明) with schema.org
// Occupation JSON-LD and no pay, place or contact.
//
// The standard must be loaded (every code set, tasks in Blocks). An
// overlay with errors (see Overlay.Validate) is refused with those
// problems as the error; warnings are the caller's to show.
func JobDescription(s *standard.Standard, o *Overlay, opt templates.Options) (*render.Document, error) {
	if s == nil {
		return nil, errors.New("job description: no standard given")
	}
	if err := s.CheckNormal(); err != nil {
		return nil, fmt.Errorf("job description: %w", err)
	}
	if o != nil {
		if errs := o.Validate(s).Errors(); len(errs) > 0 {
			return nil, errs
		}
	}
	l, err := opt.LabelsFor("jobdesc")
	if err != nil {
		return nil, err
	}
	b := &jobDesc{s: s, o: o, l: l, duties: jobTasks(s, o), noted: make(map[int]bool)}
	var req Requirements
	if o != nil {
		req = o.Requirements
	}
	b.req = newJobRequirements(s.Prerequisites, req)

	b.header()
	b.summary()
	b.work()
	b.requirements()
	b.attitudes()
	if o != nil {
		b.pay()
		b.place()
		b.contact()
	}
	b.notes()
	b.source()

	doc := &render.Document{
		Meta:   b.meta(opt),
		Page:   render.Page{Landscape: opt.Landscape},
		Footer: render.Footer{Center: l.Get("footer_page")},
		Blocks: b.blocks,
	}
	ld, err := b.structuredData(doc.Blocks, opt)
	if err != nil {
		return nil, err
	}
	doc.Meta.StructuredData = ld
	return doc, nil
}

// jobDesc builds one job description.
type jobDesc struct {
	s      *standard.Standard
	o      *Overlay // nil for an occupation profile
	l      templates.Labels
	duties []jobDuty
	req    jobRequirements
	blocks []render.Block
	noted  map[int]bool // 【註N】 numbers printed so far
}

// jobDuty is a duty with the tasks the job keeps.
type jobDuty struct {
	duty  *standard.Duty
	tasks []*standard.Task
	rows  []int // for each task, the index in duty.Tasks of the task whose row it prints (Duty.RowOwners)
}

// sameRow reports whether kept tasks k and k2 print the same row block
// (tasks sharing a row, standard.Task.Shares).
func (jd *jobDuty) sameRow(k, k2 int) bool {
	return k >= 0 && k2 >= 0 && k < len(jd.rows) && k2 < len(jd.rows) && jd.rows[k] == jd.rows[k2]
}

// jobTasks returns the duties and tasks an overlay keeps (all of them
// without an overlay), dropping duties left without tasks.
func jobTasks(s *standard.Standard, o *Overlay) []jobDuty {
	var out []jobDuty
	for i := range s.Duties {
		d := &s.Duties[i]
		jd := jobDuty{duty: d}
		owners := d.RowOwners()
		for j := range d.Tasks {
			t := &d.Tasks[j]
			if !o.Covers(d.Code, t.Code) {
				continue
			}
			jd.tasks = append(jd.tasks, t)
			jd.rows = append(jd.rows, owners[j])
		}
		if len(jd.tasks) > 0 {
			out = append(out, jd)
		}
	}
	return out
}

// posting reports whether the document is a company's posting.
func (b *jobDesc) posting() bool { return b.o != nil }

// title is the job title: the overlay's, else the standard's name.
func (b *jobDesc) title() string {
	if b.o != nil && b.o.Title != "" {
		return b.o.Title
	}
	return b.s.Name()
}

// add appends blocks to the body.
func (b *jobDesc) add(blocks ...render.Block) { b.blocks = append(b.blocks, blocks...) }

// runs turns text into runs with 【註N】 references as superscripts and
// remembers the notes referenced, to explain them at the end.
func (b *jobDesc) runs(text string) []render.Run {
	for _, p := range standard.SplitNotes(text) {
		if p.Note > 0 {
			b.noted[p.Note] = true
		}
	}
	return templates.Runs(text)
}

// para returns a paragraph of text with note references.
func (b *jobDesc) para(text string) render.Paragraph {
	return render.Paragraph{Runs: b.runs(text)}
}

// section starts a section with a level-2 heading.
func (b *jobDesc) section(key string) {
	b.add(&render.Heading{Level: 2, Runs: []render.Run{{Text: b.l.Get(key)}}})
}

// pairs appends a one-column key-value block of the pairs that have a
// value; nothing when none has.
func (b *jobDesc) pairs(columns int, ps []render.Pair) {
	var kept []render.Pair
	for _, p := range ps {
		if len(p.Value) > 0 {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return
	}
	width := 0.22
	if columns == 2 {
		width = 0.36
	}
	b.add(&render.KeyValue{Columns: columns, Pairs: kept, LabelWidth: width})
}

// pair returns a pair whose value is one paragraph of text, or no value
// when text is empty.
func (b *jobDesc) pair(key, text string) render.Pair {
	p := render.Pair{Label: b.l.Get(key)}
	if text != "" {
		p.Value = []render.Paragraph{b.para(text)}
	}
	return p
}

// fill replaces {name} placeholders of a label.
func (b *jobDesc) fill(key string, args ...string) string {
	return strings.NewReplacer(args...).Replace(b.l.Get(key))
}

// join joins list items with the label language's separator.
func (b *jobDesc) join(items []string) string {
	return strings.Join(items, b.l.Get("list_sep"))
}

// header writes the title, the company line and the summary grid.
func (b *jobDesc) header() {
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.title(), Bold: true}}, Style: render.TitleText, Align: render.Center})
	sub := b.l.Get("doc_profile")
	if b.posting() {
		sub = strings.TrimSpace(b.o.Company + "\u3000" + b.o.Unit)
	}
	b.add(&render.Paragraph{Runs: []render.Run{{Text: sub}}, Align: render.Center})

	s := b.s
	if !b.posting() {
		b.pairs(2, []render.Pair{
			b.pair("occupation_name", s.Name()),
			b.pair("occupation_category", b.classes(s.Category.Occupation)),
			b.pair("job_category", b.classes(s.Category.Job)),
			b.pair("industry", b.classes(s.Category.Industry)),
			b.pair("standard_level", b.level()),
		})
		return
	}
	o := b.o
	b.pairs(2, []render.Pair{
		b.pair("job_title", b.title()),
		b.pair("company", o.Company),
		b.pair("unit", o.Unit),
		b.pair("employment_type", b.employment()),
		b.pair("headcount", b.headcount()),
		b.pair("occupation_category", b.classes(s.Category.Occupation)),
	})
}

// classes writes classification rows as 「2431 廣告及行銷專業人員」.
func (b *jobDesc) classes(cs []standard.Class) string {
	var out []string
	for _, c := range cs {
		out = append(out, strings.TrimSpace(c.Code+" "+c.Name))
	}
	return b.join(out)
}

// level is the standard's level, or its explanation of having none.
func (b *jobDesc) level() string {
	if b.s.Level > 0 {
		return strconv.Itoa(b.s.Level)
	}
	return b.s.NoLevels
}

// employment names the overlay's employment types in words.
func (b *jobDesc) employment() string {
	var out []string
	for _, t := range b.o.EmploymentType {
		out = append(out, b.l.Get("emp_"+t))
	}
	return b.join(out)
}

// headcount is 「2 人」, or nothing when not said.
func (b *jobDesc) headcount() string {
	if b.o.Headcount <= 0 {
		return ""
	}
	return b.fill("headcount_value", "{n}", strconv.Itoa(b.o.Headcount))
}

// source writes the footnote naming the standard the document follows.
func (b *jobDesc) source() {
	ref := b.fill("source_name", "{name}", b.s.Name())
	if b.s.Code != "" {
		ref += b.fill("source_code", "{code}", b.s.Code)
	}
	if b.s.Level > 0 {
		ref += b.fill("source_level", "{level}", strconv.Itoa(b.s.Level))
	}
	key := "source_profile"
	if b.posting() {
		key = "source_posting"
	}
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.fill(key, "{standard}", ref)}}, Style: render.Small})
}

// meta is the document metadata.
func (b *jobDesc) meta(opt templates.Options) render.Meta {
	m := render.Meta{
		Title:   b.title(),
		Subject: b.l.Get("doc_profile"),
		Lang:    opt.Lang,
		Date:    opt.Date,
	}
	if m.Lang == "" {
		m.Lang = "zh-TW"
	}
	m.Summary = plainText(b.s.Description)
	if b.posting() {
		m.Subject = b.l.Get("doc_posting")
		m.Author = b.o.Company
		if d := plainText(b.o.Description); d != "" {
			m.Summary = d
		}
	}
	m.Keywords = append(m.Keywords, b.s.Name())
	if b.s.Code != "" {
		m.Keywords = append(m.Keywords, b.s.Code)
	}
	for _, c := range b.s.Category.Occupation {
		m.Keywords = append(m.Keywords, c.Name)
	}
	return m
}
