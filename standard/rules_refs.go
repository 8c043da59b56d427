package standard

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"

	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/internal/lazyre"
)

var catalogueCodeRe = map[string]func() *regexp.Regexp{
	"knowledge": lazyre.New(`^K\d{2}$`),
	"skills":    lazyre.New(`^S\d{2}$`),
	"attitudes": lazyre.New(`^A\d{2}$`),
}

// references checks R09: catalogue codes are well formed; every K/S
// reference names a defined item (or carries its own text); one code has
// one text; every item is used.
func (v *validator) references() {
	s := v.s
	v.catalogueCodes("knowledge", "K", itemCodes(s.Knowledge))
	v.catalogueCodes("skills", "S", itemCodes(s.Skills))
	var acodes []string
	for _, a := range s.Attitudes {
		acodes = append(acodes, a.Code)
	}
	v.catalogueCodes("attitudes", "A", acodes)

	kUsed := v.refList("knowledge", s.Knowledge, s.Skills, func(b *Block) []Ref { return b.Knowledge })
	sUsed := v.refList("skills", s.Skills, s.Knowledge, func(b *Block) []Ref { return b.Skills })
	v.unused("knowledge", s.Knowledge, kUsed)
	v.unused("skills", s.Skills, sUsed)
}

func itemCodes(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Code
	}
	return out
}

func (v *validator) catalogueCodes(table, letter string, codes []string) {
	re := catalogueCodeRe[table]()
	for _, c := range codes {
		if !re.MatchString(c) {
			v.add("R09", Warning, diag.JoinKey(table, c), fmt.Sprintf("the guideline numbers %s items %s01, %s02, … per document; keep the code if the published standard prints it so", table, letter, letter),
				"%s code %q is not of the form %s01", table, c, letter)
		}
	}
}

// refList checks the K or S references of every block and returns the set
// of codes used.
func (v *validator) refList(table string, items, other []Item, refs func(*Block) []Ref) map[string]bool {
	texts := catalogueTexts(items)
	otherTexts := catalogueTexts(other)
	used := make(map[string]bool)
	firstText := make(map[string]string) // text of codes missing from the catalogue
	v.eachBlock(func(_, _, _ int, b *Block, bp string) {
		inBlock := make(map[string]bool)
		for k, r := range refs(b) {
			path := diag.Index(diag.JoinKey(bp, table), k)
			used[r.Code] = true
			if r.Code == "" {
				v.add("R09", Error, path, `give the reference its code: { code = "…", text = "…" }`, "a %s reference has no code", table)
				continue
			}
			if inBlock[r.Code] {
				v.add("R09", Warning, path, "list each code once per block", "%s is listed twice", r.Code)
			}
			inBlock[r.Code] = true
			want, defined := texts[r.Code]
			switch {
			case !defined && r.Text == "":
				hint := fmt.Sprintf("add %s = \"…\" to [%s]", r.Code, table)
				if _, ok := otherTexts[r.Code]; ok {
					hint = fmt.Sprintf("%s is defined in the other catalogue: list it under the right key", r.Code)
				}
				v.add("R09", Error, path, hint, "%s is not defined in [%s]", r.Code, table)
			case !defined:
				if t, ok := firstText[r.Code]; ok && !sameText(t, r.Text) {
					v.add("R09", Warning, path, "one code should have one text", "%s is printed with two different texts", r.Code)
				}
				if _, ok := firstText[r.Code]; !ok {
					firstText[r.Code] = r.Text
					v.add("R09", Warning, path, fmt.Sprintf("add %s = \"…\" to [%s] so the catalogue is complete", r.Code, table), "%s is not defined in [%s]; its text comes from this reference", r.Code, table)
				}
			case !sameText(want, r.Text):
				v.add("R09", Warning, path, "the guideline gives one code one text; keep the inline text only if the published standard prints it so",
					"%s is printed here with another text than in [%s]", r.Code, table)
			}
		}
	})
	return used
}

func (v *validator) unused(table string, items []Item, used map[string]bool) {
	for _, it := range items {
		if !used[it.Code] {
			v.add("R09", Warning, diag.JoinKey(table, it.Code), "list it in the tasks that need it, or remove it", "%s is defined but no task uses it", it.Code)
		}
	}
}

// notes checks R10: every 【註N】 reference has a note, every note is
// referenced, and notes are numbered 1…n.
func (v *validator) notes() {
	s := v.s
	defined := make(map[int]bool, len(s.Notes))
	for _, n := range s.Notes {
		defined[n.N] = true
	}
	referenced := make(map[int]bool)
	s.Walk(func(path, text string) {
		for _, p := range SplitNotes(text) {
			if p.Note == 0 {
				continue
			}
			referenced[p.Note] = true
			if !defined[p.Note] {
				v.add("R10", Error, path, fmt.Sprintf("add the note to [notes]: %d = { term = \"…\", text = \"…\" }", p.Note),
					"%s refers to a note that [notes] does not define", p.Text)
			}
		}
	})
	for i, n := range s.Notes {
		path := diag.JoinKey("notes", strconv.Itoa(n.N))
		if !referenced[n.N] {
			v.add("R10", Warning, path, fmt.Sprintf("reference it as 【註%d】 after the term it explains, or remove it", n.N), "note %d is never referenced", n.N)
		}
		if prev := prevNote(s.Notes, i); n.N != prev+1 {
			v.add("R10", Warning, path, "number notes 1, 2, 3 … without gaps", "note %d follows note %d: the numbers have a gap", n.N, prev)
		}
	}
}

func prevNote(notes []Note, i int) int {
	if i == 0 {
		return 0
	}
	return notes[i-1].N
}

// matrix checks R11, the task × attitude matrix: every mark names a
// defined attitude (else it cannot be printed), and every attitude has a
// mark.
func (v *validator) matrix() {
	s := v.s
	defined := make(map[string]bool, len(s.Attitudes))
	for _, a := range s.Attitudes {
		defined[a.Code] = true
	}
	marked := make(map[string]bool)
	v.eachTask(func(_, _ int, t *Task, path string) {
		seen := make(map[string]bool)
		for k, a := range t.Attitudes {
			p := diag.Index(path+".attitudes", k)
			switch {
			case !defined[a]:
				v.add("R11", Error, p, fmt.Sprintf("define it in [attitudes]: %s = { name = \"…\", definition = \"…\" }", a), "attitude %s is not defined in [attitudes]", a)
			case seen[a]:
				v.add("R11", Warning, p, "mark each attitude once per task", "attitude %s is marked twice for task %s", a, t.Code)
			}
			seen[a] = true
			marked[a] = true
		}
	})
	if len(marked) == 0 {
		return // no matrix
	}
	var missing []string
	for _, a := range s.Attitudes {
		if !marked[a.Code] {
			missing = append(missing, a.Code)
		}
	}
	sort.Strings(missing)
	for _, a := range missing {
		v.add("R11", Warning, diag.JoinKey("attitudes", a), "mark it in the attitudes list of the tasks that need it, or remove it", "attitude %s has no mark in the task × attitude matrix", a)
	}
}
