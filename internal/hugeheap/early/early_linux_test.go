package early

import (
	"bytes"
	"os"
	"path/filepath"
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
