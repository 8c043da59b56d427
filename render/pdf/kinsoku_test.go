package pdf

import (
	"strings"
	"testing"
)

// The 禁則 lists as the design notes give them (trap 1), written out here
// rather than taken from the code: no line starts with one of the first,
// none ends with one of the second.
const (
	designNoStart = "，。、；：？！）」』】〉》〕．,.;:!?)]}%"
	designNoEnd   = "（「『【〈《〔([{"
)

// Each character of the lists, put where a plain break would leave it at
// the start (or end) of a line, moves with its neighbour instead.
func TestKinsokuEveryCharacter(t *testing.T) {
	for _, tc := range []struct {
		chars string
		text  func(c string) string
		bad   func(line, c string) bool
		what  string
	}{
		// "一二三" fills a line of width 3, so c would start the next.
		{designNoStart, func(c string) string { return "一二三" + c + "四" }, strings.HasPrefix, "starts"},
		// "一二" + c fits a line of width 3 and would end it with c.
		{designNoEnd, func(c string) string { return "一二" + c + "三四" }, strings.HasSuffix, "ends"},
	} {
		for _, r := range tc.chars {
			c := string(r)
			text := tc.text(c)
			lines := lineTexts(testAtoms(text), breakLines(testAtoms(text), 3, 3))
			for i, l := range lines {
				if tc.bad(l, c) {
					t.Errorf("%q: line %d of %q %s with %s", text, i+1, lines, tc.what, c)
				}
			}
			if strings.Join(lines, "") != text {
				t.Errorf("%q: lines %q do not give back the text", text, lines)
			}
		}
	}
}
