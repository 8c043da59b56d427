package assessment

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates"
)

// f returns the label key with {placeholders} replaced, given as pairs.
func (b *packBuilder) f(key string, pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(b.l.Get(key))
}

// formHead starts a form: its title, the standard it belongs to and, for a
// form about the candidate, the candidate's name and the date.
func (b *packBuilder) formHead(part string, aboutCandidate bool) {
	b.add(&render.Heading{Level: 1, Runs: []render.Run{{Text: b.l.Get(partTitle[part])}}, Align: render.Center})
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.standardLine()}}, Align: render.Center, Style: render.Small})
	if aboutCandidate {
		b.addField(func(c *Candidate) render.Block {
			return &render.KeyValue{Columns: 2, LabelWidth: 2 * packLabelShare, Pairs: []render.Pair{
				{Label: b.l.Get("candidate_name"), Value: packFill(c.Name)},
				{Label: b.l.Get("assessment_date"), Value: packFill(c.Date)},
			}}
		})
	}
}

// intro adds a form's instructions.
func (b *packBuilder) intro(key string) {
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.l.Get(key)}}, Style: render.Small})
}

// standardLine names the standard: 「行銷業務專員（THM2431-001v1）」.
func (b *packBuilder) standardLine() string {
	if b.s.Code == "" {
		return b.s.Name()
	}
	return b.f("standard_line", "{name}", b.s.Name(), "{code}", b.s.Code)
}

// methodNames returns the printed names of methods.
func (b *packBuilder) methodNames(ms []string) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = b.l.Get(methodLabel[m])
	}
	return out
}

// rating returns the rating field of a checklist row: 「☐ 達成」「☐ 未達成」
// stacked, or the points of a numeric scale on one line.
func (b *packBuilder) rating() []render.Paragraph {
	if b.opt.Scale.PassFail() {
		return packStacked([]string{b.l.Get("rating_met"), b.l.Get("rating_not_met")})
	}
	return []render.Paragraph{{Runs: packBoxes(b.points(), nil)}}
}

// points returns the numbers of a numeric scale, "1" to Points.
func (b *packBuilder) points() []string {
	out := make([]string, b.opt.Scale.Points)
	for i := range out {
		out[i] = fmt.Sprint(i + 1)
	}
	return out
}

// legend explains a numeric scale under a rated form; pass/fail needs none.
func (b *packBuilder) legend(withPass bool) {
	sc := b.opt.Scale
	if sc.PassFail() {
		return
	}
	text := b.f("scale_range", "{max}", fmt.Sprint(sc.Points))
	if withPass {
		text += b.f("scale_pass", "{pass}", fmt.Sprint(sc.pass()))
	}
	if len(sc.Labels) > 0 {
		named := make([]string, len(sc.Labels))
		for i, l := range sc.Labels {
			named[i] = b.f("scale_point", "{n}", fmt.Sprint(i+1), "{label}", l)
		}
		text += b.l.Get("scale_points_intro") + strings.Join(named, b.l.Get("list_sep"))
	}
	b.add(&render.Paragraph{Runs: []render.Run{{Text: text}}, Style: render.Small})
}

// notes lists the 【註N】 notes referenced in texts, so the assessor knows
// what each reference means.
func (b *packBuilder) notes(texts []string) {
	ns := packNotes(b.s, texts)
	if len(ns) == 0 {
		return
	}
	b.add(&render.Paragraph{Runs: []render.Run{{Text: b.l.Get("notes_heading"), Bold: true}}, Style: render.Small, KeepWithNext: true})
	// The following lines of a note start under its text: the marker
	// 【註N】 is three full-width characters and N's digits, about 2.8 and
	// 1.4 mm each in the small style.
	digits := len(strconv.Itoa(ns[len(ns)-1].N))
	hanging := 3*2.8 + 1.4*float64(digits) + 0.8
	for _, n := range ns {
		text := n.Text
		if n.Term != "" {
			text = n.Term + b.l.Get("term_sep") + n.Text
		}
		b.add(&render.Paragraph{
			Runs:    append([]render.Run{{Text: fmt.Sprintf("【註%d】", n.N)}}, templates.Runs(text)...),
			Style:   render.Small,
			Hanging: hanging,
		})
	}
}

// assessorSignature closes a form filled in by the assessor.
func (b *packBuilder) assessorSignature() {
	b.add(&render.Signature{Fields: []string{b.l.Get("sign_assessor"), b.l.Get("sign_date")}})
}

// joinCodes lists codes: 「T1.1、T1.2」.
func (b *packBuilder) joinCodes(codes []string) string {
	return strings.Join(codes, b.l.Get("list_sep"))
}

// taskList lists task codes, writing three or more neighbouring tasks of
// one duty as a range: 「T1.1、T1.2、T3.1-T3.3」. The ASCII hyphen keeps a
// range on one line.
func (b *packBuilder) taskList(codes []string) string {
	var out []string
	for i := 0; i < len(codes); {
		j := i
		for j+1 < len(codes) && b.follows(codes[j], codes[j+1]) {
			j++
		}
		if j-i >= 2 {
			out = append(out, codes[i]+"-"+codes[j])
		} else {
			out = append(out, codes[i:j+1]...)
		}
		i = j + 1
	}
	return b.joinCodes(out)
}

// follows reports whether task next comes right after task a in the same
// duty of the standard.
func (b *packBuilder) follows(a, next string) bool {
	if b.nextTask == nil {
		b.nextTask = make(map[string]string)
		for i := range b.s.Duties {
			d := &b.s.Duties[i]
			for j := 0; j+1 < len(d.Tasks); j++ {
				b.nextTask[d.Tasks[j].Code] = d.Tasks[j+1].Code
			}
		}
	}
	return b.nextTask[a] == next
}

// packTaskHeading is 「T1.1 和顧客有效溝通」, or for tasks sharing one row
// 「T1.1 收發公文、T1.2 管理檔案」.
func packTaskHeading(t *scopedTask) string {
	var out []string
	for _, tk := range t.tasks() {
		out = append(out, strings.TrimSpace(tk.Code+" "+tk.Title))
	}
	return strings.Join(out, "、")
}

// level prints a task's level(s): 「3」 or 「3、4」, or "" without levels.
func (b *packBuilder) level(t *scopedTask) string {
	var ls []string
	for _, n := range t.levels() {
		ls = append(ls, fmt.Sprint(n))
	}
	if len(ls) == 0 && t.level != 0 {
		ls = append(ls, fmt.Sprint(t.level))
	}
	return strings.Join(ls, b.l.Get("list_sep"))
}

// packMethodsExcept returns the task methods without those listed, or all of
// them when nothing would be left.
func packMethodsExcept(ms []string, drop ...string) []string {
	var out []string
	for _, m := range ms {
		if !slices.Contains(drop, m) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return ms
	}
	return out
}
