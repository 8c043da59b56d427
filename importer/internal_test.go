package importer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/importer/internal/zipfile"
)

// quote's output is read back by the TOML library as the same string.
func TestQuoteRoundTrip(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ backslash`, "line\nbreak", "tab\tand\r", "\x00\x01\x1f\x7f",
		"職能【註1】", "emoji 😀 and 𡘙", `"""`, "'''", "trailing\\",
	} {
		var v struct{ S string }
		if _, err := toml.Decode("S = "+quote(s), &v); err != nil {
			t.Errorf("quote(%q) = %s: %v", s, quote(s), err)
			continue
		}
		if v.S != s {
			t.Errorf("quote(%q) reads back as %q", s, v.S)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		in, want string
		removed  int
	}{
		{"休閒與觀光旅遊 / 旅館管理", "休閒與觀光旅遊/旅館管理", 2},
		{"需求/ 問題", "需求/問題", 1},
		{"工作經歷 2 年以上", "工作經歷 2 年以上", 0},
		{"方案， 方案 【註 7】 可能", "方案，方案【註7】可能", 4},
		{"流程 ■客戶服務 ■維護", "流程\n■客戶服務\n■維護", 0},
		{"  a  \n\n b ", "a\nb", 7},
		{"Excel 與 Word", "Excel 與 Word", 0},
		{"【 註12 】", "【註12】", 2},
		{"客戶【註1 4】", "客戶【註14】", 1},
	}
	for _, tt := range tests {
		got, n := clean(tt.in)
		if got != tt.want || n != tt.removed {
			t.Errorf("clean(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.removed)
		}
	}
}

func TestSplitCoded(t *testing.T) {
	tests := []struct {
		in     string
		letter byte
		want   []string // code|text
	}{
		{"P1.1.1 a。 P1.1.2 b。", 'P', []string{"P1.1.1|a。", "P1.1.2|b。"}},
		{"K01 x\nK02 y\n■z", 'K', []string{"K01|x", "K02|y\n■z"}},
		{"lead K1 x", 'K', []string{"|lead", "K1|x"}},
		{"no code", 'O', []string{"|no code"}},
		{"P2.1 x P2.2y", 'P', []string{"P2.1|x P2.2y"}},
		{"S17.1 x S17.2 y", 'S', []string{"S17.1|x", "S17.2|y"}},
		{"T4.2 研擬活動企劃書", 'T', []string{"T4.2|研擬活動企劃書"}},
		{"P1.1.1辨識", 'P', []string{"P1.1.1|辨識"}},
		{"", 'P', nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range splitCoded(tt.in, tt.letter) {
			got = append(got, c.Code+"|"+c.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitCoded(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// expand resolves row spans, Continue cells and column spans to the cell
// covering each grid position.
func TestExpand(t *testing.T) {
	tab := &grid.Table{Rows: []grid.Row{
		{Cells: []grid.Cell{{Text: "a", Col: 0, ColSpan: 2, RowSpan: 2}, {Text: "b", Col: 2, ColSpan: 1, RowSpan: 1}}},
		{Cells: []grid.Cell{{Text: "c", Col: 2, ColSpan: 1, RowSpan: 1}}},
		{Cells: []grid.Cell{{Text: "d", Col: 0, ColSpan: 1, RowSpan: 1}, {Col: 2, ColSpan: 1, RowSpan: 1, Continue: true}}},
		{Cells: []grid.Cell{{Text: "e", Col: 5000, ColSpan: 1}, {Text: "f", Col: -1}}},
	}}
	got := expand(tab)
	name := func(s slot) string {
		if s.cell == nil {
			return "-"
		}
		if s.origin {
			return strings.ToUpper(s.cell.Text)
		}
		return s.cell.Text
	}
	var rows []string
	for _, r := range got {
		var b strings.Builder
		for _, s := range r {
			b.WriteString(name(s))
		}
		rows = append(rows, b.String())
	}
	want := []string{"AAB", "aaC", "D-c", "---"}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("expand = %q, want %q", rows, want)
	}
}

// A grid without the duty/task table is not a standard.
func TestInterpretNotStandard(t *testing.T) {
	doc := &grid.Document{Blocks: []grid.Block{{Line: &grid.Line{Text: "會議紀錄"}},
		{Table: &grid.Table{Rows: []grid.Row{{Cells: []grid.Cell{{Text: "a", ColSpan: 1, RowSpan: 1}}}}}}}}
	if _, _, err := Interpret(doc); err != ErrNotStandard {
		t.Errorf("error %v, want ErrNotStandard", err)
	}
}

func TestWrap(t *testing.T) {
	for _, s := range []string{
		"import: K01–K07 read as one cell merged over T1.1–T1.2 (the extraction spreads a merged cell's lines over the rows it spans)",
		"import: P1.1.9 cut by a page break and rejoined: 「…巧和組織定位，在」+「權責範圍內，依解…」",
		strings.Repeat("職", 100),
	} {
		lines := wrap(s, 40)
		for _, l := range lines {
			cols := 0
			for _, r := range l {
				cols++
				if wide(r) {
					cols++
				}
			}
			if cols > 40 {
				t.Errorf("line %q is %d columns", l, cols)
			}
		}
		if j := strings.Join(lines, ""); strings.ReplaceAll(j, " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Errorf("wrap(%q) loses text: %q", s, lines)
		}
	}
}

func TestSniff(t *testing.T) {
	pack := func(members ...[2]string) []byte {
		data, err := zipfile.Pack(members...)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"PDF", []byte("%PDF-1.7\n..."), "pdf"},
		{"PDF after junk", append([]byte("junk\n"), "%PDF-1.4"...), "pdf"},
		{"DOCX", pack([2]string{"[Content_Types].xml", "<x/>"}, [2]string{"word/document.xml", "<x/>"}), "docx"},
		{"ODT", pack([2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", "<x/>"}), "odt"},
		{"ODS is no ODT", pack([2]string{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}), "zip"},
		{"broken zip", []byte("PK\x03\x04garbage"), "zip"},
		{"text", []byte("職能基準代碼\tTHM"), "text"},
	}
	for _, tt := range tests {
		if got := Sniff(tt.data); got != tt.want {
			t.Errorf("%s: Sniff = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRanges(t *testing.T) {
	es := func(codes ...string) []Entry {
		var out []Entry
		for _, c := range codes {
			out = append(out, Entry{Code: c})
		}
		return out
	}
	tests := []struct {
		in   []Entry
		want string
	}{
		{es("S01", "S02", "S03", "S04", "S05", "S06", "S12"), "S01–S06, S12"},
		{es("K09", "K10"), "K09–K10"},
		{es("K1"), "K1"},
		{es("K01", "K03", "K04"), "K01, K03–K04"},
	}
	for _, tt := range tests {
		if got := ranges(tt.in); got != tt.want {
			t.Errorf("ranges = %q, want %q", got, tt.want)
		}
	}
}
