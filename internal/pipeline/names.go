package pipeline

import (
	"strings"
	"unicode"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates/assessment"
)

// Stem is the base name of a standard's output files: its code, or the
// source's file name for a standard without one, made safe as a file name
// (see SafeNames).
func Stem(s *standard.Standard, src Source) string {
	return SafeNames([]string{RawStem(s, src)}, nil)[0]
}

// RawStem is the stem before it is made safe: the code, or else the
// source's file name without extension.
func RawStem(s *standard.Standard, src Source) string {
	if s.Code != "" {
		return s.Code
	}
	return src.Stem()
}

// SafeNames makes names safe and unique file names the way a roster's are
// (templates.FileNames): no separators, control or reserved characters, no
// Windows device names (CON, NUL…), at most 100 bytes, unique ignoring
// case (a repeat gets "-2", "-3"…). Names in reserved are taken already:
// a name equal to one of them, ignoring case, gets a suffix. A name with
// no letter or digit becomes "standard".
func SafeNames(names, reserved []string) []string {
	cands := make([]assessment.Candidate, 0, len(reserved)+len(names))
	for _, r := range reserved {
		cands = append(cands, assessment.Candidate{Name: r})
	}
	for _, n := range names {
		if !strings.ContainsFunc(n, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			n = "standard"
		}
		cands = append(cands, assessment.Candidate{Name: n})
	}
	return assessment.FileNames(cands)[len(reserved):]
}
