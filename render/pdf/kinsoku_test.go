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
	for _, c := range designNoStart {
		// "一二三" fills a line of width 3, so c would start the next.
		text := "一二三" + string(c) + "四"
		lines := lineTexts(testAtoms(text), breakLines(testAtoms(text), 3, 3))
		for i, l := range lines {
			if strings.HasPrefix(l, string(c)) {
				t.Errorf("%q: line %d of %q starts with %c", text, i+1, lines, c)
			}
		}
		if strings.Join(lines, "") != text {
			t.Errorf("%q: lines %q do not give back the text", text, lines)
		}
	}
	for _, c := range designNoEnd {
		// "一二" + c fits a line of width 3 and would end it with c.
		text := "一二" + string(c) + "三四"
		lines := lineTexts(testAtoms(text), breakLines(testAtoms(text), 3, 3))
		for i, l := range lines {
			if strings.HasSuffix(l, string(c)) {
				t.Errorf("%q: line %d of %q ends with %c", text, i+1, lines, c)
			}
		}
		if strings.Join(lines, "") != text {
			t.Errorf("%q: lines %q do not give back the text", text, lines)
		}
	}
}
