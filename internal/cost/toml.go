package cost

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ocs-project/ocs/diag"
)

// Hostile is a family of TOML inputs that made ocs's readers take more
// than linear time (issue 15 items 1 and 2): Make(n) is the input of size
// parameter n, its length proportional to n.
type Hostile struct {
	Name string
	Make func(n int) []byte
}

// HostileTOML returns the families: nesting under an unknown key (inline
// tables and arrays), nesting hidden behind a multi-line string closed by
// four or five quotes, flat unknown tables and keys, and long dotted keys.
func HostileTOML() []Hostile {
	return []Hostile{
		{"deep inline table under an unknown key", func(n int) []byte {
			return []byte("zzz_unknown = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n")
		}},
		{"deep array under an unknown key", func(n int) []byte {
			return []byte("zzz_unknown = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n")
		}},
		{`nesting behind """"`, func(n int) []byte {
			return []byte(`zzz_unknown = ["""a"""", ` + strings.Repeat("[", n) + strings.Repeat("]", n) + "]\n")
		}},
		{`nesting behind '''''`, func(n int) []byte {
			return []byte(`zzz_unknown = ['''a''''', ` + strings.Repeat("[", n) + strings.Repeat("]", n) + "]\n")
		}},
		{"flat unknown tables", func(n int) []byte {
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, "[zzz%d]\nx = 1\n", i)
			}
			return []byte(b.String())
		}},
		{"flat unknown keys", func(n int) []byte {
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, "zzz%d = %d\n", i, i)
			}
			return []byte(b.String())
		}},
		{"unknown keys in nested unknown tables", func(n int) []byte {
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, "[zzz%d.a.b.c]\nx = 1\ny = 2\n", i)
			}
			return []byte(b.String())
		}},
		{"long dotted keys", func(n int) []byte {
			return []byte(strings.Repeat("a.", n) + "b = 1\n")
		}},
	}
}

// Linear checks that read costs at most limit times more on each hostile
// input of size 100·n than on the one of size n, and never panics. read
// gets the input and should return what the reader returns, ignored.
func Linear(t interface {
	Helper()
	Errorf(string, ...any)
}, read func([]byte), limit float64) {
	t.Helper()
	const n = 30
	for _, h := range HostileTOML() {
		small, large := h.Make(n), h.Make(100*n)
		s := Allocs(func() { read(small) })
		l := Allocs(func() { read(large) })
		if s < 1 {
			s = 1
		}
		if l/s > limit {
			t.Errorf("%s: 100× the input costs %.0f× the work (%.0f vs %.0f allocations), more than %.0f×", h.Name, l/s, l, s, limit)
		}
	}
}

// Refused checks that read refuses each hostile input (at size 3000) with
// diag.Problems, the first placed at a line.
func Refused(t interface {
	Helper()
	Errorf(string, ...any)
}, read func([]byte) error) {
	t.Helper()
	for _, h := range HostileTOML() {
		err := read(h.Make(3000))
		var ps diag.Problems
		if !errors.As(err, &ps) || len(ps) == 0 || ps[0].Line == 0 {
			t.Errorf("%s: error %v, want problems placed at a line", h.Name, err)
		}
	}
}
