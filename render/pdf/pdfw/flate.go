package pdfw

import (
	"bytes"
	"compress/zlib"
	"sync"
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
const (
	levelFont    = zlib.DefaultCompression
	levelContent = zlib.BestSpeed
	levelObjects = zlib.DefaultCompression
)

// pools keep a zlib writer per level from -1 to 9, whose buffers (about
// a megabyte each) cost more to make than to reset: a worker takes one
// per stream.
var pools [11]sync.Pool

func init() {
	for i := range pools {
		level := i - 1
		pools[i].New = func() any {
			w, _ := zlib.NewWriterLevel(nil, level) // -1 to 9 are valid
			return w
		}
	}
}

// deflate returns data compressed for the FlateDecode filter at a zlib
// level from -1 to 9.
func deflate(data []byte, level int) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/2 + 64)
	pool := &pools[level+1]
	w := pool.Get().(*zlib.Writer)
	w.Reset(&b)
	w.Write(data) // writes to a bytes.Buffer do not fail
	w.Close()
	pool.Put(w)
	return b.Bytes()
}
