package fonts

import (
	"encoding/binary"
	"fmt"
)

// cffInfo is what a PDF writer needs from a CFF table besides the table
// itself: whether the font is CID-keyed, and then the CID of each glyph.
type cffInfo struct {
	cidKeyed bool
	cids     []uint16 // cids[gid], for a CID-keyed font
}

// readCFF reads the header, the Top DICT and the charset of a CFF
// (version 1) table with numGlyphs glyphs. Every offset is checked; a
// damaged table is an error, never a panic.
func readCFF(b []byte, numGlyphs int) (*cffInfo, error) {
	bad := func(what string) error {
		return fmt.Errorf("%w: the CFF table %s", ErrTruncated, what)
	}
	if len(b) < 4 || b[0] != 1 {
		return nil, bad("has no version 1 header")
	}
	at := int(b[2])               // header size
	_, at, err := cffIndex(b, at) // Name INDEX
	if err != nil {
		return nil, bad("name index " + err.Error())
	}
	top, _, err := cffIndex(b, at) // Top DICT INDEX
	if err != nil || len(top) == 0 {
		return nil, bad("has no top dictionary")
	}
	dict, err := cffDict(top[0])
	if err != nil {
		return nil, bad("top dictionary " + err.Error())
	}
	info := &cffInfo{}
	if _, ok := dict[cffROS]; !ok {
		return info, nil
	}
	info.cidKeyed = true
	cs, ok := dict[cffCharStrings]
	if !ok || len(cs) != 1 {
		return nil, bad("has no CharStrings")
	}
	glyphs, _, err := cffIndex(b, cs[0])
	if err != nil {
		return nil, bad("CharStrings " + err.Error())
	}
	if len(glyphs) == 0 {
		return nil, bad("has no glyphs")
	}
	if len(glyphs) != numGlyphs {
		return nil, bad(fmt.Sprintf("has %d glyphs, maxp says %d", len(glyphs), numGlyphs))
	}
	cset, ok := dict[cffCharset]
	if !ok || len(cset) != 1 || cset[0] <= 2 {
		return nil, bad("of a CID-keyed font has no charset")
	}
	cids, err := cffCharsetCIDs(b, cset[0], numGlyphs)
	if err != nil {
		return nil, bad("charset " + err.Error())
	}
	info.cids = cids
	return info, nil
}

// Top DICT operators read (two-byte operators are 1200 + the second byte).
const (
	cffCharset     = 15
	cffCharStrings = 17
	cffROS         = 1230
)

// cffIndex returns the objects of the INDEX at at, and the offset after it.
func cffIndex(b []byte, at int) ([][]byte, int, error) {
	if at < 0 || at+2 > len(b) {
		return nil, 0, fmt.Errorf("lies outside the table")
	}
	count := int(binary.BigEndian.Uint16(b[at:]))
	if count == 0 {
		return nil, at + 2, nil
	}
	if at+3 > len(b) {
		return nil, 0, fmt.Errorf("lies outside the table")
	}
	size := int(b[at+2])
	if size < 1 || size > 4 {
		return nil, 0, fmt.Errorf("has offset size %d", size)
	}
	offs := at + 3
	base := offs + (count+1)*size - 1 // offsets count from 1
	if base+1 > len(b) {
		return nil, 0, fmt.Errorf("runs past the end of the table")
	}
	off := func(i int) int {
		v := 0
		for _, c := range b[offs+i*size : offs+(i+1)*size] {
			v = v<<8 | int(c)
		}
		return v
	}
	objs := make([][]byte, count)
	prev := off(0)
	if prev != 1 {
		return nil, 0, fmt.Errorf("has first offset %d", prev)
	}
	for i := range objs {
		next := off(i + 1)
		if next < prev || base+next > len(b) {
			return nil, 0, fmt.Errorf("has object %d outside the table", i)
		}
		objs[i] = b[base+prev : base+next]
		prev = next
	}
	return objs, base + prev, nil
}

// cffDict reads the integer operands of each operator of a DICT; real
// operands count as 0, which the operators read here never have.
func cffDict(b []byte) (map[int][]int, error) {
	dict := map[int][]int{}
	var ops []int
	for i := 0; i < len(b); {
		c := int(b[i])
		need := 0
		switch {
		case c <= 21:
			op := c
			i++
			if c == 12 {
				if i >= len(b) {
					return nil, fmt.Errorf("ends inside an operator")
				}
				op, i = 1200+int(b[i]), i+1
			}
			dict[op], ops = ops, nil
			continue
		case c == 28:
			need = 3
		case c == 29:
			need = 5
		case c == 30:
			j := i + 1
			for j < len(b) && b[j]&0x0F != 0x0F && b[j]>>4 != 0x0F {
				j++
			}
			if j >= len(b) {
				return nil, fmt.Errorf("ends inside a number")
			}
			ops, i = append(ops, 0), j+1
			continue
		case c >= 32 && c <= 246:
			need = 1
		case c >= 247 && c <= 254:
			need = 2
		default:
			return nil, fmt.Errorf("has the reserved byte %d", c)
		}
		if i+need > len(b) {
			return nil, fmt.Errorf("ends inside a number")
		}
		var v int
		switch {
		case c == 28:
			v = int(int16(binary.BigEndian.Uint16(b[i+1:])))
		case c == 29:
			v = int(int32(binary.BigEndian.Uint32(b[i+1:])))
		case c <= 246:
			v = c - 139
		case c <= 250:
			v = (c-247)*256 + int(b[i+1]) + 108
		default:
			v = -(c-251)*256 - int(b[i+1]) - 108
		}
		if len(ops) >= 48 {
			return nil, fmt.Errorf("has more than 48 operands")
		}
		ops, i = append(ops, v), i+need
	}
	return dict, nil
}

// cffCharsetCIDs reads the charset at at of a CID-keyed font: the CID of
// each of its n glyphs (glyph 0 is CID 0).
func cffCharsetCIDs(b []byte, at, n int) ([]uint16, error) {
	if at >= len(b) {
		return nil, fmt.Errorf("lies outside the table")
	}
	cids := make([]uint16, 1, n)
	format, p := b[at], at+1
	u16 := func() (int, bool) {
		if p+2 > len(b) {
			return 0, false
		}
		v := int(binary.BigEndian.Uint16(b[p:]))
		p += 2
		return v, true
	}
	for len(cids) < n {
		first, ok := u16()
		if !ok {
			return nil, fmt.Errorf("runs past the end of the table")
		}
		left := 0
		switch format {
		case 0:
		case 1:
			if p >= len(b) {
				return nil, fmt.Errorf("runs past the end of the table")
			}
			left, p = int(b[p]), p+1
		case 2:
			if left, ok = u16(); !ok {
				return nil, fmt.Errorf("runs past the end of the table")
			}
		default:
			return nil, fmt.Errorf("has the unknown format %d", format)
		}
		for cid := first; cid <= first+left && len(cids) < n; cid++ {
			if cid > 0xFFFF {
				return nil, fmt.Errorf("has CID %d", cid)
			}
			cids = append(cids, uint16(cid))
		}
	}
	return cids, nil
}
