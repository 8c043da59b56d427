package fonts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// texts turns path, text pairs into Texts.
func texts(pairs ...string) Texts {
	return func(fn func(path, text string)) {
		for i := 0; i+1 < len(pairs); i += 2 {
			fn(pairs[i], pairs[i+1])
		}
	}
}

func TestCheckDefault(t *testing.T) {
	s, err := DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	rep := Check(s, texts(
		"duty[0].title", "人際溝通與協調",
		"duty[0].task[0].title", "和顧客有效溝通𠀀，見【註1】\n第二行",
		"knowledge.K01", "𠀀的用法鿐䶶",
		"knowledge.K02", "𠀀",
	))
	if rep.OK() || rep.Err() == nil {
		t.Fatal("report is OK; want 𠀀 U+20000, 鿐 U+9FD0 and 䶶 U+4DB6 missing")
	}
	var got []string
	for _, c := range rep.Missing {
		got = append(got, fmt.Sprintf("%s %d %s", c, c.Count, strings.Join(c.Paths, ",")))
	}
	want := []string{
		"𠀀 U+20000 3 duty[0].task[0].title,knowledge.K01,knowledge.K02",
		"鿐 U+9FD0 1 knowledge.K01",
		"䶶 U+4DB6 1 knowledge.K01",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("missing:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Distinct characters, not counting the line feed.
	distinct := map[rune]bool{}
	for _, r := range "人際溝通與協調和顧客有效溝通𠀀，見【註1】第二行的用法鿐䶶" {
		distinct[r] = true
	}
	if rep.Chars != len(distinct) {
		t.Errorf("Chars = %d, want %d", rep.Chars, len(distinct))
	}
	msg := rep.Err().Error()
	for _, part := range []string{"3 characters are in none of the fonts", "𠀀 U+20000 in duty[0].task[0].title, knowledge.K01, knowledge.K02", "--fallback-font"} {
		if !strings.Contains(msg, part) {
			t.Errorf("error %q lacks %q", msg, part)
		}
	}
	var me *MissingError
	if !errors.As(rep.Err(), &me) || len(me.Chars) != 3 {
		t.Errorf("Err() is not a *MissingError with 3 characters: %v", rep.Err())
	}
	// The digit 1 is the Latin face's; the rest, but the missing, TW-Kai's.
	if len(rep.Faces) != 2 || rep.Faces[0] != (FaceUse{s.Regular, rep.Chars - 4}) || rep.Faces[1] != (FaceUse{s.Latin, 1}) {
		t.Errorf("Faces = %+v; want TW-Kai %d, OCS Serif 1", rep.Faces, rep.Chars-4)
	}
	if len(rep.Fallback) != 0 {
		t.Errorf("Fallback = %+v; the Latin face is no fallback", rep.Fallback)
	}
}

func TestCheckFallback(t *testing.T) {
	regular, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	extra, err := ParseFile("extra.ttf", testFont{family: "Extra", chars: []rune{'䶶', 0x20000}}.build(), 0)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSet(regular, nil, extra)
	if err != nil {
		t.Fatal(err)
	}
	rep := Check(s, texts("a", "甲䶶", "b", "𠀀"))
	if len(rep.Fallback) != 1 || rep.Fallback[0].Rune != '䶶' || rep.Fallback[0].Face != extra {
		t.Errorf("Fallback = %+v; want 䶶 from Extra", rep.Fallback)
	}
	if len(rep.Missing) != 1 || rep.Missing[0].Rune != 0x20000 || rep.Missing[0].Holder != extra {
		t.Fatalf("Missing = %+v; want 𠀀, held by Extra", rep.Missing)
	}
	if msg := rep.Err().Error(); !strings.Contains(msg, "Extra (extra.ttf) has it, but PDF output cannot draw characters above U+FFFF") {
		t.Errorf("error %q does not explain the U+FFFF limit", msg)
	}
	if len(rep.Faces) != 2 || rep.Faces[1] != (FaceUse{extra, 1}) {
		t.Errorf("Faces = %+v", rep.Faces)
	}
}

func TestDocumentTexts(t *testing.T) {
	s, err := DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	d := &render.Document{
		Meta: render.Meta{Title: "職能基準"},
		Blocks: []render.Block{
			&render.Paragraph{Runs: []render.Run{{Text: "說明"}}},
			&render.Table{Rows: []render.Row{{Cells: []render.Cell{{}, {Paras: []render.Paragraph{{Runs: []render.Run{{Text: "乙𠀀"}}}}}}}}},
		},
	}
	rep := Check(s, DocumentTexts(d))
	if len(rep.Missing) != 1 || rep.Missing[0].Paths[0] != "blocks[1].rows[0].cells[1].paras[0]" {
		t.Errorf("Missing = %+v; want 𠀀 in blocks[1].rows[0].cells[1].paras[0]", rep.Missing)
	}
}

func TestCoverSystemFonts(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "truetype", "cjk")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(sub, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Named like known fonts: the full TW-Kai (here with a character the
	// embedded face lacks, 䶶 U+4DB6), a broken Droid font, WenQuanYi (has
	// 䶶 and 鿐 U+9FD0: only 鿐 should come from it), and the Ext-B file
	// (has 𠀀, which PDF cannot draw).
	write("TW-Kai-98_1.ttf", testFont{family: "TW-Kai", chars: []rune{'䶶'}}.build())
	write("DroidSansFallbackFull.ttf", []byte("not a font"))
	write("wqy-zenhei.ttc", collection(testFont{family: "WenQuanYi Zen Hei", chars: []rune{'䶶', '鿐'}}.build()))
	write("TW-Kai-Ext-B-98_1.ttf", testFont{family: "TW-Kai-ExtB", chars: []rune{0x20000}}.build())
	write("unrelated.ttf", testFont{family: "Unrelated", chars: []rune{'䶷'}}.build())

	base, err := Config{System: true, SystemDirs: []string{filepath.Join(dir, "none"), dir}}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if base.Has('䶶') {
		t.Fatal("Load added system fonts; Cover should, when needed")
	}
	rep := base.Cover(texts("a", "甲乙"))
	if rep.Set != base || !rep.OK() {
		t.Errorf("nothing missing: want the same set back, OK report")
	}
	rep = base.Cover(texts("a", "䶶鿐", "b", "𠀀䶷"))
	var names []string
	for _, f := range rep.Set.Fallbacks {
		names = append(names, f.Name)
	}
	// The system TW-Kai is renamed, since the embedded face has its name.
	if got := strings.Join(names, ","); got != "TW-Kai-2,WenQuanYi Zen Hei" {
		t.Errorf("fallbacks %q; want TW-Kai-2,WenQuanYi Zen Hei", got)
	}
	if len(rep.Missing) != 2 || rep.Missing[0].Rune != 0x20000 || rep.Missing[0].Holder == nil ||
		rep.Missing[0].Holder.Name != "TW-Kai-ExtB" || rep.Missing[1].Rune != '䶷' || rep.Missing[1].Holder != nil {
		t.Errorf("Missing = %+v; want 𠀀 (held by TW-Kai-ExtB) and 䶷", rep.Missing)
	}
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], "DroidSansFallbackFull.ttf") {
		t.Errorf("Skipped = %q; want the broken Droid font", rep.Skipped)
	}
	if f := rep.Set.Face('鿐', true); f == nil || !f.SyntheticBold || f.Name != "WenQuanYi Zen Hei" {
		t.Errorf("bold 鿐 = %v; want synthetic bold WenQuanYi Zen Hei", f)
	}
	// Without System the same texts stay missing.
	plain, err := Config{SystemDirs: []string{dir}}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if rep := plain.Cover(texts("a", "䶶")); rep.OK() || len(rep.Set.Fallbacks) != 0 {
		t.Errorf("System off: want 䶶 missing, got OK=%v fallbacks=%d", rep.OK(), len(rep.Set.Fallbacks))
	}
}

func TestFindSystemFontsOrder(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, p := range []string{
		filepath.Join(a, "z", "UKAI.TTC"),
		filepath.Join(a, "a", "tw-kai-98_1.ttf"),
		filepath.Join(b, "TW-Kai-98_1.ttf"), // a later folder: ignored
		filepath.Join(b, "kaiu.ttf"),
		filepath.Join(b, "other.ttf"),
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := FindSystemFonts([]string{a, b})
	want := []string{filepath.Join(a, "a", "tw-kai-98_1.ttf"), filepath.Join(b, "kaiu.ttf"), filepath.Join(a, "z", "UKAI.TTC")}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("FindSystemFonts = %q, want %q", got, want)
	}
}

func TestWarnings(t *testing.T) {
	fb, err := ParseFile("names.ttf", testFont{family: "Names", chars: []rune{'\uE000', '\uE001'}}.build(), 0)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Config{}.Load()
	if err != nil {
		t.Fatal(err)
	}
	if s, err = NewSet(s.Regular, nil, fb); err != nil {
		t.Fatal(err)
	}
	rep := Check(s, texts(
		"candidate[0].name", "林\uE001",
		"candidate[1].name", "\uE000\uE001",
		"candidate[2].name", "王小明",
	))
	var got []string
	for _, w := range rep.Warnings() {
		got = append(got, w.Path+": "+w.String())
	}
	want := []string{
		"candidate[0].name: \uE001 U+E001 is drawn from the fallback font Names (names.ttf), not from the main font",
		"candidate[1].name: \uE001 U+E001 is drawn from the fallback font Names (names.ttf), not from the main font",
		"candidate[1].name: \uE000 U+E000 is drawn from the fallback font Names (names.ttf), not from the main font",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
