package diff

import (
	"reflect"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []Span
	}{
		{"equal", "溝通紀錄", "溝通紀錄", []Span{{Equal, "溝通紀錄"}}},
		{"both empty", "", "", nil},
		{"added", "", "新增", []Span{{Insert, "新增"}}},
		{"removed", "刪除", "", []Span{{Delete, "刪除"}}},
		{"insert in middle", "根據程序進行訪談", "根據既有程序進行訪談",
			[]Span{{Equal, "根據"}, {Insert, "既有"}, {Equal, "程序進行訪談"}}},
		{"replace word", "辨識使用合宜的溝通策略", "辨識使用適當的溝通策略",
			[]Span{{Equal, "辨識使用"}, {Delete, "合宜"}, {Insert, "適當"}, {Equal, "的溝通策略"}}},
		// 的 alone between two changes is folded into one change.
		{"island folded", "甲的乙", "丙的丁",
			[]Span{{Delete, "甲的乙"}, {Insert, "丙的丁"}}},
		{"two-char island kept", "甲的話乙", "丙的話丁",
			[]Span{{Delete, "甲"}, {Insert, "丙"}, {Equal, "的話"}, {Delete, "乙"}, {Insert, "丁"}}},
		{"latin", "P1.1.1 text", "P1.1.2 text",
			[]Span{{Equal, "P1.1."}, {Delete, "1"}, {Insert, "2"}, {Equal, " text"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.old, tt.new)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Text(%q, %q)\n got %v\nwant %v", tt.old, tt.new, got, tt.want)
			}
			if o, n := sides(got); o != tt.old || n != tt.new {
				t.Errorf("spans give back %q, %q", o, n)
			}
		})
	}
}

// sides rebuilds the old and new texts from spans.
func sides(spans []Span) (string, string) {
	var o, n strings.Builder
	for _, s := range spans {
		if s.Op != Insert {
			o.WriteString(s.Text)
		}
		if s.Op != Delete {
			n.WriteString(s.Text)
		}
	}
	return o.String(), n.String()
}

func TestTextHugeIsLinear(t *testing.T) {
	old := strings.Repeat("甲乙", 5000)
	new := strings.Repeat("乙甲", 5000)
	got := Text(old, new)
	if o, n := sides(got); o != old || n != new {
		t.Fatal("huge diff does not give back its texts")
	}
	if len(got) > 3 {
		t.Errorf("huge texts beyond the cell cap should be one replacement, got %d spans", len(got))
	}
}

// FuzzText checks that any two texts come back from their spans, and that
// no two neighbouring spans have the same operation.
func FuzzText(f *testing.F) {
	for _, s := range [][2]string{{"", ""}, {"溝通紀錄", "溝通記錄"}, {"甲的乙", "丙的丁"}, {"a\xffb", "ab"}, {"P1.1.1", "P1.1.10"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		spans := Text(old, new)
		o, n := sides(spans)
		// Invalid UTF-8 reads as U+FFFD, the way []rune sees it.
		if o != string([]rune(old)) || n != string([]rune(new)) {
			t.Fatalf("Text(%q, %q) gives back %q, %q", old, new, o, n)
		}
		for i := 1; i < len(spans); i++ {
			if spans[i].Op == spans[i-1].Op {
				t.Fatalf("Text(%q, %q): neighbouring spans %v", old, new, spans)
			}
		}
	})
}

func TestCodes(t *testing.T) {
	tests := []struct {
		old, new string
		want     []Span
	}{
		{"S03", "S01", []Span{{Delete, "S03"}, {Equal, " "}, {Insert, "S01"}}},
		{"K01", "K01 K02", []Span{{Equal, "K01 "}, {Insert, "K02"}}},
		{"A01 A02 A03", "A01 A03", []Span{{Equal, "A01 "}, {Delete, "A02"}, {Equal, " A03"}}},
		{"3", "3 5", []Span{{Equal, "3 "}, {Insert, "5"}}},
		{"", "", nil},
	}
	for _, tt := range tests {
		if got := Codes(tt.old, tt.new); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Codes(%q, %q) = %v, want %v", tt.old, tt.new, got, tt.want)
		}
	}
}
