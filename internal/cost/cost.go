// Package cost measures how the work of a function grows with its input,
// for tests that bound it without wall-clock constants: the work is the
// number of heap allocations, which does not depend on the machine's
// speed or load.
package cost

import (
	"testing"
)

// Allocs returns the number of heap allocations one call of f makes.
func Allocs(f func()) float64 {
	return testing.AllocsPerRun(1, f)
}
