//go:build !linux

package server

import "bytes"

// processMetrics writes nothing: the process's metrics are read from
// Linux's /proc.
func processMetrics(*bytes.Buffer) {}

// threads is unknown outside Linux.
func threads() (int, bool) { return 0, false }
