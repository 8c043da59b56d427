package standard

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/cost"
)

// sharedHostile is a standard of size about n: a row of n indicators
// shared by n tasks (each named in a chain to the one before), and a task
// of n blocks each sharing the n outputs of the first. Copying shared
// content, or looking back along the tasks for each one, would cost n².
func sharedHostile(n int) []byte {
	var b strings.Builder
	b.WriteString("occupation = \"測試\"\ndescription = \"描述\"\nlevel = 3\n[[duty]]\ntitle = \"職責\"\n[[duty.task]]\ntitle = \"任務\"\nlevel = 3\nindicators = [")
	for range n {
		b.WriteString(`"指標。",`)
	}
	b.WriteString("]\n")
	for j := range n {
		fmt.Fprintf(&b, "[[duty.task]]\ntitle = \"任務\"\nshares = \"T1.%d\"\n", j+1)
	}
	b.WriteString("[[duty.task]]\ntitle = \"任務\"\nlevel = 3\n[[duty.task.block]]\nindicators = [\"指標。\"]\noutputs = [")
	for range n {
		b.WriteString(`"產出",`)
	}
	b.WriteString("]\n")
	for range n {
		b.WriteString("[[duty.task.block]]\nshares_outputs = true\nindicators = [\"指標。\"]\n")
	}
	return []byte(b.String())
}

// Checking a standard that shares rows costs work linear in its size:
// ten times the input makes well under a hundred times the allocations,
// in number and in bytes.
func TestSharedRowsLinear(t *testing.T) {
	check := func(n int) func() {
		data := sharedHostile(n)
		return func() {
			s, ps := CheckData("x.toml", data)
			if s == nil {
				t.Fatalf("load failed: %v", ps)
			}
		}
	}
	small, large := cost.Allocs(check(200)), cost.Allocs(check(2000))
	if ratio := large / small; ratio > 30 {
		t.Errorf("10× the input costs %.0f× the allocations (%.0f → %.0f): shared rows cost more than linear", ratio, small, large)
	}
	smallB, largeB := allocBytes(check(200)), allocBytes(check(2000))
	if ratio := largeB / smallB; ratio > 30 {
		t.Errorf("10× the input costs %.0f× the bytes allocated (%.0f → %.0f): shared rows cost more than linear", ratio, smallB, largeB)
	}
}

// allocBytes returns the bytes f allocates.
func allocBytes(f func()) float64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc - before.TotalAlloc)
}
