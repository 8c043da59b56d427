package hugeheap

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/ocs-project/ocs/internal/hugeheap/smaps"
)

func TestHeapAdvised(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("this kernel has no transparent huge pages")
	}
	// The heap mapping that held the first objects is advised for huge
	// pages (flag hg), as the runtime would not have it.
	m := smaps.Mapping(t, uintptr(unsafe.Pointer(probe)))
	if !strings.Contains(" "+m["VmFlags"]+" ", " hg ") {
		t.Errorf("the heap mapping holding %p is not advised for huge pages: VmFlags %s", probe, m["VmFlags"])
	}
}

func TestPopulated(t *testing.T) {
	<-populated
	// The program's code is in place once populated; a test binary's is
	// small enough for the kernel to have mapped it all anyway, so a file
	// of the test's own checks populate.
	f := TestPopulated
	pc := **(**uintptr)(unsafe.Pointer(&f))
	if m := smaps.Mapping(t, pc); m["path"] == "" || m["Size"] != m["Rss"] {
		t.Errorf("the code mapping %q is %s, of which %s in place; want all of it", m["path"], m["Size"], m["Rss"])
	}

	const size = 8 << 20
	name := filepath.Join(t.TempDir(), "data")
	if err := os.WriteFile(name, bytes.Repeat([]byte{1}, size), 0o644); err != nil {
		t.Fatal(err)
	}
	fd, err := syscall.Open(name, syscall.O_RDONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	data, err := syscall.Mmap(fd, 0, size, syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(data)
	addr := uintptr(unsafe.Pointer(&data[0]))
	if rss := smaps.Mapping(t, addr)["Rss"]; rss != "0 kB" {
		t.Fatalf("a fresh mapping of %s has %s in place, want none", name, rss)
	}
	real, err := filepath.EvalSymlinks(name) // as the kernel names it
	if err != nil {
		t.Fatal(err)
	}
	populate([]byte(real))
	m := smaps.Mapping(t, addr)
	if m["Rss"] != m["Size"] || m["Size"] != "8192 kB" {
		if madvise(addr, pageSize, madvPopulateRead) != nil {
			t.Skip("this kernel cannot populate a mapping (Linux 5.14)")
		}
		t.Errorf("%s after populate: %s of %s in place, want all of 8192 kB", m["path"], m["Rss"], m["Size"])
	}
}

func TestFileMappings(t *testing.T) {
	maps := `00400000-0080a000 r-xp 00000000 fe:01 1052 /opt/ocs/bin/ocs
0080a000-00c0e000 r--p 0040a000 fe:01 1052 /opt/ocs/bin/ocs
00c0e000-00c40000 rw-p 0080e000 fe:01 1052 /opt/ocs/bin/ocs
00c40000-00c80000 rw-p 00000000 00:00 0 
00c80000-00c90000 r--p 00000000 fe:01 1053 /opt/ocs/bin/ocs.old
00c90000-00ca0000 r--p 00000000 fe:01 1054 /opt/ocs/bin/ocs (deleted)
c000000000-c004000000 rw-p 00000000 00:00 0 
7ffd1000-7ffd2000 rw-p 00000000 00:00 0                          [stack]
zzzz-00ca0000 r--p 00000000 fe:01 1052 /opt/ocs/bin/ocs
00cb0000-00ca0000 r--p 00000000 fe:01 1052 /opt/ocs/bin/ocs
00cb0000 r--p
00d00000-00d10000 r--p 00000000 fe:01 1055 /opt/ocs files/ocs`
	for _, c := range []struct {
		path string
		want []mapping
	}{
		{"/opt/ocs/bin/ocs", []mapping{{0x400000, 0x80a000}, {0x80a000, 0xc0e000}, {0xc0e000, 0xc40000}}},
		{"/opt/ocs files/ocs", []mapping{{0xd00000, 0xd10000}}},
		{"/opt/ocs/bin", nil},
		{"[stack]", []mapping{{0x7ffd1000, 0x7ffd2000}}},
	} {
		got := fileMappings([]byte(maps), []byte(c.path))
		if len(got) != len(c.want) {
			t.Errorf("%s: %x, want %x", c.path, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %x, want %x", c.path, got, c.want)
				break
			}
		}
	}
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

func TestMakesDocuments(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"ocs", "render", "standard", "THM2431-001v1"}, true},
		{[]string{"/usr/local/bin/ocs", "fill", "form.pdf"}, true},
		{[]string{"ocs", "build", "-o", "dist"}, true},
		{[]string{"ocs", "-v", "render"}, true},
		{[]string{"ocs", "--settings=a.toml", "build"}, true},
		{[]string{"ocs", "check", "render"}, false},
		{[]string{"ocs", "serve"}, false},
		{[]string{"ocs", "--version"}, false},
		{[]string{"ocs", "--settings", "a.toml", "render"}, false}, // no guessing at flag values
		{[]string{"render"}, false},                                // the program's name
		{[]string{"ocs"}, false},
		{nil, false},
	} {
		if got := makesDocuments(c.args); got != c.want {
			t.Errorf("makesDocuments(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

func TestCmdline(t *testing.T) {
	// The kernel's copy of the arguments is the runtime's.
	if got := cmdline(); !slices.Equal(got, os.Args) {
		t.Errorf("cmdline() = %q, want %q", got, os.Args)
	}
}
