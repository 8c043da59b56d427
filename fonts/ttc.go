package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// collectionCount returns the number of faces in a TrueType collection.
func collectionCount(data []byte) (int, error) {
	if len(data) < 12 || binary.BigEndian.Uint32(data) != magicTTC {
		return 0, ErrNotFont
	}
	n := binary.BigEndian.Uint32(data[8:])
	if 12+4*uint64(n) > uint64(len(data)) {
		return 0, fmt.Errorf("%w: the collection header runs past the end of the file", ErrTruncated)
	}
	return int(n), nil
}

// extractFace copies face index of a TrueType collection into a
// standalone TrueType file: the face's tables, in tag order, each padded
// to four bytes, with the table directory and head.checkSumAdjustment
// rewritten. Table checksums do not change because table data does not.
func extractFace(data []byte, index int) ([]byte, error) {
	n, err := collectionCount(data)
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= n {
		return nil, fmt.Errorf("%w: it has %d faces, #0 to #%d, and #%d was asked for",
			ErrFaceIndex, n, n-1, index)
	}
	at := binary.BigEndian.Uint32(data[12+4*index:])
	recs, err := readDirectory(data, at)
	if err != nil {
		return nil, err
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].tag < recs[j].tag })

	size := 12 + 16*len(recs)
	for _, r := range recs {
		size += int(r.len+3) &^ 3
	}
	out := make([]byte, size)
	be := binary.BigEndian
	be.PutUint32(out, binary.BigEndian.Uint32(data[at:])) // sfnt version
	be.PutUint16(out[4:], uint16(len(recs)))
	sel := 0
	for 2<<sel <= len(recs) {
		sel++
	}
	be.PutUint16(out[6:], uint16(16<<sel))               // searchRange
	be.PutUint16(out[8:], uint16(sel))                   // entrySelector
	be.PutUint16(out[10:], uint16(16*len(recs)-16<<sel)) // rangeShift
	off := 12 + 16*len(recs)
	head := -1
	for i, r := range recs {
		p := out[12+16*i:]
		copy(p, r.tag)
		be.PutUint32(p[4:], r.checksum)
		be.PutUint32(p[8:], uint32(off))
		be.PutUint32(p[12:], r.len)
		copy(out[off:], data[r.off:r.off+r.len])
		if r.tag == "head" && r.len >= 12 {
			head = off
		}
		off += int(r.len+3) &^ 3
	}
	if head >= 0 {
		be.PutUint32(out[head+8:], 0)
		be.PutUint32(out[head+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

// checksum is the sfnt checksum: the sum of big-endian uint32 words, the
// last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
