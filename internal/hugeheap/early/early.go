// Package early spares the program page faults from its first moments: on
// Linux its initialisation asks the kernel for transparent huge pages for
// the heap the Go runtime has started, and maps the program's own code and
// data in ahead of use, on a goroutine of its own.
//
// A first touch of a page is a page fault, which on a virtual machine
// costs some 10 to 30 µs: a cold `ocs render` of the THM2431 standard table
// took 1,200 of them, a third of its time. A 2 MiB huge page is one fault,
// and a range of the program file already in the page cache maps in with
// one system call at a fraction of a fault a page.
//
// Import it for its effect, from the main package only:
//
//	import _ "github.com/ocs-project/ocs/internal/hugeheap/early"
//
// It imports nothing but syscall and unsafe so that it is among the first
// packages initialised (Go initialises a package as soon as those it
// imports are): what the heap holds before then is in small pages, which
// the initialisation copies into a huge one. Elsewhere than Linux, and on a
// kernel without these calls, it does nothing.
package early
