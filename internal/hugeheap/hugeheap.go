// Package hugeheap spares the program page faults from its first
// moments. On Linux, its initialisation asks the kernel for transparent
// huge pages for the heap the Go runtime has started and, in a run that
// makes documents, for the next megabytes the heap will grow by; and it
// maps the program's own code and data in ahead of use, on a goroutine of
// its own.
//
// A Go program touches each new 4 KiB page of its heap once, and each
// first touch is a page fault. On a virtual machine a fault costs the
// kernel and the hypervisor together some 10 to 30 µs: a cold `ocs render`
// of the THM2431 standard table took 1,200 of them, a third of its time.
// A 2 MiB huge page is one fault, and a range of the program file already
// in the page cache maps in with one system call at a fraction of a fault
// a page. Go's runtime does not ask for huge pages, and where the system's
// setting is "madvise" (the default of Debian and Ubuntu, among others)
// the kernel gives them only to memory advised MADV_HUGEPAGE.
//
// Import it for its effect, from the main package only:
//
//	import _ "github.com/ocs-project/ocs/internal/hugeheap"
//
// It imports nothing but runtime, syscall and unsafe so that it is among
// the first packages initialised (Go initialises a package as soon as
// those it imports are): what the heap holds before then is in small
// pages, which the initialisation copies into a huge one, and a garbage
// collection then, with next to nothing on the heap, takes a fraction of
// what it takes once the program's packages are initialised. Elsewhere
// than Linux, and on a kernel without these calls, it does nothing.
package hugeheap
