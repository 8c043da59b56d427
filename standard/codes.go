package standard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/internal/lazyre"
)

var (
	dutyCodeRe   = lazyre.New(`^T(\d+)$`)
	taskCodeRe   = lazyre.New(`^T(\d+(?:\.\d+)+)$`)
	legacyCodeRe = lazyre.New(`^[OP]\d+\.\d+$`) // two-level O/P codes numbered per duty
	trailingNum  = lazyre.New(`\d+$`)
)

// Normalize completes a standard built in code the way Load completes one
// read from a file, so that every reader can rely on the model: every
// empty code is set from position (see assignCodes), every K/S reference
// without its own text gets the catalogue's, a task without blocks gets
// one empty block, and shared rows get a copy of what they share (a task
// with Shares the blocks of that task, a block with SharesOutputs the
// outputs above it; see shareRows). Codes and texts already set are kept,
// so calling it again changes nothing. The importer and hand-built standards call it;
// Load and Parse already have.
func Normalize(s *Standard) {
	for i := range s.Duties {
		for j := range s.Duties[i].Tasks {
			if t := &s.Duties[i].Tasks[j]; len(t.Blocks) == 0 {
				t.Blocks = []Block{{}}
			}
		}
	}
	assignCodes(s)
	fillRefs(s)
	shareRows(s)
}

// CheckNormal reports the first place where s is not normalised (an
// empty code, a task without blocks), so that a reader given a standard
// that neither Load nor Normalize made fails clearly instead of printing
// a table without codes.
func (s *Standard) CheckNormal() error {
	fail := func(path, what string) error {
		return fmt.Errorf("%s (%s) %s: the standard is not normalised; load it with standard.Load or complete it with standard.Normalize", s.Name(), path, what)
	}
	for i, d := range s.Duties {
		if d.Code == "" {
			return fail(DutyPath(i), "has no code")
		}
		for j, t := range d.Tasks {
			switch {
			case t.Code == "":
				return fail(TaskPath(i, j), "has no code")
			case len(t.Blocks) == 0:
				return fail(TaskPath(i, j), "has no blocks")
			}
			for b, blk := range t.Blocks {
				for _, e := range append(slices.Clip(blk.Outputs), blk.Indicators...) {
					if e.Code == "" {
						return fail(s.BlockPath(i, j, b), "has an output or indicator without code")
					}
				}
			}
		}
	}
	return nil
}

// assignCodes fills in every empty code from position: duties T1…, tasks
// T1.1…, outputs O1.1.1… and indicators P1.1.1… numbered across the
// blocks of a task. A code after an explicit one continues from it, so a
// legacy document can write {code = "P1.1", text = …} on the first
// indicator of a duty and let the rest follow (P1.2, P1.3, … also into
// the next tasks of the duty).
func assignCodes(s *Standard) {
	for i := range s.Duties {
		d := &s.Duties[i]
		if d.Code == "" {
			d.Code = "T" + strconv.Itoa(i+1)
		}
		dnum := strconv.Itoa(i + 1)
		if m := dutyCodeRe().FindStringSubmatch(d.Code); m != nil {
			dnum = m[1]
		}
		var lastO, lastP string // last codes in this duty
		for j := range d.Tasks {
			t := &d.Tasks[j]
			if t.Code == "" {
				t.Code = "T" + dnum + "." + strconv.Itoa(j+1)
			}
			tnum := dnum + "." + strconv.Itoa(j+1)
			if m := taskCodeRe().FindStringSubmatch(t.Code); m != nil {
				tnum = m[1]
			}
			prevO, prevP := "", ""
			if legacyCodeRe().MatchString(lastO) {
				prevO = lastO
			}
			if legacyCodeRe().MatchString(lastP) {
				prevP = lastP
			}
			for b := range t.Blocks {
				prevO = number(t.Blocks[b].Outputs, prevO, "O"+tnum+".1")
				prevP = number(t.Blocks[b].Indicators, prevP, "P"+tnum+".1")
			}
			if prevO != "" {
				lastO = prevO
			}
			if prevP != "" {
				lastP = prevP
			}
		}
	}
}

// number fills in empty codes of entries: the first one after prev (or
// first when nothing came before), and so on. It returns the last code.
func number(entries []Entry, prev, first string) string {
	for k := range entries {
		e := &entries[k]
		if e.Code == "" {
			if prev == "" {
				e.Code = first
			} else if next := nextCode(prev); next != "" {
				e.Code = next
			} else {
				e.Code = first
			}
		}
		prev = e.Code
	}
	return prev
}

// nextCode increments the number at the end of a code, keeping its zero
// padding: P1.1.9 → P1.1.10, K09 → K10. It returns "" when the code does
// not end in a number.
func nextCode(code string) string {
	loc := trailingNum().FindStringIndex(code)
	if loc == nil || loc[1]-loc[0] > 9 {
		return ""
	}
	digits := code[loc[0]:]
	n, _ := strconv.Atoi(digits)
	next := strconv.Itoa(n + 1)
	if len(next) < len(digits) {
		next = strings.Repeat("0", len(digits)-len(next)) + next
	}
	return code[:loc[0]] + next
}

// fillRefs sets the text of every K/S reference that does not carry its
// own from the catalogue. A reference to an undefined code keeps an empty
// text; Validate reports it.
func fillRefs(s *Standard) {
	k := catalogueTexts(s.Knowledge)
	sk := catalogueTexts(s.Skills)
	for i := range s.Duties {
		for j := range s.Duties[i].Tasks {
			t := &s.Duties[i].Tasks[j]
			for b := range t.Blocks {
				fill(t.Blocks[b].Knowledge, k)
				fill(t.Blocks[b].Skills, sk)
			}
		}
	}
}

func catalogueTexts(items []Item) map[string]string {
	m := make(map[string]string, len(items))
	for _, it := range items {
		if _, ok := m[it.Code]; !ok {
			m[it.Code] = it.Text
		}
	}
	return m
}

func fill(refs []Ref, texts map[string]string) {
	for i := range refs {
		if refs[i].Text == "" {
			refs[i].Text = texts[refs[i].Code]
		}
	}
}
