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

// chunk is the unit in which the runtime maps memory for its heap
// (runtime.pallocChunkBytes), on chunk boundaries: the mapping made for
// an object spans the chunks it touches.
const chunk = 4 << 20

// reserve does Reserve's work and returns the advised range, empty when
// nothing was advised.
func reserve(n int) (lo, hi uintptr) {
	if n < hugePage {
		return 0, 0
	}
	// No collection may start while the reservation is live: it would
	// keep the reservation, and then run besides the one below.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	b := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	// The whole of the chunks holding b, so that the allocations taking
	// the rest of the last one take huge pages too.
	lo = p &^ (chunk - 1)
	hi = (p + uintptr(n) + chunk - 1) &^ (chunk - 1)
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_HUGEPAGE); e != 0 {
		lo, hi = 0, 0
	}
	runtime.KeepAlive(b)
	runtime.GC() // b is dead from here on, and this collection frees it
	return lo, hi
}
