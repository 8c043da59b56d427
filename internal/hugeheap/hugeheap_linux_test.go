package hugeheap

import (
	"bufio"
	"os"
	"runtime"
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
	if lo%hugePage != 0 || hi-lo != n {
		t.Fatalf("advised %#x-%#x, want %d bytes on a %d-byte boundary", lo, hi, n, hugePage)
	}
	for _, a := range []uintptr{lo, hi - 1} {
		if flags := vmaFlags(t, a); !strings.Contains(" "+strings.Join(flags, " ")+" ", " hg ") {
			t.Errorf("the mapping holding %#x is not advised for huge pages (VmFlags %v; setting %q)", a, flags, setting)
		}
	}
	// Once collected, the advised memory serves the next allocations.
	runtime.GC()
	var keep [][]byte
	taken := 0
	for range 1024 {
		b := make([]byte, 4096)
		keep = append(keep, b)
		if p := uintptr(unsafe.Pointer(&b[0])); p >= lo && p < hi {
			taken++
		}
	}
	if taken == 0 {
		t.Errorf("none of 1,024 allocations of 4 KiB after the collection lies in the advised %#x-%#x", lo, hi)
	}
	runtime.KeepAlive(keep)
}

func TestReserveSmall(t *testing.T) {
	if lo, hi := reserve(hugePage - 1); lo != hi {
		t.Errorf("advised %#x-%#x for less than a huge page", lo, hi)
	}
}
