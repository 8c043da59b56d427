package pdfw

import (
	"bytes"
	"compress/zlib"
)

// Compression levels, chosen by measurement (BenchmarkDeflate, and whole
// documents): font programs, made once and cached by a Renderer, take the
// default level. Page content takes level 5: against the fastest level
// the THM2431 standard table is 151.2 KB instead of 153.0 KB and its
// 25-page assessment pack 218.5 KB instead of 226.6 KB, for 0.4 ms more
// per standard table (BenchmarkStandardPDF 3.55 ms instead of 3.15 ms).
// Streams under smallStream bytes (page footers) take the fastest level.
// Object streams and the cross-reference stream, a few hundred very
// repetitive objects (structure elements) and their offsets, shrink by a
// third more at the default level, for little time.
const (
	levelFont    = zlib.DefaultCompression
	levelContent = 5
	levelSmall   = zlib.BestSpeed
	levelObjects = zlib.DefaultCompression
)

// zlibs keep zlib writers per level from -1 to 9, whose buffers (about
// a megabyte each) cost more to make than to reset: a worker takes one
// per stream. Unlike a sync.Pool, which a garbage collection empties,
// they keep up to keepWriters writers of each level for good.
var zlibs [11]chan *zlib.Writer

// keepWriters is how many writers of one kind are kept: some workers'
// worth.
const keepWriters = 8

func init() {
	for i := range zlibs {
		zlibs[i] = make(chan *zlib.Writer, keepWriters)
	}
}

// deflate returns data compressed for the FlateDecode filter at a zlib
// level from -1 to 9.
func deflate(data []byte, level int) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/2 + 64)
	var w *zlib.Writer
	select {
	case w = <-zlibs[level+1]:
		w.Reset(&b)
	default:
		w, _ = zlib.NewWriterLevel(&b, level) // -1 to 9 are valid
	}
	w.Write(data) // writes to a bytes.Buffer do not fail
	w.Close()
	select {
	case zlibs[level+1] <- w:
	default:
	}
	return b.Bytes()
}
