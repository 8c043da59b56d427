package hugeheap

import (
	"runtime"
	"syscall"
	"unsafe"
)

const (
	// arenaSize is the size and alignment of the runtime's heap arenas on
	// 64-bit Linux (runtime.heapArenaBytes): the heap's first pages lie
	// in the arena holding any object allocated early.
	arenaSize = 64 << 20
	// chunk is the unit in which the runtime maps memory for its heap
	// (runtime.pallocChunkBytes), on chunk boundaries: the mapping made
	// for an object spans the chunks it touches.
	chunk = 4 << 20
	// hugePage is the size of an x86-64 or arm64 (4 KiB granule) huge page.
	hugePage = 2 << 20
	pageSize = 4 << 10

	// reserveSize is how much of the heap's growth a run that makes
	// documents has advised at start: with the first chunk, the 16 MiB
	// that the THM2431 standard table (about 10 MiB in use) and its
	// assessment pack (about 14 MiB) grow the heap to.
	reserveSize = 12 << 20

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
	huge := hugeHeap(uintptr(unsafe.Pointer(probe)) &^ (arenaSize - 1))
	go func() {
		defer close(populated)
		exe()
	}()
	if huge && makesDocuments(cmdline()) {
		reserve(reserveSize)
	}
}

// hugeHeap advises the kernel to back the arena at lo with huge pages and
// collapses into huge pages the regions of it that the runtime has
// started: those it has not touched yet take a huge page when it does.
// Parts of the arena that the runtime maps later lose the advice (it maps
// them anew): reserve covers them. It reports whether the kernel has
// huge pages to give.
func hugeHeap(lo uintptr) bool {
	if madvise(lo, arenaSize, syscall.MADV_HUGEPAGE) != nil {
		return false // no transparent huge pages
	}
	resident := make([]byte, arenaSize/pageSize) // a byte a page
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, lo, arenaSize, uintptr(unsafe.Pointer(&resident[0]))); e != 0 {
		return true
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
	return true
}

// setGCPercent is debug.SetGCPercent, which the runtime provides to
// runtime/debug under this name: importing runtime/debug would put this
// package's initialisation after that of the packages it imports (os,
// fmt, time…), when the heap holds more.
//
//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(percent int32) int32

// reserve makes the next n bytes the heap grows by eligible for huge
// pages (and the rest of the chunks the runtime maps them in): it
// allocates them as one object, which the runtime maps but does not
// touch, advises the kernel, and has a garbage collection free the
// object, so that the allocations that follow take its memory. It returns
// the advised range, empty when nothing was advised. The collection is
// the only one while reserve runs; made before the program's packages
// are initialised, it takes about 1.5 ms on a virtual machine of two
// cores, against 3 to 5 ms once they are.
func reserve(n int) (lo, hi uintptr) {
	if n < hugePage {
		return 0, 0
	}
	// No collection may start while the reservation is live: it would
	// keep the reservation, and then run besides the one below.
	gogc := setGCPercent(-1)
	b := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	// The whole of the chunks holding b, so that the allocations taking
	// the rest of the last one take huge pages too.
	lo = p &^ (chunk - 1)
	hi = (p + uintptr(n) + chunk - 1) &^ (chunk - 1)
	if madvise(lo, hi-lo, syscall.MADV_HUGEPAGE) != nil {
		lo, hi = 0, 0
	}
	runtime.KeepAlive(b)
	setGCPercent(gogc)
	runtime.GC() // b is dead from here on, and this collection frees it
	return lo, hi
}

// cmdline returns the process's arguments, the program's name first, as
// the kernel has them: the os package, which has them too, is not
// initialised yet.
func cmdline() []string {
	var args []string
	// The first arguments are enough.
	for b := readFile("/proc/self/cmdline", 4096); len(b) > 0; {
		i := indexByte(b, 0)
		if i < 0 {
			break // cut off at the limit
		}
		args = append(args, string(b[:i]))
		b = b[i+1:]
	}
	return args
}

// makesDocuments reports whether the command line args (the program's
// name first) runs a command that makes documents, whose heap grows by
// megabytes: ocs render, fill or build. The command is the first
// argument that is not a flag; a command line that puts flags with
// values before it makes no reservation, and runs as fast as any other.
func makesDocuments(args []string) bool {
	for _, a := range args[min(len(args), 1):] {
		if len(a) > 0 && a[0] == '-' {
			continue
		}
		return a == "render" || a == "fill" || a == "build"
	}
	return false
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
	for _, m := range fileMappings(readFile("/proc/self/maps", 1<<20), path) {
		madvise(m.lo, m.hi-m.lo, madvPopulateRead)
	}
}

// readFile returns the file name, up to about limit bytes, read with
// system calls (the os package is not initialised yet); nil when it
// cannot be opened.
func readFile(name string, limit int) []byte {
	fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	defer syscall.Close(fd)
	var data []byte
	buf := make([]byte, min(limit, 32<<10))
	for len(data) < limit {
		n, err := syscall.Read(fd, buf)
		if n <= 0 || err != nil {
			break
		}
		data = append(data, buf[:n]...)
	}
	return data
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
