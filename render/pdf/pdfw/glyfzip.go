package pdfw

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"hash/fnv"
	"runtime"
	"slices"
	"sync"
)

// deflateGlyphs compresses a TrueType font program for FontFile2 as one
// zlib stream made of pieces compressed on their own: the tables before
// glyf, the glyph outlines in runs, and the tables after. A run ends
// after a glyph whose bytes hash to a multiple of cutEvery (or after
// maxRun glyphs), so runs depend on their glyphs alone: two subsets of a
// face that differ in a few characters, such as the forms of two
// candidates whose names differ, share most runs, and a run compressed
// once (kept in runs) is not compressed again. The bytes depend on
// the font data only, never on what was compressed before. The stream
// is about 0.3 % larger than one compressed whole; in a batch of forms
// for candidates with different names, it is made about seven times
// faster (BenchmarkFontProgram).
func deflateGlyphs(data []byte) []byte {
	glyf, gsize, ok := sfntRecord(data, "glyf")
	cuts := glyphEnds(data, glyf, gsize)
	if !ok || cuts == nil {
		return deflate(data, levelLarge)
	}
	// The pieces: the tables before glyf, the runs, the tables after;
	// compressed side by side on the machine's cores, as many at once as
	// it has, the largest first.
	parts := [][]byte{data[:glyf]}
	start := glyf
	for _, end := range cuts {
		parts = append(parts, data[start:glyf+end])
		start = glyf + end
	}
	parts = append(parts, data[start:])
	order := make([]int, len(parts))
	size := 2 + 5 + 4
	for i, p := range parts {
		order[i] = i
		size += len(p)
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(parts[b]) - len(parts[a]) })
	zs := make([][]byte, len(parts))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, i := range order {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A slot is taken once running, so that a piece waiting for
			// a core holds back none of the others.
			slots <- struct{}{}
			zs[i] = appendPiece(nil, parts[i], i > 0 && i < len(parts)-1)
			<-slots
		}()
	}
	wg.Wait()
	out := make([]byte, 0, size/2)
	h := zlibHeader(levelLarge)
	out = append(out, h[:]...)
	for _, z := range zs {
		out = append(out, z...)
	}
	out = append(out, 0x01, 0x00, 0x00, 0xff, 0xff) // final empty stored block
	return binary.BigEndian.AppendUint32(out, adler32.Checksum(data))
}

// Runs of glyphs: some 256 glyphs, at most 512. Runs of 64 (at most
// 128) made the THM2431 assessment pack 3.1 KB larger and its standard
// table 3.0 KB, for more runs shared between subsets.
const (
	cutEvery = 256
	maxRun   = 512
)

// glyphEnds returns where runs of glyphs end, as offsets into the glyf
// table at glyf (size bytes), read from the loca table; nil when the
// tables do not agree.
func glyphEnds(data []byte, glyf, size int) []int {
	head, loca := sfntTable(data, "head"), sfntTable(data, "loca")
	if len(head) < 54 || size == 0 {
		return nil
	}
	long := binary.BigEndian.Uint16(head[50:]) != 0
	var offs []int
	if long {
		for i := 0; i+4 <= len(loca); i += 4 {
			offs = append(offs, int(binary.BigEndian.Uint32(loca[i:])))
		}
	} else {
		for i := 0; i+2 <= len(loca); i += 2 {
			offs = append(offs, 2*int(binary.BigEndian.Uint16(loca[i:])))
		}
	}
	var cuts []int
	run := 0
	for i := 1; i < len(offs); i++ {
		a, b := offs[i-1], offs[i]
		if a > b || b > size {
			return nil
		}
		run++
		h := fnv.New32a()
		h.Write(data[glyf+a : glyf+b])
		if h.Sum32()%cutEvery == 0 || run == maxRun {
			cuts = append(cuts, b)
			run = 0
		}
	}
	if n := len(offs); n > 0 && (len(cuts) == 0 || cuts[len(cuts)-1] != offs[n-1]) {
		cuts = append(cuts, offs[n-1])
	}
	return cuts
}

// appendPiece appends p compressed on its own and ended by a sync flush
// (byte-aligned, not final), so that pieces concatenate into one deflate
// stream. With cache, a run of glyphs compressed before is reused.
func appendPiece(dst, p []byte, cache bool) []byte {
	if len(p) == 0 {
		return dst
	}
	var key cacheKey
	if cache {
		key = runs.key(p, levelLarge)
		if z := runs.get(key); z != nil {
			return append(dst, z...)
		}
	}
	var b bytes.Buffer
	w := writer(&b, levelLarge)
	w.Write(p) // writes to a bytes.Buffer do not fail
	w.Flush()
	release(w, levelLarge)
	if cache {
		runs.keep(key, b.Bytes())
	}
	return append(dst, b.Bytes()...)
}

// runs keep the process's compressed runs of glyphs (raw deflate ended by
// a sync flush, not zlib streams) by their content: some 10 MB at most.
var runs = NewCache(10 << 20)
