package evict

import (
	"slices"
	"testing"
)

func TestEvict(t *testing.T) {
	tests := []struct {
		name    string
		keep    int      // entries the cache may hold
		used    []string // entries used since kept
		dropped []string
		left    []string
	}{
		{"oldest first", 2, nil, []string{"a", "b"}, []string{"c", "d"}},
		{"a used entry is spared once", 2, []string{"a"}, []string{"b", "c"}, []string{"d", "a"}},
		{"all used: each spared once, then the oldest go", 2, []string{"a", "b", "c", "d"}, []string{"a", "b"}, []string{"c", "d"}},
		{"room for all", 4, nil, nil, []string{"a", "b", "c", "d"}},
		{"none kept", 0, []string{"b"}, []string{"a", "c", "d", "b"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var q Queue[string]
			live := map[string]bool{}
			for _, k := range []string{"a", "b", "c", "d"} {
				q.Push(k)
				live[k] = slices.Contains(tc.used, k)
			}
			var dropped []string
			q.Evict(func() bool { return q.Len() > tc.keep },
				func(k string) bool {
					u := live[k]
					live[k] = false
					return u
				},
				func(k string) { dropped = append(dropped, k) })
			if !slices.Equal(dropped, tc.dropped) {
				t.Errorf("dropped %v, want %v", dropped, tc.dropped)
			}
			if !slices.Equal(q.keys, tc.left) {
				t.Errorf("left %v, want %v", q.keys, tc.left)
			}
		})
	}
}

func TestRemove(t *testing.T) {
	var q Queue[int]
	for k := range 4 {
		q.Push(k)
	}
	q.Remove(2)
	q.Remove(7)
	if !slices.Equal(q.keys, []int{0, 1, 3}) || q.Len() != 3 {
		t.Errorf("keys %v after removing 2 and 7", q.keys)
	}
}
