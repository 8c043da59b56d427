package main

import (
	"runtime/debug"
	"testing"
)

func TestOneDocument(t *testing.T) {
	// GOGC=400 under a soft memory limit; GOGC and GOMEMLIMIT in the
	// environment win.
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	tests := []struct {
		gogc, memlimit string
		percent        int
		limit          int64
	}{
		{"", "", 400, heapLimit},
		{"150", "", 150, 1<<63 - 1},
		{"", "1GiB", 400, 1<<63 - 1},
	}
	for _, tc := range tests {
		t.Setenv("GOGC", tc.gogc)
		t.Setenv("GOMEMLIMIT", tc.memlimit)
		debug.SetGCPercent(100)
		if tc.gogc == "150" {
			debug.SetGCPercent(150) // as the runtime would from the environment
		}
		debug.SetMemoryLimit(1<<63 - 1)
		oneDocument()
		if got := debug.SetGCPercent(100); got != tc.percent {
			t.Errorf("GOGC %q: GC percent %d, want %d", tc.gogc, got, tc.percent)
		}
		if got := debug.SetMemoryLimit(-1); got != tc.limit {
			t.Errorf("GOMEMLIMIT %q: memory limit %d, want %d", tc.memlimit, got, tc.limit)
		}
	}
}
