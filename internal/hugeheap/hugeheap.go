// Package hugeheap asks the kernel to back the memory a run is about to
// allocate with transparent huge pages.
//
// A Go program touches each new 4 KiB page of its heap once, and each
// first touch is a page fault. On a virtual machine a fault costs the
// kernel and the hypervisor together some 10 to 15 µs: a render whose
// heap reaches 8 MiB spends more time faulting its 2,000 pages than
// laying out the document. A 2 MiB huge page is one fault. Go's runtime
// does not ask for huge pages, and where the system's setting is
// "madvise" (the default of Debian and Ubuntu, among others) the kernel
// gives them only to memory advised MADV_HUGEPAGE.
package hugeheap

// Reserve makes the next n bytes the heap grows by eligible for huge
// pages (and the rest of the 4 MiB chunk the runtime maps them in): it
// allocates them as one object, which the runtime maps but does not
// touch, advises the kernel, and has a garbage collection free the
// object, so that the allocations that follow take its memory. The
// collection is the only one while Reserve runs: early in a run, with
// little on the heap, it takes a millisecond or two. Elsewhere than Linux
// Reserve does nothing; where the kernel has no huge pages to give, or is
// set never to give them, it costs the collection and changes nothing
// else.
func Reserve(n int) {
	reserve(n)
}
