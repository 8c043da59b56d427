package hugeheap

import (
	"bufio"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// vmaFlags returns the VmFlags of the mapping of this process holding
// addr, from /proc/self/smaps.
func vmaFlags(t *testing.T, addr uintptr) []string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if from, to, ok := strings.Cut(strings.Fields(line)[0], "-"); ok && !strings.HasSuffix(line, ":") {
			lo, err1 := strconv.ParseUint(from, 16, 64)
			hi, err2 := strconv.ParseUint(to, 16, 64)
			if err1 == nil && err2 == nil {
				in = uint64(addr) >= lo && uint64(addr) < hi
				continue
			}
		}
		if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			return strings.Fields(rest)
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return nil
}

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
		if flags := vmaFlags(t, a); !strings.Contains(" "+strings.Join(flags, " ")+" ", " hg ") {
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
