package standard

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/ocs-project/ocs/diag"
)

// Validate checks a loaded standard and returns every problem found,
// sorted by line, then field path. The rules follow one principle for
// severity: an Error means the document cannot be rendered faithfully
// (a required field is missing, a reference points at nothing), a Warning
// means it breaks the official guideline (numbering, code formats, level
// mismatch, unused items), Info is style. Published standards are
// irregular, so whatever they do and can still be printed is a warning.
//
// Rules (domain notes §1.6, plus R00 for required fields):
//
//	R00 required fields are present and texts are not empty
//	R01 職能基準代碼 has the form ABC1234-001v1
//	R02 the code starts with the 職類別代碼 and the 職業別代碼
//	R03 exactly one of 職類 (job_category) and 職業 (occupation) is named
//	R04 職類別/職業別/行業別 codes have their official forms
//	R05 基準級別 and 職能級別 are 1–6, or the standard explains no_levels
//	R06 基準級別 is the most common task level
//	R07 T/O/P codes are numbered in sequence (legacy P1.1 style accepted)
//	R08 every task has indicators; no outputs or K/S is worth a note
//	R09 K/S/A codes are well formed, defined, used, one text per code
//	R10 every 【註N】 reference has a note; every note is referenced
//	R11 the task × attitude matrix names defined attitudes, each marked
//	R12 the prerequisites (學歷/經歷/能力條件) are given
//	R13 the version history has one 最新版本, ordered versions, supersession notes
//	R14 style: wording the guideline discourages, numbers in indicators, stray spaces
//	R15 shared rows: a task shares the row block of an earlier task of its duty,
//	    next to it, and writes no row of its own; a block shares the outputs of
//	    the block above and writes none of its own
//
// Validate does not require K/S codes to appear in first-use order:
// published standards do not.
func Validate(s *Standard) Problems {
	return validate(s, nil)
}

// validate is Validate, leaving out what stands at or below a path that
// failed to decode (its problem is already reported).
func validate(s *Standard, failed failedPaths) Problems {
	if s == nil {
		return nil
	}
	v := &validator{s: s, failed: failed}
	v.required()
	v.header()
	v.levels()
	v.numbering()
	v.rows()
	v.references()
	v.notes()
	v.matrix()
	v.remarks()
	v.history()
	v.shared()
	v.style()
	v.bounds()
	v.probs.Sort()
	return v.probs
}

type validator struct {
	s      *Standard
	failed failedPaths // paths that did not decode
	probs  Problems
}

func (v *validator) add(rule string, sev Severity, path, hint, format string, args ...any) {
	v.addAbout(nil, rule, sev, path, hint, format, args...)
}

// addAbout is add for a problem placed at path that is about the fields
// at other paths (a missing key): it is left out when one of them failed
// to decode.
func (v *validator) addAbout(about []string, rule string, sev Severity, path, hint, format string, args ...any) {
	if v.failed.covers(path) {
		return
	}
	for _, a := range about {
		if v.failed.covers(a) {
			return
		}
	}
	v.probs = append(v.probs, Problem{
		Rule: rule, Severity: sev, File: v.s.Source, Line: v.s.lineOf(path),
		Path: path, Message: fmt.Sprintf(format, args...), Hint: hint,
	})
}

// isSet reports whether the file wrote the key at path (even as 0).
func (s *Standard) isSet(path string) bool {
	_, ok := s.Lines[path]
	return ok
}

// eachTask calls fn for every task with its field path.
func (v *validator) eachTask(fn func(d, t int, task *Task, path string)) {
	for i := range v.s.Duties {
		for j := range v.s.Duties[i].Tasks {
			fn(i, j, &v.s.Duties[i].Tasks[j], TaskPath(i, j))
		}
	}
}

// eachBlock calls fn for every block the file wrote, with its field path:
// a shared row block is left out in the tasks sharing it (see
// Duty.RowOwners), so that each problem is reported once, where it was
// written.
func (v *validator) eachBlock(fn func(d, t, b int, blk *Block, path string)) {
	for i := range v.s.Duties {
		d := &v.s.Duties[i]
		for j, owner := range d.RowOwners() {
			if owner != j {
				continue
			}
			task := &d.Tasks[j]
			for b := range task.Blocks {
				fn(i, j, b, &task.Blocks[b], v.s.BlockPath(i, j, b))
			}
		}
	}
}

// required checks R00: the fields without which a document cannot be
// printed (errors), and texts that are empty or blank (only white space,
// ideographic or zero-width spaces). An empty text whose place the form
// can still show empty is a warning: published standards have such gaps,
// and a draft is rendered despite them.
func (v *validator) required() {
	s := v.s
	const rule = "R00"
	if blankText(s.Description) {
		v.add(rule, Warning, "description", `add the 工作描述: description = "…"`, "the standard has no description (工作描述)")
	}
	if len(s.Duties) == 0 {
		v.add(rule, Error, "duty", "add at least one [[duty]] with a title and a [[duty.task]]", "the standard has no duties ([[duty]])")
	}
	for i, d := range s.Duties {
		if blankText(d.Title) {
			v.add(rule, Warning, DutyPath(i), `add title = "…" to the [[duty]]`, "duty %s has no title", d.Code)
		}
		if len(d.Tasks) == 0 {
			v.add(rule, Error, DutyPath(i), "add its tasks as [[duty.task]] tables below the [[duty]]", "duty %s has no tasks", d.Code)
		}
	}
	v.eachTask(func(_, _ int, t *Task, path string) {
		if blankText(t.Title) {
			v.add(rule, Warning, path, `add title = "…" to the [[duty.task]]`, "task %s has no title", t.Code)
		}
	})
	v.eachBlock(func(d, t, k int, b *Block, path string) {
		if !s.Duties[d].Tasks[t].outputsShared(k) {
			v.emptyEntries(diag.JoinKey(path, "outputs"), b.Outputs)
		}
		v.emptyEntries(diag.JoinKey(path, "indicators"), b.Indicators)
	})
	kinds := []struct {
		path string
		rows []Class
	}{{"category.job", s.Category.Job}, {"category.occupation", s.Category.Occupation}, {"category.industry", s.Category.Industry}}
	for _, k := range kinds {
		for i, c := range k.rows {
			if blankText(c.Name) {
				v.add(rule, Warning, diag.Index(k.path, i), `add name = "…" to the row`, "a category row has no name")
			}
		}
	}
	v.emptyItems("knowledge", s.Knowledge)
	v.emptyItems("skills", s.Skills)
	for _, a := range s.Attitudes {
		if blankText(a.Name) {
			v.add(rule, Warning, diag.JoinKey("attitudes", a.Code), `give the attitude a name: `+a.Code+` = { name = "…", definition = "…" }`, "attitude %s has no name", a.Code)
		}
	}
	for _, n := range s.Notes {
		if blankText(n.Text) {
			v.add(rule, Warning, diag.JoinKey("notes", fmt.Sprint(n.N)), `write the note's text: text = "…"`, "note %d has no text", n.N)
		}
	}
	for name, lines := range map[string][]string{"remarks.prerequisites": s.Prerequisites, "remarks.supplements": s.Supplements} {
		for i, l := range lines {
			if blankText(l) {
				v.add(rule, Warning, diag.Index(name, i), "remove the empty line or write its text", "empty line in %s", name)
			}
		}
	}
}

func (v *validator) emptyEntries(path string, entries []Entry) {
	for i, e := range entries {
		if blankText(e.Text) {
			v.add("R00", Warning, diag.Index(path, i), "write the text, or remove the entry", "%s has no text", e.Code)
		}
	}
}

func (v *validator) emptyItems(path string, items []Item) {
	for _, it := range items {
		if blankText(it.Text) {
			v.add("R00", Warning, diag.JoinKey(path, it.Code), "write the item's text: "+it.Code+` = "…"`, "%s has no text", it.Code)
		}
	}
}

// blankText reports whether s holds nothing but white space and invisible
// characters (ideographic spaces, zero-width spaces and joiners): a text
// that prints as nothing.
func blankText(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }) == ""
}
