package standard

import (
	"github.com/ocs-project/ocs/diag"

	"strconv"
)

const hintSequence = "codes come from position: remove the explicit code, or keep it when the published standard prints it so"

// numbering checks R07: duties T1…Tn, tasks T{i}.{j} under duty i, and
// outputs and indicators O/P{i}.{j}.{k} numbered in sequence across a
// task's blocks; legacy P{i}.{k} codes numbered across a duty are
// accepted. Each code is compared with the one expected after the
// previous code, so one gap gives one warning.
func (v *validator) numbering() {
	seen := make(map[string]string) // code → path where first seen
	prevDuty := ""
	for i, d := range v.s.Duties {
		path := DutyPath(i)
		v.sequence(path+".code", "duty", d.Code, expectAfter(prevDuty, "T1"), seen)
		prevDuty = d.Code
		dnum := strconv.Itoa(i + 1)
		if m := dutyCodeRe().FindStringSubmatch(d.Code); m != nil {
			dnum = m[1]
		}
		prevTask := ""
		legacy := map[byte]string{} // last legacy O and P code in this duty
		owners := d.RowOwners()
		for j, t := range d.Tasks {
			tp := TaskPath(i, j)
			v.sequence(tp+".code", "task", t.Code, expectAfter(prevTask, "T"+dnum+".1"), seen)
			prevTask = t.Code
			tnum := dnum + "." + strconv.Itoa(j+1)
			if m := taskCodeRe().FindStringSubmatch(t.Code); m != nil {
				tnum = m[1]
			}
			if owners[j] != j {
				continue // the row block it shares, checked where it is written
			}
			prev := map[byte]string{}
			for b, blk := range t.Blocks {
				bp := v.s.BlockPath(i, j, b)
				if !t.outputsShared(b) {
					v.entryCodes(bp+".outputs", "output", 'O', blk.Outputs, tnum, dnum, prev, legacy, seen)
				}
				v.entryCodes(bp+".indicators", "indicator", 'P', blk.Indicators, tnum, dnum, prev, legacy, seen)
			}
		}
	}
}

// entryCodes checks the O or P codes of one block.
func (v *validator) entryCodes(path, what string, letter byte, entries []Entry, tnum, dnum string, prev, legacy map[byte]string, seen map[string]string) {
	l := string(letter)
	for k, e := range entries {
		var want string
		switch {
		case prev[letter] != "":
			want = nextCode(prev[letter])
		case legacyCodeRe().MatchString(e.Code):
			want = expectAfter(legacy[letter], l+dnum+".1")
		default:
			want = l + tnum + ".1"
		}
		// A legacy code may also continue the duty's legacy numbering.
		if e.Code != want && legacyCodeRe().MatchString(e.Code) && e.Code == expectAfter(legacy[letter], l+dnum+".1") {
			want = e.Code
		}
		v.sequence(diag.Index(path, k)+".code", what, e.Code, want, seen)
		prev[letter] = e.Code
		if legacyCodeRe().MatchString(e.Code) {
			legacy[letter] = e.Code
		}
	}
}

// expectAfter returns the code expected after prev, or first.
func expectAfter(prev, first string) string {
	if prev == "" {
		return first
	}
	if n := nextCode(prev); n != "" {
		return n
	}
	return first
}

// sequence reports a code that repeats an earlier one or is not the one
// expected.
func (v *validator) sequence(path, what, code, want string, seen map[string]string) {
	if first, dup := seen[code]; dup {
		v.add("R07", Warning, path, "each code should appear once; keep the repeat only if the published standard prints it",
			"%s code %s is used twice (first at %s)", what, code, first)
		return
	}
	seen[code] = diag.ParentPath(path)
	if code != want {
		v.add("R07", Warning, path, hintSequence, "%s code %s is out of sequence: expected %s", what, code, want)
	}
}

// rows checks R08: a task needs indicators; no outputs, knowledge or
// skills is allowed but worth a note.
func (v *validator) rows() {
	v.eachTask(func(d, j int, t *Task, path string) {
		if t.Shares != "" {
			return // its row is the shared one, checked where it is written (or R15 reports why not)
		}
		var o, p, k, s int
		// The fields each note is about, in every block.
		about := func(key string) []string {
			var out []string
			for b := range t.Blocks {
				out = append(out, diag.JoinKey(v.s.BlockPath(d, j, b), key))
			}
			return out
		}
		for _, b := range t.Blocks {
			o += len(b.Outputs)
			p += len(b.Indicators)
			k += len(b.Knowledge)
			s += len(b.Skills)
		}
		if p == 0 {
			v.addAbout(about("indicators"), "R08", Warning, path, `add its 行為指標: indicators = ["…"]`, "task %s has no indicators (行為指標)", t.Code)
		}
		if o == 0 {
			v.addAbout(about("outputs"), "R08", Info, path, "allowed for action-type tasks (指引 p.37); add outputs = [\"…\"] if the task delivers a document", "task %s has no outputs (工作產出)", t.Code)
		}
		if k == 0 {
			v.addAbout(about("knowledge"), "R08", Info, path, "tasks that share a merged K cell in the published form each list the same codes", "task %s lists no knowledge (K)", t.Code)
		}
		if s == 0 {
			v.addAbout(about("skills"), "R08", Info, path, "tasks that share a merged S cell in the published form each list the same codes", "task %s lists no skills (S)", t.Code)
		}
	})
}
