package jobdesc

import (
	"sort"
	"strconv"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
)

// summary writes 職務說明: the standard's 工作描述 and the company's words.
func (b *jobDesc) summary() {
	b.section("section_summary")
	if b.s.Description != "" {
		b.add(paraBlock(b.para(b.s.Description)))
	}
	if b.posting() && b.o.Description != "" {
		b.add(paraBlock(b.para(b.o.Description)))
	}
}

// work writes 工作內容: each duty kept, its tasks as a list, and with
// ShowIndicators each task's 行為指標 under it; tasks that share one row
// block are listed one after the other, the row's indicators once under
// the last of them.
func (b *jobDesc) work() {
	b.section("section_duties")
	indicators := b.posting() && b.o.ShowIndicators
	for _, jd := range b.duties {
		title := b.runs(jd.duty.Title)
		for i := range title {
			title[i].Bold = true
		}
		b.add(&render.Paragraph{Runs: title, KeepWithNext: true})
		if !indicators {
			list := &render.List{Bullet: b.l.Get("bullet_task")}
			for _, t := range jd.tasks {
				list.Items = append(list.Items, b.runs(t.Title))
			}
			b.add(list)
			continue
		}
		for k, t := range jd.tasks {
			b.add(&render.Paragraph{
				Runs:         append([]render.Run{{Text: b.l.Get("bullet_task") + " "}}, b.runs(t.Title)...),
				Hanging:      5,
				KeepWithNext: true,
			})
			if jd.sameRow(k, k+1) {
				continue // the next task shares the row: its indicators follow it
			}
			var ps []standard.Entry
			for _, bl := range t.Blocks {
				ps = append(ps, bl.Indicators...)
			}
			// Indicators are indented lines under their task, kept with
			// it; the last lets the next task start on a new page.
			for i, p := range ps {
				b.add(&render.Paragraph{
					Runs:         append([]render.Run{{Text: b.l.Get("bullet_indicator")}}, b.runs(p.Text)...),
					Indent:       5,
					Hanging:      4,
					KeepWithNext: i < len(ps)-1,
				})
			}
		}
	}
}

// taskRefs returns the knowledge or skill texts the kept tasks use, each
// once, in catalogue order; inline texts not in the catalogue follow in
// the order they appear.
func (b *jobDesc) taskRefs(catalogue []standard.Item, refs func(standard.Block) []standard.Ref) []string {
	order := make(map[string]int, len(catalogue))
	for i, it := range catalogue {
		order[it.Code+"\x00"+it.Text] = i
	}
	type found struct {
		text string
		rank int
	}
	seen := make(map[string]bool)
	var all []found
	for _, jd := range b.duties {
		for k, t := range jd.tasks {
			if jd.sameRow(k-1, k) {
				continue // the row was read with the task before
			}
			for _, bl := range t.Blocks {
				for _, r := range refs(bl) {
					key := r.Code + "\x00" + r.Text
					if seen[key] || r.Text == "" {
						continue
					}
					seen[key] = true
					rank, ok := order[key]
					if !ok {
						rank = len(catalogue) + len(all)
					}
					all = append(all, found{r.Text, rank})
				}
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].rank < all[j].rank })
	out := make([]string, len(all))
	for i, f := range all {
		out[i] = f.text
	}
	return out
}

// skills are the S texts of the kept tasks.
func (b *jobDesc) skills() []string {
	return b.taskRefs(b.s.Skills, func(bl standard.Block) []standard.Ref { return bl.Skills })
}

// knowledge are the K texts of the kept tasks.
func (b *jobDesc) knowledge() []string {
	return b.taskRefs(b.s.Knowledge, func(bl standard.Block) []standard.Ref { return bl.Knowledge })
}

// keptAttitudes returns the attitudes of the kept tasks in catalogue
// order: those marked in the task × attitude matrix, or every attitude
// when the standard has no matrix.
func (b *jobDesc) keptAttitudes() []standard.Attitude {
	matrix := false
	used := make(map[string]bool)
	for _, d := range b.s.Duties {
		for _, t := range d.Tasks {
			matrix = matrix || len(t.Attitudes) > 0
		}
	}
	if !matrix {
		return b.s.Attitudes
	}
	for _, jd := range b.duties {
		for _, t := range jd.tasks {
			for _, a := range t.Attitudes {
				used[a] = true
			}
		}
	}
	var out []standard.Attitude
	for _, a := range b.s.Attitudes {
		if used[a.Code] {
			out = append(out, a)
		}
	}
	return out
}

// attitudes writes 人格特質: each attitude's name in bold and its
// definition.
func (b *jobDesc) attitudes() {
	as := b.keptAttitudes()
	if len(as) == 0 {
		return
	}
	b.section("section_attitudes")
	list := &render.List{Bullet: b.l.Get("bullet_item")}
	for _, a := range as {
		item := []render.Run{{Text: a.Name, Bold: true}}
		if a.Definition != "" {
			item = append(item, render.Run{Text: b.l.Get("term_sep")})
			item = append(item, b.runs(a.Definition)...)
		}
		list.Items = append(list.Items, item)
	}
	b.add(list)
}

// notes writes 名詞說明: the 【註N】 notes the printed text refers to, in
// number order, as 「【註1】策略：…」.
func (b *jobDesc) notes() {
	for grown := true; grown; { // notes may refer to other notes
		grown = false
		for _, n := range b.s.Notes {
			if before := len(b.noted); b.noted[n.N] {
				b.runs(n.Text)
				grown = grown || len(b.noted) > before
			}
		}
	}
	var ns []standard.Note
	for _, n := range b.s.Notes {
		if b.noted[n.N] {
			ns = append(ns, n)
		}
	}
	if len(ns) == 0 {
		return
	}
	b.section("section_notes")
	for _, n := range ns {
		runs := []render.Run{{Text: b.fill("note_ref", "{n}", strconv.Itoa(n.N))}}
		if n.Term != "" {
			runs = append(runs, render.Run{Text: n.Term + b.l.Get("term_sep")})
		}
		runs = append(runs, b.runs(n.Text)...)
		b.add(&render.Paragraph{Runs: runs, Style: render.Small, Hanging: 10})
	}
}

// paraBlock returns a paragraph as a block.
func paraBlock(p render.Paragraph) *render.Paragraph { return &p }
