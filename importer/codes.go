package importer

import (
	"fmt"
	"strconv"
	"strings"
)

// codes compares every printed code with the code its position gives, the
// way package standard numbers a file: duties T1…, tasks T<d>.1…, outputs
// and indicators O/P<task>.1… across the blocks of a task, each code after
// an explicit one continuing from it (legacy two-level codes P1.1, P1.2
// also into the next tasks of the duty). A code that differs is kept as
// printed, marked Explicit, and noted in a comment and a finding.
func (in *interp) codes() {
	for di := range in.d.Duties {
		d := &in.d.Duties[di]
		pos := "T" + strconv.Itoa(di+1)
		if d.Code != "" && d.Code != pos {
			in.differs(&d.Comments, d.Code, pos)
		}
		dnum := dutyNumber(d.Code, di)
		var lastO, lastP string
		for ti := range d.Tasks {
			t := &d.Tasks[ti]
			tpos := "T" + dnum + "." + strconv.Itoa(ti+1)
			tnum := tpos[1:]
			if t.Code != "" && t.Code != tpos {
				in.differs(&t.Comments, t.Code, tpos)
				if m := taskNum().FindStringSubmatch(t.Code); m != nil {
					tnum = m[1]
				}
			}
			prevO, prevP := "", ""
			if legacy().MatchString(lastO) {
				prevO = lastO
			}
			if legacy().MatchString(lastP) {
				prevP = lastP
			}
			var kept []string
			for bi := range t.Blocks {
				b := &t.Blocks[bi]
				prevO = explicit(b.Outputs, prevO, "O"+tnum+".1", &kept)
				prevP = explicit(b.Indicators, prevP, "P"+tnum+".1", &kept)
			}
			if len(kept) > 0 {
				msg := "codes kept as printed (position would give): " + strings.Join(kept, ", ")
				t.Comments = append(t.Comments, "import: "+msg)
				in.add(Warning, 0, orPos(t.Code, tpos), "", "%s", msg)
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

func (in *interp) differs(comments *[]string, code, pos string) {
	msg := fmt.Sprintf("printed as %s where position gives %s; kept as printed", code, pos)
	*comments = append(*comments, "import: "+msg)
	in.add(Warning, 0, code, "", "%s", msg)
}

// explicit marks the entries whose printed code is not the one position
// gives (first, or the code after the previous one), adding "P2.1
// (P2.1.1)" to kept for each, and returns the last code.
func explicit(es []Entry, prev, first string, kept *[]string) string {
	for i := range es {
		e := &es[i]
		want := first
		if prev != "" {
			if n := next(prev); n != "" {
				want = n
			}
		}
		if e.Code == "" {
			e.Code = want
		}
		if e.Code != want {
			e.Explicit = true
			*kept = append(*kept, e.Code+" ("+want+")")
		}
		prev = e.Code
	}
	return prev
}
