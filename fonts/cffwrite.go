package fonts

import (
	"encoding/binary"
	"slices"
)

// cffIndexBytes writes objs as a CFF INDEX.
func cffIndexBytes(objs [][]byte) []byte {
	if len(objs) == 0 {
		return []byte{0, 0}
	}
	total := 1
	for _, o := range objs {
		total += len(o)
	}
	size := 1
	for size < 4 && total >= 1<<(8*size) {
		size++
	}
	out := make([]byte, 0, 3+(len(objs)+1)*size+total)
	out = binary.BigEndian.AppendUint16(out, uint16(len(objs)))
	out = append(out, byte(size))
	put := func(v int) {
		for k := size - 1; k >= 0; k-- {
			out = append(out, byte(v>>(8*k)))
		}
	}
	off := 1
	put(off)
	for _, o := range objs {
		off += len(o)
		put(off)
	}
	for _, o := range objs {
		out = append(out, o...)
	}
	return out
}

// appendOp appends a DICT operator.
func appendOp(b []byte, op int) []byte {
	if op >= 1200 {
		return append(b, 12, byte(op-1200))
	}
	return append(b, byte(op))
}

// appendInt5 appends an integer DICT operand in its five-byte form, whose
// length does not depend on the value: offsets can be filled in after the
// layout is known.
func appendInt5(b []byte, v int) []byte {
	return append(b, 29, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

// dictBytes writes entries, replacing the operands of the operators in
// set by five-byte integers and leaving out the operators in drop.
func dictBytes(es []cffEntry, set map[int][]int, drop map[int]bool) []byte {
	var out []byte
	for _, e := range es {
		if drop[e.op] {
			continue
		}
		if vs, ok := set[e.op]; ok {
			for _, v := range vs {
				out = appendInt5(out, v)
			}
		} else {
			out = append(out, e.raw...)
		}
		out = appendOp(out, e.op)
	}
	return out
}

// subrs returns the subroutines the subset keeps: all of them as they
// are, or the used ones renumbered with their calls rewritten.
func (s *cffSubsetter) subrs(key csKey, subrs [][]byte, used []bool, newG []int, newL [][]int) [][]byte {
	if s.all {
		return subrs
	}
	var out [][]byte
	for i, cs := range subrs {
		if used[i] {
			key.index = i
			out = append(out, s.rewrite(key, cs, newG, newL))
		}
	}
	return out
}

// privateBytes writes a Private DICT followed by its local subroutines,
// the Subrs offset pointing just past the DICT.
func privateBytes(fd cffFD, kept [][]byte) (dict, subrs []byte) {
	if len(kept) == 0 {
		return dictBytes(fd.private, nil, map[int]bool{cffSubrs: true}), nil
	}
	subrs = cffIndexBytes(kept)
	probe := dictBytes(fd.private, map[int][]int{cffSubrs: {0}}, nil)
	return dictBytes(fd.private, map[int][]int{cffSubrs: {len(probe)}}, nil), subrs
}

// write lays the subset out: header, name, top DICT, string and global
// subroutine INDEXes, then charset, FDSelect, CharStrings, FDArray and the
// Private DICTs with their subroutines.
func (s *cffSubsetter) write(names, strs []byte) []byte {
	cid := s.fdOf != nil
	newG := renumber(s.usedG)
	newL := make([][]int, len(s.fds))
	s.countG, s.countL = len(s.gsubrs), make([]int, len(s.fds))
	if !s.all {
		s.countG = slices.Max(append(newG, -1)) + 1
	}
	for i, fd := range s.fds {
		newL[i] = renumber(s.usedL[i])
		s.countL[i] = len(fd.subrs)
		if !s.all {
			s.countL[i] = slices.Max(append(newL[i], -1)) + 1
		}
	}
	glyph := func(g int) []byte {
		if s.all {
			return s.glyphs[g]
		}
		return s.rewrite(csKey{kind: glyphCS, index: g}, s.glyphs[g], newG, newL)
	}
	var glyphs [][]byte
	var charset, fdselect []byte
	if cid {
		charset = []byte{0}
		for _, g := range s.keep {
			glyphs = append(glyphs, glyph(g))
			if g != 0 {
				charset = binary.BigEndian.AppendUint16(charset, s.cids[g])
			}
		}
		fdselect = s.fdSelect()
	} else {
		glyphs = make([][]byte, len(s.glyphs))
		for i := range glyphs {
			glyphs[i] = []byte{14} // endchar: an empty glyph
		}
		for _, g := range s.keep {
			glyphs[g] = glyph(g)
		}
		charset = s.charset
	}
	gsubrs := cffIndexBytes(s.subrs(csKey{kind: globalCS}, s.gsubrs, s.usedG, newG, newL))
	chars := cffIndexBytes(glyphs)
	privs := make([][2][]byte, len(s.fds))
	for i, fd := range s.fds {
		kept := s.subrs(csKey{kind: localCS, fd: i}, fd.subrs, s.usedL[i], newG, newL)
		privs[i][0], privs[i][1] = privateBytes(fd, kept)
	}

	drop := map[int]bool{}
	if e, ok := find(s.top, cffEncoding); ok {
		if v, _ := e.int(0); v > 1 {
			drop[cffEncoding] = true // a custom encoding: PDF selects glyphs by CID
		}
	}
	// Offsets, filled in on the second pass (the sizes do not change).
	var at struct{ charset, fdselect, chars, fdarray int }
	privAt := make([]int, len(s.fds))
	var fdarray []byte
	var topIndex []byte
	for range 2 {
		set := map[int][]int{cffCharStrings: {at.chars}}
		if charset != nil {
			set[cffCharset] = []int{at.charset}
		}
		if cid {
			set[cffFDArray] = []int{at.fdarray}
			set[cffFDSelect] = []int{at.fdselect}
		} else if _, ok := find(s.top, cffPrivate); ok {
			set[cffPrivate] = []int{len(privs[0][0]), privAt[0]}
		}
		topIndex = cffIndexBytes([][]byte{dictBytes(s.top, set, drop)})
		if cid {
			fds := make([][]byte, len(s.fds))
			for i, fd := range s.fds {
				fds[i] = dictBytes(fd.dict, map[int][]int{cffPrivate: {len(privs[i][0]), privAt[i]}}, nil)
			}
			fdarray = cffIndexBytes(fds)
		}
		off := 4 + len(names) + len(topIndex) + len(strs) + len(gsubrs)
		at.charset, off = off, off+len(charset)
		at.fdselect, off = off, off+len(fdselect)
		at.chars, off = off, off+len(chars)
		at.fdarray, off = off, off+len(fdarray)
		for i := range privs {
			privAt[i], off = off, off+len(privs[i][0])+len(privs[i][1])
		}
	}
	out := []byte{1, 0, 4, 4}
	for _, part := range [][]byte{names, topIndex, strs, gsubrs, charset, fdselect, chars, fdarray} {
		out = append(out, part...)
	}
	for _, p := range privs {
		out = append(append(out, p[0]...), p[1]...)
	}
	return out
}

// fdSelect writes the FDSelect of the kept glyphs in format 3 (ranges).
func (s *cffSubsetter) fdSelect() []byte {
	out := []byte{3, 0, 0}
	ranges := 0
	for i, g := range s.keep {
		if i == 0 || s.fdOf[g] != s.fdOf[s.keep[i-1]] {
			out = binary.BigEndian.AppendUint16(out, uint16(i))
			out = append(out, s.fdOf[g])
			ranges++
		}
	}
	binary.BigEndian.PutUint16(out[1:], uint16(ranges))
	return binary.BigEndian.AppendUint16(out, uint16(len(s.keep)))
}
