package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// testAtoms makes atoms of s with simple widths: one unit for a wide
// character, half for a word character or space.
func testAtoms(s string) []atom {
	var a []atom
	for _, r := range s {
		w := 1.0
		if r < 0x300 {
			w = 0.5
		}
		a = append(a, atom{r: r, w: w})
	}
	return a
}

// lineTexts returns the text of each line.
func lineTexts(a []atom, spans []span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = atomText(a[s.start:s.end])
	}
	return out
}

func atomText(a []atom) string {
	var b strings.Builder
	for _, x := range a {
		b.WriteRune(x.r)
	}
	return b.String()
}

func TestBreakLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "和顧客有效溝通", 10, []string{"和顧客有效溝通"}},
		{"between Han", "和顧客有效溝通", 3, []string{"和顧客", "有效溝", "通"}},
		{"no line starts with a comma", "一二三，四五", 3, []string{"一二", "三，四", "五"}},
		{"no line starts with a full stop", "一二三。", 3, []string{"一二", "三。"}},
		{"no line ends with an opening bracket", "一二（三）四", 3, []string{"一二", "（三）", "四"}},
		{"note reference stays whole", "甲乙【註1】丙", 4, []string{"甲乙", "【註1】", "丙"}},
		{"code is one word", "辨識P1.1.1使用", 3.5, []string{"辨識", "P1.1.1", "使用"}},
		{"code after a space", "P1.1.1 辨識使用合宜的溝通策略", 6, []string{"P1.1.1 辨識", "使用合宜的溝", "通策略"}},
		{"short lenticular brackets stay whole", "甲乙丙【註12】丁", 5, []string{"甲乙丙", "【註12】丁"}},
		{"long lenticular brackets break", "【一二三四五六七八九十】", 4, []string{"【一二三", "四五六七", "八九十】"}},
		{"latin breaks at spaces", "hello world foo", 5.5, []string{"hello world", "foo"}},
		{"several spaces are one break", "ab   cd", 1.5, []string{"ab", "cd"}},
		{"latin punctuation sticks", "甲乙丙丁, x", 4, []string{"甲乙丙", "丁, x"}},
		{"newline forces a break", "一\n二三", 10, []string{"一", "二三"}},
		{"empty lines", "\n\n", 10, []string{"", "", ""}},
		{"trailing newline", "一\n", 10, []string{"一", ""}},
		{"leading spaces kept", "  一二", 10, []string{"  一二"}},
		{"too long word is cut", "abcdefghij", 2, []string{"abcd", "efgh", "ij"}},
		{"too long word keeps kinsoku", "abc.def", 1.5, []string{"ab", "c.d", "ef"}},
		{"no break allowed", "（（（（（", 2, []string{"（（（（（"}},
		{"check box sticks to its text", "甲" + string(boxRune) + "乙", 2, []string{"甲", string(boxRune) + "乙"}},
		{"empty", "", 5, []string{""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := testAtoms(tc.text)
			got := lineTexts(a, breakLines(a, tc.width, tc.width))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("breakLines(%q, %g) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

func TestBreakLinesGlue(t *testing.T) {
	// A superscript reference is glued: no normal break inside it.
	a := testAtoms("甲乙丙註12丁")
	for i := 4; i <= 5; i++ {
		a[i].glue = true
	}
	got := lineTexts(a, breakLines(a, 4.5, 4.5))
	want := []string{"甲乙丙", "註12丁"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBreakLinesFirstWidth(t *testing.T) {
	a := testAtoms("一二三四五六七八")
	got := lineTexts(a, breakLines(a, 2, 3))
	want := []string{"一二", "三四五", "六七八"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// checkLines asserts the line breaker's promises for one input.
func checkLines(t *testing.T, text string, width float64) {
	a := testAtoms(text)
	spans := breakLines(a, width, width)
	var rebuilt strings.Builder
	pos := 0
	for i, s := range spans {
		if s.start != pos || s.end < s.start || s.next < s.end || s.next > len(a) {
			t.Fatalf("%q at %g: line %d is %+v after position %d", text, width, i, s, pos)
		}
		rebuilt.WriteString(atomText(a[s.start:s.end]))
		gap := atomText(a[s.end:s.next])
		rebuilt.WriteString(gap)
		pos = s.next
		forced := gap == "\n"
		if gap != "" && !forced && strings.Trim(gap, " \t") != "" {
			t.Fatalf("%q at %g: line %d broke at %q, which is neither spaces nor a newline", text, width, i, gap)
		}
		line := a[s.start:s.end]
		last := i == len(spans)-1
		if !last && !forced {
			if len(line) == 0 {
				t.Fatalf("%q at %g: line %d is empty without a newline", text, width, i)
			}
			if r := line[len(line)-1].r; noEndSet[r] {
				t.Errorf("%q at %g: line %d %q ends with %q", text, width, i, atomText(line), r)
			}
			next := a[s.next:]
			if len(next) > 0 && noStartSet[next[0].r] {
				t.Errorf("%q at %g: line %d starts with %q", text, width, i+1, next[0].r)
			}
		}
		if w := visibleWidth(line); w > width+1e-9 && breakable(line) {
			t.Errorf("%q at %g: line %d %q is %g wide though it could break", text, width, i, atomText(line), w)
		}
	}
	if pos != len(a) {
		t.Fatalf("%q at %g: lines end at %d of %d atoms", text, width, pos, len(a))
	}
	if rebuilt.String() != text {
		t.Fatalf("%q at %g: lines rebuild %q", text, width, rebuilt.String())
	}
}

// visibleWidth is the width of a line without its trailing spaces.
func visibleWidth(line []atom) float64 {
	w := 0.0
	end := len(line)
	for end > 0 && isSpace(line[end-1].r) {
		end--
	}
	for _, x := range line[:end] {
		w += x.w
	}
	return w
}

// breakable reports whether a line has any place where the kinsoku rules
// would let it break: between two non-space characters, or at a run of
// spaces between two characters. Only an unbreakable line may be wider
// than its box.
func breakable(line []atom) bool {
	for k := 1; k < len(line); k++ {
		prev, cur := line[k-1].r, line[k].r
		switch {
		case isSpace(cur):
		case !isSpace(prev):
			if kinsokuOK(prev, cur) {
				return true
			}
		default: // cur ends a run of spaces
			j := k - 1
			for j > 0 && isSpace(line[j-1].r) {
				j--
			}
			if j > 0 && kinsokuOK(line[j-1].r, cur) {
				return true
			}
		}
	}
	return false
}

func TestLinePromises(t *testing.T) {
	texts := []string{
		"P1.1.1 辨識使用合宜的溝通策略【註1】。P1.1.2 根據既有程序【註2】進行訪談。",
		"學歷背景：觀光休閒餐旅 / 商管 / 傳播系所大專以上畢業，具備旅宿業相關（含實習）工作經歷 2 年以上。",
		"K28 法律及法定要求，包括職業安全衛生、消保法、貿易慣例及公平交易法。",
		"a very long English sentence, with commas; and (brackets) that wraps: 100% sure!",
		"「引號」『雙引號』〈書名〉《書名號》〔括號〕……結束。",
		"https://icap.wda.gov.tw/ap/get_file.php?t=download&c=職能基準發展指引.pdf",
	}
	for _, s := range texts {
		for w := 0.5; w <= 20; w += 0.5 {
			checkLines(t, s, w)
		}
	}
}

func FuzzBreak(f *testing.F) {
	f.Add("P1.1.1 辨識使用合宜的溝通策略【註1】。", 4.0)
	f.Add("（「『【〈《〔([{，。、；：？！）」』】〉》〕．,.;:!?)]}%", 1.0)
	f.Add("hello  world\n\nfoo bar", 2.5)
	f.Add("  abc（def）  ", 0.0)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if !utf8.ValidString(s) || width != width || width < 0 || width > 1000 {
			t.Skip()
		}
		checkLines(t, s, width)
	})
}
