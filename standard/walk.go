package standard

import (
	"strconv"

	"github.com/ocs-project/ocs/diag"
)

// Walk calls fn with every printable text of the standard and its field
// path, in document order: the header, the duties with their tasks and
// rows (codes included), the catalogues, notes, remarks and history.
// Empty texts are skipped, and so are shared rows and outputs where they
// are shared: each text comes once, at the path where the file wrote it.
func (s *Standard) Walk(fn func(path, text string)) {
	emit := func(path, text string) {
		if text != "" {
			fn(path, text)
		}
	}
	emit("code", s.Code)
	emit("occupation", s.Occupation)
	emit("job_category", s.JobCategory)
	for _, k := range []struct {
		path string
		rows []Class
	}{{"category.job", s.Category.Job}, {"category.occupation", s.Category.Occupation}, {"category.industry", s.Category.Industry}} {
		for i, c := range k.rows {
			emit(diag.Index(k.path, i)+".name", c.Name)
			emit(diag.Index(k.path, i)+".code", c.Code)
		}
	}
	emit("description", s.Description)
	emit("no_levels", s.NoLevels)
	emit("updated", s.Updated)
	for i, d := range s.Duties {
		emit(DutyPath(i)+".code", d.Code)
		emit(DutyPath(i)+".title", d.Title)
		owners := d.RowOwners()
		for j, t := range d.Tasks {
			tp := TaskPath(i, j)
			emit(tp+".code", t.Code)
			emit(tp+".title", t.Title)
			for b, blk := range t.Blocks {
				if owners[j] != j {
					break // the shared row, walked where it is written
				}
				bp := s.BlockPath(i, j, b)
				if !t.outputsShared(b) {
					walkEntries(emit, bp+".outputs", blk.Outputs)
				}
				walkEntries(emit, bp+".indicators", blk.Indicators)
				walkRefs(emit, bp+".knowledge", blk.Knowledge)
				walkRefs(emit, bp+".skills", blk.Skills)
			}
			for k, a := range t.Attitudes {
				emit(diag.Index(tp+".attitudes", k), a)
			}
		}
	}
	for _, it := range s.Knowledge {
		emit(diag.JoinKey("knowledge", it.Code), it.Text)
	}
	for _, it := range s.Skills {
		emit(diag.JoinKey("skills", it.Code), it.Text)
	}
	for _, a := range s.Attitudes {
		p := diag.JoinKey("attitudes", a.Code)
		emit(p+".name", a.Name)
		emit(p+".definition", a.Definition)
	}
	for _, n := range s.Notes {
		p := diag.JoinKey("notes", strconv.Itoa(n.N))
		emit(p+".term", n.Term)
		emit(p+".text", n.Text)
	}
	for i, l := range s.Prerequisites {
		emit(diag.Index("remarks.prerequisites", i), l)
	}
	for i, l := range s.Supplements {
		emit(diag.Index("remarks.supplements", i), l)
	}
	for i, h := range s.History {
		p := diag.Index("history", i)
		emit(p+".version", h.Version)
		emit(p+".code", h.Code)
		emit(p+".name", h.Name)
		emit(p+".status", h.Status)
		emit(p+".note", h.Note)
		emit(p+".date", h.Date)
	}
}

func walkEntries(emit func(path, text string), path string, entries []Entry) {
	for k, e := range entries {
		p := diag.Index(path, k)
		emit(p+".code", e.Code)
		emit(p, e.Text)
	}
}

func walkRefs(emit func(path, text string), path string, refs []Ref) {
	for k, r := range refs {
		p := diag.Index(path, k)
		emit(p+".code", r.Code)
		emit(p, r.Text)
	}
}

// FindKnowledge returns the knowledge item with the given code.
func (s *Standard) FindKnowledge(code string) (Item, bool) { return findItem(s.Knowledge, code) }

// FindSkill returns the skill item with the given code.
func (s *Standard) FindSkill(code string) (Item, bool) { return findItem(s.Skills, code) }

func findItem(items []Item, code string) (Item, bool) {
	for _, it := range items {
		if it.Code == code {
			return it, true
		}
	}
	return Item{}, false
}

// FindAttitude returns the attitude with the given code.
func (s *Standard) FindAttitude(code string) (Attitude, bool) {
	for _, a := range s.Attitudes {
		if a.Code == code {
			return a, true
		}
	}
	return Attitude{}, false
}

// FindNote returns note number n.
func (s *Standard) FindNote(n int) (Note, bool) {
	for _, note := range s.Notes {
		if note.N == n {
			return note, true
		}
	}
	return Note{}, false
}
