package pdfw

import (
	"bytes"
	"compress/zlib"
	"sync"
)

// Compression levels, chosen by measurement on the THM2431 standard
// table and assessment pack (see the package's benchmarks): font
// programs, made once and cached by a Renderer, take the default level;
// page content, object streams and the like are made for every document
// and take the fastest level, which costs them about 10 % in size and
// saves two thirds of the time.
const (
	levelFont    = zlib.DefaultCompression
	levelContent = zlib.BestSpeed
)

// pools keep zlib writers, whose buffers (about a megabyte each) cost more
// to make than to reset: a worker takes one per stream.
var pools = map[int]*sync.Pool{levelFont: newPool(levelFont), levelContent: newPool(levelContent)}

func newPool(level int) *sync.Pool {
	return &sync.Pool{New: func() any {
		w, _ := zlib.NewWriterLevel(nil, level) // the levels above are valid
		return w
	}}
}

// deflate returns data compressed for the FlateDecode filter at one of
// the levels above.
func deflate(data []byte, level int) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/2 + 64)
	pool := pools[level]
	w := pool.Get().(*zlib.Writer)
	w.Reset(&b)
	w.Write(data) // writes to a bytes.Buffer do not fail
	w.Close()
	pool.Put(w)
	return b.Bytes()
}
