package early

import (
	"syscall"
	"unsafe"
)

const (
	// arenaSize is the size and alignment of the runtime's heap arenas on
	// 64-bit Linux (runtime.heapArenaBytes): the heap's first pages lie
	// in the arena holding any object allocated early.
	arenaSize = 64 << 20
	// hugePage is the size of an x86-64 or arm64 (4 KiB granule) huge page.
	hugePage = 2 << 20
	pageSize = 4 << 10

	madvPopulateRead = 22 // Linux 5.14
	madvCollapse     = 25 // Linux 6.1
)

// probe is a heap object allocated at initialisation, whose address tells
// where the heap is.
var probe *[16]byte

// populated is closed once the program's file mappings are mapped in.
var populated = make(chan struct{})

func init() {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		close(populated)
		return
	}
	probe = new([16]byte)
	hugeHeap(uintptr(unsafe.Pointer(probe)) &^ (arenaSize - 1))
	go func() {
		defer close(populated)
		exe()
	}()
}

// hugeHeap advises the kernel to back the arena at lo with huge pages and
// collapses into huge pages the regions of it that the runtime has
// started: those it has not touched yet take a huge page when it does.
// Parts of the arena that the runtime maps later lose the advice (it maps
// them anew); hugeheap.Reserve covers them for a command making one
// document.
func hugeHeap(lo uintptr) {
	if madvise(lo, arenaSize, syscall.MADV_HUGEPAGE) != nil {
		return // no transparent huge pages
	}
	resident := make([]byte, arenaSize/pageSize) // a byte a page
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, lo, arenaSize, uintptr(unsafe.Pointer(&resident[0]))); e != 0 {
		return
	}
	for r := 0; r < len(resident); r += hugePage / pageSize {
		n := 0
		for _, b := range resident[r : r+hugePage/pageSize] {
			n += int(b & 1)
		}
		// A region wholly resident is a huge page already, or as good as
		// one; collapsing costs a millisecond or so, which the faults
		// it spares repay.
		if n > 0 && n < hugePage/pageSize {
			madvise(lo+uintptr(r)*pageSize, hugePage, madvCollapse)
		}
	}
}

// exe maps in the program file's mappings (code, read-only data, and the
// data that holds the embedded fonts), where a cold run would otherwise
// fault on them a few pages at a time.
func exe() {
	path := make([]byte, 4096)
	n, err := syscall.Readlink("/proc/self/exe", path)
	if err != nil || n == len(path) {
		return
	}
	populate(path[:n])
}

// populate maps in, from the page cache, every mapping of the file path
// in this process, with one system call each.
func populate(path []byte) {
	fd, err := syscall.Open("/proc/self/maps", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	var maps []byte
	buf := make([]byte, 32<<10)
	for len(maps) < 1<<20 {
		n, err := syscall.Read(fd, buf)
		if n <= 0 || err != nil {
			break
		}
		maps = append(maps, buf[:n]...)
	}
	syscall.Close(fd)
	for _, m := range fileMappings(maps, path) {
		madvise(m.lo, m.hi-m.lo, madvPopulateRead)
	}
}

// mapping is an address range.
type mapping struct{ lo, hi uintptr }

// fileMappings returns the ranges of the lines of a /proc/<pid>/maps
// listing that map the file path.
func fileMappings(maps, path []byte) []mapping {
	var out []mapping
	for len(maps) > 0 {
		line := maps
		if i := indexByte(maps, '\n'); i >= 0 {
			line, maps = maps[:i], maps[i+1:]
		} else {
			maps = nil
		}
		// lo-hi perms offset dev inode path
		lo, rest, ok1 := hex(line, '-')
		hi, rest, ok2 := hex(rest, ' ')
		if !ok1 || !ok2 || hi <= lo {
			continue
		}
		for f := 0; f < 4; f++ { // perms, offset, dev, inode
			i := indexByte(rest, ' ')
			if i < 0 {
				rest = nil
				break
			}
			rest = rest[i+1:]
		}
		for len(rest) > 0 && rest[0] == ' ' {
			rest = rest[1:]
		}
		if string(rest) == string(path) {
			out = append(out, mapping{lo, hi})
		}
	}
	return out
}

// hex reads a hexadecimal number ended by sep from the start of b and
// returns it and what follows sep.
func hex(b []byte, sep byte) (uintptr, []byte, bool) {
	var v uintptr
	for i, c := range b {
		switch {
		case c == sep && i > 0:
			return v, b[i+1:], true
		case '0' <= c && c <= '9':
			v = v<<4 | uintptr(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | uintptr(c-'a'+10)
		default:
			return 0, nil, false
		}
		if i >= 16 {
			return 0, nil, false
		}
	}
	return 0, nil, false
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func madvise(addr, n, advice uintptr) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, advice); e != 0 {
		return e
	}
	return nil
}
