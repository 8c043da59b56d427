package hugeheap

import (
	"runtime"
	"runtime/debug"
	"syscall"
	"unsafe"
)

// hugePage is the size of an x86-64 or arm64 (4 KiB granule) transparent
// huge page; a region advised on other boundaries takes huge pages only
// where it holds a whole, aligned one.
const hugePage = 2 << 20

// reserve does Reserve's work and returns the advised range, empty when
// nothing was advised.
func reserve(n int) (lo, hi uintptr) {
	if n < hugePage {
		return 0, 0
	}
	// No collection may start while the reservation is live: it would
	// keep the reservation, and then run besides the one below.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	b := make([]byte, n+hugePage) // room to align n bytes on a huge page
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo = (p + hugePage - 1) &^ (hugePage - 1)
	hi = lo + uintptr(n)&^(hugePage-1)
	advised := b[lo-p : hi-p]
	if syscall.Madvise(advised, syscall.MADV_HUGEPAGE) != nil {
		lo, hi = 0, 0
	}
	runtime.GC() // b is dead from here on, and this collection frees it
	return lo, hi
}
