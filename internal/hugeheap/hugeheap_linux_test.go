package hugeheap

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"unsafe"

	"github.com/ocs-project/ocs/internal/hugeheap/smaps"
)

func TestReserve(t *testing.T) {
	setting, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	const n = 8 << 20
	lo, hi := reserve(n)
	if lo%chunk != 0 || hi-lo < n {
		t.Fatalf("advised %#x-%#x, want %d bytes on a %d-byte boundary", lo, hi, n, hugePage)
	}
	for _, a := range []uintptr{lo, hi - 1} {
		if flags := smaps.Mapping(t, a)["VmFlags"]; !strings.Contains(" "+flags+" ", " hg ") {
			t.Errorf("the mapping holding %#x is not advised for huge pages (VmFlags %v; setting %q)", a, flags, setting)
		}
	}
	// Once collected, the advised memory serves the next allocations: the
	// heap takes free pages from the lowest up, so allocating as much as
	// the heap has free reaches it (unless it were still taken: no
	// collection but Reserve's may free it).
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	var keep [][]byte
	taken := false
	for size := uint64(0); !taken && size < ms.HeapIdle+n; size += 4096 {
		b := make([]byte, 4096)
		keep = append(keep, b)
		p := uintptr(unsafe.Pointer(&b[0]))
		taken = p >= lo && p < hi
	}
	if !taken {
		t.Errorf("no allocation of 4 KiB, up to the %d bytes the heap had free, lies in the advised %#x-%#x", ms.HeapIdle+n, lo, hi)
	}
	runtime.KeepAlive(keep)
}

func TestReserveCollectsOnce(t *testing.T) {
	// One collection frees the reservation, and the collector's setting
	// is as it was.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	reserve(16 << 20)
	runtime.ReadMemStats(&after)
	if n := after.NumGC - before.NumGC; n != 1 {
		t.Errorf("Reserve ran %d collections, want 1", n)
	}
	if after.HeapAlloc > before.HeapAlloc+8<<20 {
		t.Errorf("the heap holds %d bytes after Reserve, %d before: the reservation was not freed", after.HeapAlloc, before.HeapAlloc)
	}
	if old := debug.SetGCPercent(100); old != 100 {
		t.Errorf("GOGC is %d after Reserve, want 100 as before", old)
	}
}

func TestReserveSmall(t *testing.T) {
	if lo, hi := reserve(hugePage - 1); lo != hi {
		t.Errorf("advised %#x-%#x for less than a huge page", lo, hi)
	}
}
