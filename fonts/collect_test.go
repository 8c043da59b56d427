package fonts

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestCollectFields(t *testing.T) {
	chars := collect(texts(
		"a", "甲乙甲",
		"b", "乙",
		"a", "甲丙", // a field yielded again counts once
		"c", "甲",
	), nil)
	var got []string
	for _, c := range chars {
		got = append(got, fmt.Sprintf("%c %d %d %s", c.Rune, c.Count, c.Fields, strings.Join(c.Paths, ",")))
	}
	want := "甲 4 2 a,c|乙 2 2 a,b|丙 1 1 a"
	if strings.Join(got, "|") != want {
		t.Errorf("collect = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestCollectKeepsMaxPaths(t *testing.T) {
	n := MaxPaths*3 + 7
	chars := collect(func(fn func(path, text string)) {
		for i := range n {
			fn(fmt.Sprintf("task[%d]", i), "喆")
		}
	}, nil)
	c := chars[0]
	if c.Count != n || c.Fields != n || len(c.Paths) != MaxPaths || c.Paths[MaxPaths-1] != fmt.Sprintf("task[%d]", MaxPaths-1) {
		t.Fatalf("Count %d, Fields %d, %d paths ending %q; want %d, %d, %d ending task[%d]",
			c.Count, c.Fields, len(c.Paths), c.Paths[len(c.Paths)-1], n, n, MaxPaths, MaxPaths-1)
	}
	msg := (&MissingError{Chars: []Char{*c}}).Error()
	if want := fmt.Sprintf("in task[0], task[1], task[2] and %d more;", n-3); !strings.Contains(msg, want) {
		t.Errorf("message %q lacks %q", msg, want)
	}
}

// TestCollectLinear checks that collecting the characters of ten times
// as many fields costs about ten times as much, not a hundred: a roster
// or standard with many fields that share their characters (as names and
// task titles do) used to cost time quadratic in the number of fields.
// It compares one run over 10n fields with ten runs over n fields, which
// take about as long, so a busy machine slows both alike.
func TestCollectLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing comparison")
	}
	const line = "依據顧客需求規劃服務流程並執行品質檢核與改善措施，確保作業符合安全衛生規範。"
	fields := func(n int) Texts {
		paths := make([]string, n)
		for i := range paths {
			paths[i] = fmt.Sprintf("duty[%d].task[%d].title", i/10, i%10)
		}
		return func(fn func(path, text string)) {
			for _, p := range paths {
				fn(p, line)
			}
		}
	}
	const n, bound = 1000, 3
	small, large := fields(n), fields(10*n)
	var ratios []float64
	for range 5 {
		runtime.GC()
		start := time.Now()
		for range 10 {
			collect(small, nil)
		}
		tens := time.Since(start)
		runtime.GC()
		start = time.Now()
		collect(large, nil)
		one := time.Since(start)
		ratio := float64(one) / float64(tens)
		if ratio <= bound {
			t.Logf("10 × %d fields: %v; %d fields: %v (%.1f×)", n, tens, 10*n, one, ratio)
			return
		}
		ratios = append(ratios, ratio)
	}
	// The old scan of the fields already seen took about 10× as long.
	t.Errorf("%d fields took %.1f times as long as 10 × %d fields; want about as long (linear cost)", 10*n, ratios, n)
}
