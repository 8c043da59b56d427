// Package evict keeps the order in which a bounded cache lets its entries
// go: the oldest first, except that an entry used since it was kept, or
// since it was last spared, is spared once and goes to the back (the
// second-chance policy). A batch that keeps reusing what its documents
// share keeps it, while what one document alone used goes first.
package evict

import "slices"

// Queue holds the keys of a cache's entries in the order they go. Its
// zero value is empty and ready; it is not safe for concurrent use (the
// cache's lock guards it).
type Queue[K comparable] struct {
	keys []K
}

// Push adds k, the newest entry, at the back.
func (q *Queue[K]) Push(k K) { q.keys = append(q.keys, k) }

// Len returns the number of keys held.
func (q *Queue[K]) Len() int { return len(q.keys) }

// Remove removes k.
func (q *Queue[K]) Remove(k K) {
	q.keys = slices.DeleteFunc(q.keys, func(x K) bool { return x == k })
}

// Evict lets entries go, oldest first, while full reports the cache full
// and keys remain. used reports whether the entry of a key was used since
// it was kept or last spared, and clears that: such an entry goes to the
// back instead. drop lets the entry of a key go.
func (q *Queue[K]) Evict(full func() bool, used func(K) bool, drop func(K)) {
	for len(q.keys) > 0 && full() {
		k := q.keys[0]
		q.keys = q.keys[1:]
		if used(k) {
			q.keys = append(q.keys, k)
			continue
		}
		drop(k)
	}
}
