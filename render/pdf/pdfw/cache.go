package pdfw

import (
	"crypto/sha256"
	"sync"
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
	order []cacheKey
}

type cached struct {
	z    []byte
	used bool // taken from the cache since kept, or since last spared
}

type cacheKey struct {
	sum   [sha256.Size]byte
	level int
}

// NewCache returns a cache holding up to size bytes of compressed
// streams.
func NewCache(size int) *Cache {
	return &Cache{max: size, m: make(map[cacheKey]*cached)}
}

// deflate is the package's deflate, through c when c is not nil.
func (c *Cache) deflate(data []byte, level int) []byte {
	if c == nil {
		return deflate(data, level)
	}
	k := cacheKey{sha256.Sum256(data), level}
	c.mu.Lock()
	e := c.m[k]
	if e != nil {
		e.used = true
	}
	c.mu.Unlock()
	if e != nil {
		return e.z
	}
	z := deflate(data, level)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok || len(z) > c.max {
		return z
	}
	for c.size+len(z) > c.max {
		k0 := c.order[0]
		c.order = c.order[1:]
		if e := c.m[k0]; e.used {
			e.used = false // spared once more
			c.order = append(c.order, k0)
			continue
		}
		c.size -= len(c.m[k0].z)
		delete(c.m, k0)
	}
	c.m[k] = &cached{z: z}
	c.order = append(c.order, k)
	c.size += len(z)
	return z
}
