// Command testsum reads the JSON stream of `go test -json` on standard input
// and prints what a person needs from it: the full output of every failed
// test as soon as it fails, build errors, the list of skipped tests with
// the reason each gave, and last go test's usual one-line summary per
// package ("ok", "FAIL", "no test files").
//
// `make test` pipes go test through it so that a test that skipped because
// a tool was missing is visible instead of hiding inside a green run:
//
//	go test -json ./... | go run ./internal/testsum
//
// It exits with status 1 when a test or a build failed, or when the input
// holds no test events at all.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	ok, err := summarise(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsum:", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

// summarise copies the report for the go test -json stream in to w and
// reports whether everything passed.
func summarise(in io.Reader, w io.Writer) (bool, error) {
	r := newReport()
	if err := r.read(in, w); err != nil {
		return false, err
	}
	if err := r.finish(w); err != nil {
		return false, err
	}
	return r.ok(), nil
}
