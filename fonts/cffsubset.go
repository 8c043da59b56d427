package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// SubsetCFF returns a CFF table that holds only the glyphs gids of p's
// (and .notdef), for a PDF to embed as FontFile3 instead of the whole
// table: a Noto or Source Han face is 10–20 MB, the glyphs of one
// document a few hundred kilobytes.
//
// The codes a PDF content stream uses stay valid. A CID-keyed font keeps
// each glyph's CID: its glyphs are renumbered and the new charset maps
// them to their old CIDs. A name-keyed font keeps its glyph indexes, the
// glyphs not drawn becoming empty. Subroutines no kept glyph calls are
// emptied, keeping the numbering of the others; when a charstring does
// something that hides which subroutine it calls (arithmetic on the
// operand stack), every subroutine is kept.
func (p *Program) SubsetCFF(gids []int) ([]byte, error) {
	if !p.CFF {
		return nil, fmt.Errorf("the font has no CFF outlines")
	}
	out, err := subsetCFF(p.Table, gids)
	if err != nil {
		return nil, fmt.Errorf("%w: the CFF table %v", ErrTruncated, err)
	}
	return out, nil
}

// cffEntry is one operator of a DICT with its operands as written.
type cffEntry struct {
	op   int
	raw  []byte // the operand bytes
	ints []int
}

// cffEntries reads a DICT in order, keeping each operator's operand bytes.
func cffEntries(b []byte) ([]cffEntry, error) {
	var es []cffEntry
	start := 0
	for i := 0; i < len(b); {
		if b[i] <= 21 {
			op, j := int(b[i]), i+1
			if op == 12 {
				if j >= len(b) {
					return nil, fmt.Errorf("a DICT ends inside an operator")
				}
				op, j = 1200+int(b[j]), j+1
			}
			d, err := cffDict(b[start:j])
			if err != nil {
				return nil, err
			}
			es = append(es, cffEntry{op: op, raw: b[start:i], ints: d[op]})
			start, i = j, j
			continue
		}
		n, err := cffOperandLen(b, i)
		if err != nil {
			return nil, err
		}
		i += n
	}
	if start != len(b) {
		return nil, fmt.Errorf("a DICT ends with operands and no operator")
	}
	return es, nil
}

// cffOperandLen is the length of the DICT operand at i.
func cffOperandLen(b []byte, i int) (int, error) {
	switch c := b[i]; {
	case c == 28:
		return 3, nil
	case c == 29:
		return 5, nil
	case c == 30:
		for j := i + 1; j < len(b); j++ {
			if b[j]&0x0F == 0x0F || b[j]>>4 == 0x0F {
				return j + 1 - i, nil
			}
		}
		return 0, fmt.Errorf("a DICT ends inside a number")
	case c >= 32 && c <= 246:
		return 1, nil
	case c >= 247 && c <= 254:
		return 2, nil
	}
	return 0, fmt.Errorf("a DICT has the reserved byte %d", b[i])
}

func (e cffEntry) int(k int) (int, bool) {
	if k >= len(e.ints) {
		return 0, false
	}
	return e.ints[k], true
}

func find(es []cffEntry, op int) (cffEntry, bool) {
	for _, e := range es {
		if e.op == op {
			return e, true
		}
	}
	return cffEntry{}, false
}

// Operators whose operands are offsets (two-byte ones are 1200 + the
// second byte).
const (
	cffEncoding = 16
	cffPrivate  = 18
	cffSubrs    = 19
	cffFDArray  = 1236
	cffFDSelect = 1237
)

// cffFD is a font DICT of a CID-keyed font (or the top DICT's private
// part of a name-keyed one): its DICT, its Private DICT and local
// subroutines.
type cffFD struct {
	dict    []cffEntry
	private []cffEntry
	subrs   [][]byte
}

func readFD(b []byte, dict []cffEntry) (cffFD, error) {
	fd := cffFD{dict: dict}
	e, ok := find(dict, cffPrivate)
	size, ok1 := e.int(0)
	off, ok2 := e.int(1)
	if !ok {
		return fd, nil // no Private DICT: allowed, no subroutines
	}
	if !ok1 || !ok2 || size < 0 || off < 0 || off+size > len(b) {
		return fd, fmt.Errorf("has a Private DICT outside the table")
	}
	priv, err := cffEntries(b[off : off+size])
	if err != nil {
		return fd, err
	}
	fd.private = priv
	if s, ok := find(priv, cffSubrs); ok {
		rel, _ := s.int(0)
		if rel <= 0 || off+rel >= len(b) {
			return fd, fmt.Errorf("has local subroutines outside the table")
		}
		if fd.subrs, _, err = cffIndex(b, off+rel); err != nil {
			return fd, fmt.Errorf("local subroutines %v", err)
		}
	}
	return fd, nil
}

func subsetCFF(b []byte, gids []int) ([]byte, error) {
	if len(b) < 4 || b[0] != 1 {
		return nil, fmt.Errorf("has no version 1 header")
	}
	nameStart := int(b[2])
	_, topStart, err := cffIndex(b, nameStart)
	if err != nil {
		return nil, fmt.Errorf("name index %v", err)
	}
	tops, strStart, err := cffIndex(b, topStart)
	if err != nil || len(tops) != 1 {
		return nil, fmt.Errorf("has no single top dictionary")
	}
	_, gsubrStart, err := cffIndex(b, strStart)
	if err != nil {
		return nil, fmt.Errorf("string index %v", err)
	}
	gsubrs, _, err := cffIndex(b, gsubrStart)
	if err != nil {
		return nil, fmt.Errorf("global subroutines %v", err)
	}
	top, err := cffEntries(tops[0])
	if err != nil {
		return nil, err
	}
	csEntry, _ := find(top, cffCharStrings)
	csAt, ok := csEntry.int(0)
	if !ok {
		return nil, fmt.Errorf("has no CharStrings")
	}
	glyphs, _, err := cffIndex(b, csAt)
	if err != nil || len(glyphs) == 0 {
		return nil, fmt.Errorf("has no readable CharStrings")
	}
	if t, ok := find(top, 1206); ok && len(t.ints) == 1 && t.ints[0] != 2 {
		return nil, fmt.Errorf("has charstring type %d, not 2", t.ints[0])
	}
	keep := []int{0}
	for _, g := range gids {
		if g < 0 || g >= len(glyphs) {
			return nil, fmt.Errorf("has no glyph %d", g)
		}
		keep = append(keep, g)
	}
	slices.Sort(keep)
	keep = slices.Compact(keep)

	s := &cffSubsetter{b: b, top: top, glyphs: glyphs, keep: keep, gsubrs: gsubrs}
	_, cid := find(top, cffROS)
	if cid {
		err = s.readCID()
	} else {
		err = s.readNameKeyed()
	}
	if err != nil {
		return nil, err
	}
	s.mark()
	return s.write(b[nameStart:topStart], b[strStart:gsubrStart]), nil
}

// cffSubsetter holds what subsetCFF reads and marks.
type cffSubsetter struct {
	b       []byte
	top     []cffEntry
	glyphs  [][]byte
	keep    []int // old glyph indexes kept, ascending, with 0
	gsubrs  [][]byte
	fds     []cffFD
	fdOf    []byte   // fdOf[old gid], CID-keyed only
	cids    []uint16 // cids[old gid], CID-keyed only
	charset []byte   // name-keyed: the charset as written, or nil (predefined)

	usedG []bool
	usedL [][]bool
	all   bool // keep every subroutine
	sites map[csKey][]callSite
	// countG and countL are the numbers of global and local subroutines
	// the subset keeps, which set the bias of their numbers.
	countG int
	countL []int
}

func (s *cffSubsetter) readCID() error {
	b, n := s.b, len(s.glyphs)
	e, _ := find(s.top, cffCharset)
	at, _ := e.int(0)
	cids, err := cffCharsetCIDs(b, at, n)
	if err != nil {
		return fmt.Errorf("charset %v", err)
	}
	s.cids = cids
	e, _ = find(s.top, cffFDArray)
	at, ok := e.int(0)
	if !ok {
		return fmt.Errorf("of a CID-keyed font has no FDArray")
	}
	dicts, _, err := cffIndex(b, at)
	if err != nil || len(dicts) == 0 || len(dicts) > 255 {
		return fmt.Errorf("has no readable FDArray")
	}
	for i, d := range dicts {
		es, err := cffEntries(d)
		if err != nil {
			return fmt.Errorf("font DICT %d: %v", i, err)
		}
		fd, err := readFD(b, es)
		if err != nil {
			return fmt.Errorf("font DICT %d %v", i, err)
		}
		s.fds = append(s.fds, fd)
	}
	e, _ = find(s.top, cffFDSelect)
	at, ok = e.int(0)
	if !ok || at <= 0 || at >= len(b) {
		return fmt.Errorf("of a CID-keyed font has no FDSelect")
	}
	s.fdOf, err = readFDSelect(b[at:], n, len(s.fds))
	if err != nil {
		return fmt.Errorf("FDSelect %v", err)
	}
	return nil
}

// readFDSelect reads an FDSelect (format 0 or 3) of n glyphs into the
// font DICT index of each.
func readFDSelect(b []byte, n, fds int) ([]byte, error) {
	out := make([]byte, n)
	switch b[0] {
	case 0:
		if len(b) < 1+n {
			return nil, fmt.Errorf("runs past the end of the table")
		}
		copy(out, b[1:1+n])
	case 3:
		if len(b) < 3 {
			return nil, fmt.Errorf("runs past the end of the table")
		}
		ranges := int(binary.BigEndian.Uint16(b[1:]))
		if len(b) < 3+3*ranges+2 {
			return nil, fmt.Errorf("runs past the end of the table")
		}
		covered := 0
		for i := range ranges {
			r := b[3+3*i:]
			first, next := int(binary.BigEndian.Uint16(r)), int(binary.BigEndian.Uint16(r[3:]))
			if i == ranges-1 {
				next = int(binary.BigEndian.Uint16(b[3+3*ranges:]))
			}
			if first != covered || next < first || next > n {
				return nil, fmt.Errorf("has ranges out of order")
			}
			for g := first; g < next; g++ {
				out[g] = r[2]
			}
			covered = next
		}
		if covered != n {
			return nil, fmt.Errorf("covers %d of %d glyphs", covered, n)
		}
	default:
		return nil, fmt.Errorf("has the unknown format %d", b[0])
	}
	for _, fd := range out {
		if int(fd) >= fds {
			return nil, fmt.Errorf("names font DICT %d of %d", fd, fds)
		}
	}
	return out, nil
}

func (s *cffSubsetter) readNameKeyed() error {
	fd, err := readFD(s.b, s.top)
	if err != nil {
		return err
	}
	s.fds = []cffFD{fd}
	e, _ := find(s.top, cffCharset)
	if at, ok := e.int(0); ok && at > 2 {
		n, err := charsetLen(s.b, at, len(s.glyphs))
		if err != nil {
			return fmt.Errorf("charset %v", err)
		}
		s.charset = s.b[at : at+n]
	}
	return nil
}

// charsetLen is the length in bytes of the charset at at for n glyphs.
func charsetLen(b []byte, at, n int) (int, error) {
	if at >= len(b) {
		return 0, fmt.Errorf("lies outside the table")
	}
	p, left := at+1, n-1
	for left > 0 {
		switch b[at] {
		case 0:
			p += 2 * left
			left = 0
		case 1, 2:
			size := 3 + int(b[at]-1)
			if p+size > len(b) {
				return 0, fmt.Errorf("runs past the end of the table")
			}
			cover := 1 + int(b[p+2])
			if size == 4 {
				cover = 1 + int(binary.BigEndian.Uint16(b[p+2:]))
			}
			p, left = p+size, left-cover
		default:
			return 0, fmt.Errorf("has the unknown format %d", b[at])
		}
	}
	if p > len(b) {
		return 0, fmt.Errorf("runs past the end of the table")
	}
	return p - at, nil
}
