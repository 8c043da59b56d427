package pdfw

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"

	"github.com/klauspost/compress/flate"
)

// Compression is github.com/klauspost/compress/flate's: on the THM2431
// assessment pack's streams it is 1.4 times as fast as compress/flate at
// its default level, and smaller (BenchmarkDeflate; its level 8 against
// compress/flate's 6: the font program 116,656 bytes instead of 116,845
// in 3.9 ms instead of 5.5; content and object streams 83,743 instead of
// 85,023 in 6.6 ms instead of 8.3). Font programs, page content and
// object streams take one level, so that one set of writers serves them
// all: a single document makes two writers of a megabyte each (one per
// core, for the runs of a font program) instead of one per kind of
// stream. Streams under smallStream bytes (page footers) take the
// fastest level, whose writers start without clearing tables.
const (
	levelLarge = 8
	levelSmall = flate.BestSpeed
)

// writers keep raw deflate writers per level from -1 to 9, whose buffers
// (about a megabyte each) cost more to make than to reset: a worker takes
// one per stream. Unlike a sync.Pool, which a garbage collection empties,
// they keep up to keepWriters writers of each level for good.
var writers [11]chan *flate.Writer

// keepWriters is how many writers of one level are kept: some workers'
// worth.
const keepWriters = 8

func init() {
	for i := range writers {
		writers[i] = make(chan *flate.Writer, keepWriters)
	}
}

// writer returns a deflate writer at level (-1 to 9) writing to w.
func writer(b *bytes.Buffer, level int) *flate.Writer {
	select {
	case w := <-writers[level+1]:
		w.Reset(b)
		return w
	default:
		w, _ := flate.NewWriter(b, level) // -1 to 9 are valid
		return w
	}
}

// release gives w back for another stream at level.
func release(w *flate.Writer, level int) {
	select {
	case writers[level+1] <- w:
	default:
	}
}

// zlibHeader returns the two bytes that open a zlib stream (RFC 1950)
// compressed at level: a 32 KB window, deflate, and the level's class
// with its check bits, as compress/zlib writes them.
func zlibHeader(level int) [2]byte {
	var class byte
	switch level {
	case 0, 1:
		class = 0
	case 2, 3, 4, 5:
		class = 1
	case 6, -1:
		class = 2
	default:
		class = 3
	}
	h := [2]byte{0x78, class << 6}
	h[1] += byte(31 - binary.BigEndian.Uint16(h[:])%31)
	return h
}

// deflate returns data compressed for the FlateDecode filter (a zlib
// stream) at a level from -1 to 9.
func deflate(data []byte, level int) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/2 + 64)
	h := zlibHeader(level)
	b.Write(h[:])
	w := writer(&b, level)
	w.Write(data) // writes to a bytes.Buffer do not fail
	w.Close()
	release(w, level)
	return binary.BigEndian.AppendUint32(b.Bytes(), adler32.Checksum(data))
}
