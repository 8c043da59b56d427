package pdf

import (
	"slices"
	"testing"
)

func TestCharSet(t *testing.T) {
	var s charSet
	in := []rune("職能基準 THM2431 𠀀𩸽 職 a\u0000\uffff")
	want := map[rune]bool{}
	for _, r := range in {
		if got := s.add(r); got != !want[r] {
			t.Errorf("add(%U) = %v, want %v", r, got, !want[r])
		}
		want[r] = true
	}
	var list []rune
	for r := range want {
		list = append(list, r)
	}
	slices.Sort(list)
	if got := s.sorted(); !slices.Equal(got, list) {
		t.Errorf("sorted() = %q, want %q", string(got), string(list))
	}
	var empty charSet
	if got := empty.sorted(); len(got) != 0 {
		t.Errorf("an empty set lists %q", string(got))
	}
}
