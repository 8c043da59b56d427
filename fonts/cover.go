package fonts

import "errors"

// Cover checks texts against the set like Check and, when some characters
// are missing and the set allows system fonts (Config.System), tries the
// system fallback fonts in their fixed order and adds each one that draws
// a missing character. The returned Report's Set is the set to render the
// texts with: s itself when nothing was added. System fonts are searched
// and loaded at most once per process, and only when a text needs them.
func (s *Set) Cover(texts Texts) *Report {
	chars := collect(texts, s.mayReport)
	rep := s.report(chars)
	if rep.OK() || s.system == nil {
		return rep
	}
	need := map[rune]bool{}
	for _, c := range rep.Missing {
		need[c.Rune] = true
	}
	holders := map[rune]*Face{}
	var extra []*Face
	var skipped []string
	for _, path := range s.system.paths() {
		if len(need) == 0 {
			break
		}
		f, err := s.system.load(path)
		if errors.Is(err, ErrCFF) {
			continue // the backend cannot embed it: not worth a note
		}
		if err != nil {
			skipped = append(skipped, err.Error())
			continue
		}
		serves := false
		for r := range need {
			if !f.Has(r) {
				continue
			}
			if r > s.MaxRune() {
				if holders[r] == nil {
					holders[r] = f
				}
				continue
			}
			serves = true
			delete(need, r)
		}
		if serves {
			extra = append(extra, f)
		}
	}
	set := s
	if len(extra) > 0 {
		set, _ = newSet(s.Regular, s.Bold, s.Latin, s.LatinBold, append(append([]*Face(nil), s.Fallbacks...), extra...))
		set.system, set.maxRune = s.system, s.maxRune
		// The Latin faces claim their names before any fallback, so
		// s's own Latin faces fit the new set as they are.
		set.regularBold = s.regularBold
		set.Latin, set.LatinBold, set.latinSynth = s.Latin, s.LatinBold, s.latinSynth
		rep = set.report(chars)
	}
	for i, c := range rep.Missing {
		if c.Holder == nil {
			rep.Missing[i].Holder = holders[c.Rune]
		}
	}
	rep.Skipped = skipped
	return rep
}
