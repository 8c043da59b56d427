package pdf

import (
	"hash/maphash"
	"sync"
)

// buckets keep a Renderer cache's entries by a 64-bit hash of what they
// were made from, under a seed of their own, several entries to a hash.
// They are safe for concurrent use and hold at most max entries: beyond,
// they start afresh. Entries are never changed once kept.
type buckets[E any] struct {
	seed maphash.Seed
	mu   sync.Mutex
	m    map[uint64][]E
	n    int
	max  int
}

func newBuckets[E any](max int) buckets[E] {
	return buckets[E]{seed: maphash.MakeSeed(), m: make(map[uint64][]E), max: max}
}

// find returns the first entry kept under k that match accepts; match is
// called with the buckets locked.
func (b *buckets[E]) find(k uint64, match func(E) bool) (e E, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.m[k] {
		if match(e) {
			return e, true
		}
	}
	return e, false
}

// add keeps e under k.
func (b *buckets[E]) add(k uint64, e E) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.n >= b.max {
		b.m, b.n = make(map[uint64][]E), 0
	}
	b.m[k] = append(b.m[k], e)
	b.n++
}
