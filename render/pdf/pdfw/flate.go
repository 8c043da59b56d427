package pdfw

import (
	"bytes"
	"compress/zlib"
)

// Compression levels, chosen by measurement (BenchmarkDeflate, and whole
// documents): font programs, made once and cached by a Renderer, take the
// default level. Page content, object streams and the like are made for
// every document and take the fastest level, which deflates them two to
// three times faster than levels 5 and 6, for files a few per cent larger
// (the THM2431 standard table 210.6 KB instead of 208.2 KB; its
// 25-page assessment pack 296 KB instead of 283 KB).
// Object streams and the cross-reference stream, a few hundred very
// repetitive objects (structure elements) and their offsets, shrink by a
// third more at the default level, for little time.
// A document made with a Cache (the forms of a roster) compresses most of
// its pages once for the whole batch, so its page content takes level 5
// (levelCached): the THM2431 assessment pack is some 8 KB smaller (277 KB
// instead of 285 KB), for about 1.5 ms more per document made alone.
const (
	levelFont    = zlib.DefaultCompression
	levelContent = zlib.BestSpeed
	levelCached  = 5
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
