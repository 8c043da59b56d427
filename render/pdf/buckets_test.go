package pdf

import "testing"

func TestBuckets(t *testing.T) {
	b := newBuckets[string](3)
	b.add(1, "a")
	b.add(1, "b")
	b.add(2, "c")
	for _, tc := range []struct {
		k    uint64
		want string
		ok   bool
	}{
		{1, "b", true}, // the second entry under one hash
		{2, "c", true},
		{3, "", false},
	} {
		got, ok := b.find(tc.k, func(e string) bool { return e == tc.want || !tc.ok })
		if got != tc.want || ok != tc.ok {
			t.Errorf("find(%d) = %q, %v; want %q, %v", tc.k, got, ok, tc.want, tc.ok)
		}
	}
	// A fourth entry passes the bound: the buckets start afresh with it.
	b.add(4, "d")
	if _, ok := b.find(1, func(string) bool { return true }); ok {
		t.Error("entries from before the bound was passed are still found")
	}
	if got, ok := b.find(4, func(string) bool { return true }); !ok || got != "d" {
		t.Errorf("find(4) = %q, %v after starting afresh; want \"d\", true", got, ok)
	}
}
