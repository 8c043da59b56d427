package diff

import "strings"

// Op says what a span of text is in a character diff.
type Op int

// Span operations.
const (
	Equal  Op = iota // in both texts
	Delete           // only in the old text
	Insert           // only in the new text
)

// Span is a piece of a character diff: text kept, deleted or inserted.
type Span struct {
	Op   Op
	Text string
}

// maxCells bounds the work of one character diff: texts whose unmatched
// middles would need more comparisons than this are marked as one deletion
// and one insertion instead, so a huge field never costs more than linear
// time.
const maxCells = 1 << 21

// island is the longest run of equal characters between two changes that
// is folded into the change around it: a single kept character inside a
// rewritten phrase reads worse than the phrase struck and rewritten.
const island = 1

// Text returns the character diff of old and new: the spans that turn old
// into new, compared rune by rune (CJK text has no spaces to compare words
// by). Equal islands of one character between two changes are folded into
// the change, and within each changed region the deletion comes before the
// insertion.
func Text(old, new string) []Span {
	a, b := []rune(old), []rune(new)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var ops []Op // one op per rune of the middle, in edit-script order
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	if len(ma)*len(mb) > maxCells {
		ops = make([]Op, 0, len(ma)+len(mb))
		for range ma {
			ops = append(ops, Delete)
		}
		for range mb {
			ops = append(ops, Insert)
		}
	} else {
		ops = lcsScript(ma, mb)
	}
	var out []Span
	if p > 0 {
		out = append(out, Span{Equal, string(a[:p])})
	}
	out = append(out, group(ops, ma, mb)...)
	if s > 0 {
		out = append(out, Span{Equal, string(a[len(a)-s:])})
	}
	return merge(out)
}

// lcsScript returns an edit script turning a into b along a longest common
// subsequence: Equal consumes a rune of both, Delete one of a, Insert one of b.
func lcsScript(a, b []rune) []Op {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		ops := make([]Op, 0, n+m)
		for range a {
			ops = append(ops, Delete)
		}
		for range b {
			ops = append(ops, Insert)
		}
		return ops
	}
	// l[i*(m+1)+j] is the LCS length of a[i:] and b[j:].
	w := m + 1
	l := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i*w+j] = l[(i+1)*w+j+1] + 1
			} else if l[(i+1)*w+j] >= l[i*w+j+1] {
				l[i*w+j] = l[(i+1)*w+j]
			} else {
				l[i*w+j] = l[i*w+j+1]
			}
		}
	}
	ops := make([]Op, 0, n+m)
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			ops = append(ops, Equal)
			i++
			j++
		case l[(i+1)*w+j] >= l[i*w+j+1]:
			ops = append(ops, Delete)
			i++
		default:
			ops = append(ops, Insert)
			j++
		}
	}
	for ; i < n; i++ {
		ops = append(ops, Delete)
	}
	for ; j < m; j++ {
		ops = append(ops, Insert)
	}
	return ops
}

// group turns an edit script over a and b into spans: changed regions
// become one deletion then one insertion, and equal islands of at most
// island runes between two changes join the change.
func group(ops []Op, a, b []rune) []Span {
	var out []Span
	var del, ins []rune
	flush := func() {
		if len(del) > 0 {
			out = append(out, Span{Delete, string(del)})
		}
		if len(ins) > 0 {
			out = append(out, Span{Insert, string(ins)})
		}
		del, ins = nil, nil
	}
	i, j := 0, 0
	for k := 0; k < len(ops); {
		if ops[k] != Equal {
			if ops[k] == Delete {
				del = append(del, a[i])
				i++
			} else {
				ins = append(ins, b[j])
				j++
			}
			k++
			continue
		}
		e := k
		for e < len(ops) && ops[e] == Equal {
			e++
		}
		n := e - k
		changed := len(del)+len(ins) > 0
		if changed && n <= island && e < len(ops) {
			// A tiny island between two changes: fold it in.
			del = append(del, a[i:i+n]...)
			ins = append(ins, b[j:j+n]...)
		} else {
			flush()
			out = append(out, Span{Equal, string(a[i : i+n])})
		}
		i += n
		j += n
		k = e
	}
	flush()
	return out
}

// merge joins neighbouring spans of the same operation.
func merge(in []Span) []Span {
	var out []Span
	for _, s := range in {
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == s.Op {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

// Codes returns the diff of two space-separated lists of codes, such as a
// task's references "K01 K02" and "K01 K05": whole codes are kept,
// deleted or inserted, never parts of one, with a kept space between any
// two codes.
func Codes(old, new string) []Span {
	ids := map[string]rune{}
	var names []string
	enc := func(s string) []rune {
		var r []rune
		for _, f := range strings.Fields(s) {
			id, ok := ids[f]
			if !ok {
				id = rune(len(names))
				ids[f] = id
				names = append(names, f)
			}
			r = append(r, id)
		}
		return r
	}
	a, b := enc(old), enc(new)
	var out []Span
	i, j := 0, 0
	for _, op := range lcsScript(a, b) {
		if len(out) > 0 {
			out = append(out, Span{Equal, " "})
		}
		var id rune
		switch op {
		case Equal:
			id = a[i]
			i++
			j++
		case Delete:
			id = a[i]
			i++
		default:
			id = b[j]
			j++
		}
		out = append(out, Span{op, names[id]})
	}
	return merge(out)
}
