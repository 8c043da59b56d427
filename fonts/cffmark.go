package fonts

import (
	"encoding/binary"
	"slices"
)

// markBudget bounds the charstring operators mark runs for one subset: a
// font whose subroutines call each other too often keeps them all.
const markBudget = 1 << 24

// mark finds the subroutines that the kept glyphs call, directly or from
// other subroutines.
func (s *cffSubsetter) mark() {
	s.usedG = make([]bool, len(s.gsubrs))
	s.usedL = make([][]bool, len(s.fds))
	for i, fd := range s.fds {
		s.usedL[i] = make([]bool, len(fd.subrs))
	}
	s.sites = map[csKey][]callSite{}
	budget := markBudget
	for _, g := range s.keep {
		r := &t2run{s: s, budget: &budget}
		if s.fdOf != nil {
			r.fd = int(s.fdOf[g])
		}
		r.run(csKey{kind: glyphCS, index: g}, s.glyphs[g], 0)
		if r.unsure {
			s.all = true
			return
		}
	}
}

// csKey names a charstring: a glyph's, a global subroutine or a local
// subroutine of a font DICT.
type csKey struct {
	kind      int
	fd, index int
}

const (
	glyphCS = iota
	globalCS
	localCS
)

// callSite is where a charstring calls a subroutine: the number operand
// at at, n bytes long, just before the call operator.
type callSite struct {
	at, n  int
	global bool
	fd     int // the font DICT of a local subroutine
	index  int // the subroutine called (its index, bias added)
}

// subrBias is the number added to a subroutine operand (Type 2
// charstrings, section 4.7).
func subrBias(n int) int {
	switch {
	case n < 1240:
		return 107
	case n < 33900:
		return 1131
	}
	return 32768
}

// t2run follows one glyph's Type 2 charstring far enough to know the
// subroutines it calls: the operand stack (for the subroutine numbers)
// and the number of stem hints (for the length of hintmask operands).
type t2run struct {
	s      *cffSubsetter
	fd     int
	stack  []float64
	stems  int
	done   bool // endchar was reached
	unsure bool // the calls cannot be known: keep every subroutine
	budget *int
}

func (r *t2run) push(v float64) {
	if len(r.stack) >= 48 { // the limit of Type 2 charstrings
		r.unsure = true
		return
	}
	r.stack = append(r.stack, v)
}

// run follows charstring cs, named key, recording its call sites the first
// time it runs; a later run that finds other call sites (hint masks of
// another length) makes the subset keep every subroutine.
func (r *t2run) run(key csKey, cs []byte, depth int) {
	if depth > 10 { // the nesting limit of Type 2 charstrings
		r.unsure = true
		return
	}
	first := false
	if _, ok := r.s.sites[key]; !ok {
		first = true
		r.s.sites[key] = []callSite{}
	}
	var sites []callSite
	defer func() {
		if first {
			r.s.sites[key] = sites
		} else if !r.unsure && !r.done && !slices.Equal(r.s.sites[key], sites) {
			r.unsure = true
		}
	}()
	last := [2]int{-1, 0} // offset and length of the number just read
	for i := 0; i < len(cs) && !r.done && !r.unsure; {
		if *r.budget--; *r.budget < 0 {
			r.unsure = true
			return
		}
		c := int(cs[i])
		need := 1
		switch {
		case c == 28:
			need = 3
		case c >= 247 && c <= 254:
			need = 2
		case c == 255:
			need = 5
		case c == 12:
			need = 2
		}
		if i+need > len(cs) {
			r.unsure = true
			return
		}
		num := last
		last = [2]int{-1, 0}
		switch {
		case c >= 32 && c <= 246:
			r.push(float64(c - 139))
			last = [2]int{i, need}
		case c == 28:
			r.push(float64(int16(binary.BigEndian.Uint16(cs[i+1:]))))
			last = [2]int{i, need}
		case c >= 247 && c <= 250:
			r.push(float64((c-247)*256 + int(cs[i+1]) + 108))
			last = [2]int{i, need}
		case c >= 251 && c <= 254:
			r.push(float64(-(c-251)*256 - int(cs[i+1]) - 108))
			last = [2]int{i, need}
		case c == 255:
			r.push(float64(int32(binary.BigEndian.Uint32(cs[i+1:]))) / 65536)
		case c == 1 || c == 3 || c == 18 || c == 23: // stem hints
			r.stems += len(r.stack) / 2
			r.stack = r.stack[:0]
		case c == 19 || c == 20: // hintmask, cntrmask: operands are vstems
			r.stems += len(r.stack) / 2
			r.stack = r.stack[:0]
			need += (r.stems + 7) / 8
		case c == 10 || c == 29: // callsubr, callgsubr
			if num[0] < 0 { // the number was not written just before the call
				r.unsure = true
				return
			}
			sites = append(sites, callSite{at: num[0], n: num[1], global: c == 29, fd: r.fd})
			sites[len(sites)-1].index = r.call(c == 29, depth)
		case c == 11: // return
			return
		case c == 14: // endchar; with 4 operands an accented glyph (seac)
			if len(r.stack) >= 4 {
				r.unsure = true
			}
			r.done = true
			return
		case c == 12:
			switch cs[i+1] {
			case 0, 34, 35, 36, 37: // dotsection and the flex operators
				r.stack = r.stack[:0]
			default: // arithmetic and storage: subroutine numbers could be computed
				r.unsure = true
			}
		case c == 0 || c == 2 || c == 9 || c == 13 || c == 15 || c == 16 || c == 17:
			r.unsure = true // reserved
		default: // path construction operators
			r.stack = r.stack[:0]
		}
		i += need
	}
}

// call marks and runs the subroutine whose number is on top of the stack,
// and returns its index.
func (r *t2run) call(global bool, depth int) int {
	if len(r.stack) == 0 {
		r.unsure = true
		return 0
	}
	v := r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
	key := csKey{kind: localCS, fd: r.fd}
	subrs, used := r.s.fds[r.fd].subrs, r.s.usedL[r.fd]
	if global {
		key = csKey{kind: globalCS}
		subrs, used = r.s.gsubrs, r.s.usedG
	}
	n := int(v) + subrBias(len(subrs))
	if float64(int(v)) != v || n < 0 || n >= len(subrs) {
		r.unsure = true
		return 0
	}
	used[n] = true
	key.index = n
	r.run(key, subrs[n], depth+1)
	return n
}

// renumber gives the subroutines kept their new numbers: used ones in
// their order, the others none (-1).
func renumber(used []bool) []int {
	out := make([]int, len(used))
	n := 0
	for i, u := range used {
		out[i] = -1
		if u {
			out[i], n = n, n+1
		}
	}
	return out
}

// rewrite returns charstring cs, named key, with the operands of its
// subroutine calls changed to the new numbers.
func (s *cffSubsetter) rewrite(key csKey, cs []byte, newG []int, newL [][]int) []byte {
	sites := s.sites[key]
	if len(sites) == 0 {
		return cs
	}
	out := make([]byte, 0, len(cs)+4)
	prev := 0
	for _, st := range sites {
		out = append(out, cs[prev:st.at]...)
		if st.global {
			out = appendT2Int(out, newG[st.index]-subrBias(s.countG))
		} else {
			out = appendT2Int(out, newL[st.fd][st.index]-subrBias(s.countL[st.fd]))
		}
		prev = st.at + st.n
	}
	return append(out, cs[prev:]...)
}

// appendT2Int appends v as a Type 2 charstring integer operand, in its
// shortest form.
func appendT2Int(b []byte, v int) []byte {
	switch {
	case v >= -107 && v <= 107:
		return append(b, byte(v+139))
	case v >= 108 && v <= 1131:
		v -= 108
		return append(b, byte(v/256+247), byte(v%256))
	case v >= -1131 && v <= -108:
		v = -v - 108
		return append(b, byte(v/256+251), byte(v%256))
	}
	return append(b, 28, byte(v>>8), byte(v))
}
