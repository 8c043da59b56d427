package pdfw

import (
	"hash/maphash"
	"sync"

	"github.com/ocs-project/ocs/internal/evict"
)

// Cache keeps compressed streams by their content, for documents that
// repeat one another's streams: the pages of forms that differ only in a
// name, their object streams. A Doc given a Cache compresses a stream it
// has seen before no more, and its bytes stay what they would be
// without the cache: compression depends on the content alone. A Cache
// is safe for concurrent use; it holds at most its size in compressed
// bytes, dropping first the oldest streams not used again since they
// were kept (the page of one candidate) before those documents share.
type Cache struct {
	mu    sync.Mutex
	max   int
	size  int
	m     map[cacheKey]*cached
	order evict.Queue[cacheKey]
	seeds [2]maphash.Seed
}

type cached struct {
	z    []byte
	used bool // taken from the cache since kept, or since last spared
}

// cacheKey names a stream by two 64-bit hashes of its content under
// seeds of this process (a chance collision of both is some 2^-128 a
// pair, and the seeds are not known to whoever wrote the input), its
// length and the level. maphash is some ten times faster than SHA-256,
// which a roster spent 4 % of its time in.
type cacheKey struct {
	h     [2]uint64
	n     int
	level int
}

// key returns the key of data at level.
func (c *Cache) key(data []byte, level int) cacheKey {
	return cacheKey{[2]uint64{maphash.Bytes(c.seeds[0], data), maphash.Bytes(c.seeds[1], data)}, len(data), level}
}

// NewCache returns a cache holding up to size bytes of compressed
// streams.
func NewCache(size int) *Cache {
	return &Cache{max: size, m: make(map[cacheKey]*cached), seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
}

// deflate is the package's deflate, through c when c is not nil.
func (c *Cache) deflate(data []byte, level int) []byte {
	if c == nil {
		return deflate(data, level)
	}
	k := c.key(data, level)
	if z := c.get(k); z != nil {
		return z
	}
	z := deflate(data, level)
	c.keep(k, z)
	return z
}

// get returns what is kept under k, or nil.
func (c *Cache) get(k cacheKey) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.m[k]
	if e == nil {
		return nil
	}
	e.used = true
	return e.z
}

// keep keeps z under k, dropping older entries to stay within the size.
func (c *Cache) keep(k cacheKey, z []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok || len(z) > c.max {
		return
	}
	c.order.Evict(func() bool { return c.size+len(z) > c.max },
		func(k cacheKey) bool {
			e := c.m[k]
			used := e.used
			e.used = false
			return used
		},
		func(k cacheKey) {
			c.size -= len(c.m[k].z)
			delete(c.m, k)
		})
	c.m[k] = &cached{z: z}
	c.order.Push(k)
	c.size += len(z)
}
