package diff

import (
	"fmt"
	"testing"
	"time"

	"github.com/ocs-project/ocs/standard"
)

// synthetic builds a standard of 10 duties × 5 tasks × 6 indicators (300
// indicators) of pseudo-random Han text, the same for both versions,
// with 60 K and 60 S items. With revised set, one indicator in
// seven is reworded, one task in nine moves to the next duty, and the
// catalogue gains an item at its head, renumbering the rest.
func synthetic(revised bool) *standard.Standard {
	s := &standard.Standard{Occupation: "測試專員", Level: 3}
	seed := uint32(1)
	words := func(n int) string { // n pseudo-random common Han characters
		r := make([]rune, n)
		for k := range r {
			seed = seed*1664525 + 1013904223
			r[k] = 0x4E00 + rune(seed>>16)%3000
		}
		return string(r)
	}
	for i := 0; i < 10; i++ {
		s.Duties = append(s.Duties, standard.Duty{Title: words(6)})
	}
	n := 0
	for i := 0; i < 10; i++ {
		for j := 0; j < 5; j++ {
			t := standard.Task{Title: words(8), Level: 3}
			var b standard.Block
			for k := 0; k < 6; k++ {
				a, c := words(10), words(12)
				text := a + "，" + c + "。"
				if revised && n%7 == 0 {
					text = a + "，並於期限內" + c + "。"
				}
				b.Indicators = append(b.Indicators, standard.Entry{Text: text})
				n++
			}
			b.Outputs = []standard.Entry{{Text: words(5)}}
			k := (i*5 + j) % 60
			b.Knowledge = []standard.Ref{{Code: fmt.Sprintf("K%02d", k+1)}}
			b.Skills = []standard.Ref{{Code: fmt.Sprintf("S%02d", k+1)}}
			t.Blocks = []standard.Block{b}
			d := i
			if revised && (i*5+j)%9 == 0 && i < 9 {
				d = i + 1
			}
			s.Duties[d].Tasks = append(s.Duties[d].Tasks, t)
		}
	}
	if revised {
		s.Knowledge = append(s.Knowledge, standard.Item{Text: "新增之知識項目"})
	}
	for k := 0; k < 60; k++ {
		s.Knowledge = append(s.Knowledge, standard.Item{Text: words(9)})
		s.Skills = append(s.Skills, standard.Item{Text: words(9)})
	}
	number(s)
	standard.Normalize(s)
	return s
}

// number sets the codes of a synthetic standard by position.
func number(s *standard.Standard) {
	for i := range s.Knowledge {
		s.Knowledge[i].Code = fmt.Sprintf("K%02d", i+1)
	}
	for i := range s.Skills {
		s.Skills[i].Code = fmt.Sprintf("S%02d", i+1)
	}
}

func BenchmarkDiff300(b *testing.B) {
	old, new := synthetic(false), synthetic(true)
	b.ReportAllocs()
	for b.Loop() {
		r, err := Compare(old, new)
		if err != nil {
			b.Fatal(err)
		}
		if r.Equal() {
			b.Fatal("revised standard reported equal")
		}
	}
}

func TestSynthetic300(t *testing.T) {
	old, new := synthetic(false), synthetic(true)
	n := 0
	for _, d := range old.Duties {
		for _, tk := range d.Tasks {
			n += len(tk.Blocks[0].Indicators)
		}
	}
	if n != 300 {
		t.Fatalf("synthetic standard has %d indicators, want 300", n)
	}
	r, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var reworded, added int
	for _, c := range r.Changes {
		if c.Item == Indicator && c.Action == Changed {
			reworded++
		}
		if c.Item == Indicator && (c.Action == Added || c.Action == Removed) {
			added++
		}
	}
	// Indicators 0, 7, 14, … 294: 43 reworded, none added or removed.
	if reworded != 43 || added != 0 {
		t.Errorf("reworded %d, added or removed %d; want 43 and 0", reworded, added)
	}
}

// TestCompareUnrelatedIsBounded compares two large standards that share
// nothing: similarity matching is capped, so it stays fast.
func TestCompareUnrelatedIsBounded(t *testing.T) {
	a, b := synthetic(false), synthetic(false)
	for i := range b.Duties {
		for j := range b.Duties[i].Tasks {
			for k := range b.Duties[i].Tasks[j].Blocks {
				bl := &b.Duties[i].Tasks[j].Blocks[k]
				for n := range bl.Indicators {
					bl.Indicators[n].Text = "全新" + string(rune(0x5000+i*100+j*10+n))
				}
			}
		}
	}
	for range 4 { // 16 × 300 = 4800 indicators a side
		a.Duties = append(a.Duties, a.Duties...)
		b.Duties = append(b.Duties, b.Duties...)
	}
	start := time.Now()
	if _, err := Compare(a, b); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("unrelated standards took %v", d)
	}
}
