package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// event is one line of `go test -json` (see `go doc cmd/test2json`).
type event struct {
	Action      string
	Package     string
	Test        string
	Output      string
	FailedBuild string
	ImportPath  string // build-output and build-fail events
}

// skip is a test that skipped, with the message it gave.
type skip struct {
	pkg, test, reason string
}

// report gathers a go test -json stream.
type report struct {
	out      map[string]*strings.Builder // test output not yet placed, by package + test
	summary  []string                    // go test's per-package lines, in arrival order
	skips    []skip
	passed   int
	failed   int
	broken   bool // a package or build failed
	anyEvent bool
}

func newReport() *report {
	return &report{out: map[string]*strings.Builder{}}
}

func key(pkg, test string) string { return pkg + "\x00" + test }

// read consumes the stream, writing failures and build errors to w as they
// happen.
func (r *report) read(in io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			// go test writes some errors (a package that does not exist,
			// a bad flag) as plain text.
			if _, err := fmt.Fprintf(w, "%s\n", line); err != nil {
				return err
			}
			continue
		}
		if err := r.add(e, w); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading go test -json output: %w", err)
	}
	return nil
}

// add takes one event.
func (r *report) add(e event, w io.Writer) error {
	r.anyEvent = true
	switch e.Action {
	case "build-output":
		_, err := io.WriteString(w, e.Output)
		return err
	case "build-fail":
		r.broken = true
		return nil
	case "output":
		k := key(e.Package, e.Test)
		b := r.out[k]
		if b == nil {
			b = &strings.Builder{}
			r.out[k] = b
		}
		b.WriteString(e.Output)
		return nil
	case "pass", "fail", "skip":
	default:
		return nil
	}
	k := key(e.Package, e.Test)
	text := ""
	if b := r.out[k]; b != nil {
		text = b.String()
		delete(r.out, k)
	}
	if e.Test == "" {
		return r.endPackage(e, text, w)
	}
	switch e.Action {
	case "pass":
		r.passed++
	case "skip":
		r.skips = append(r.skips, skip{e.Package, e.Test, skipReason(text)})
	case "fail":
		r.failed++
		r.broken = true
		_, err := io.WriteString(w, text)
		return err
	}
	return nil
}

// endPackage files a package's summary line and, when the package failed,
// prints whatever it said outside its tests (a panic, a timeout, a failing
// TestMain).
func (r *report) endPackage(e event, text string, w io.Writer) error {
	if e.Action == "fail" {
		r.broken = true
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		switch {
		case line == "":
		case isSummary(line):
			r.summary = append(r.summary, strings.TrimSuffix(line, "\n"))
		case e.Action == "fail" && line != "FAIL\n" && line != "PASS\n":
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
		}
	}
	if e.Action == "fail" && !strings.Contains(text, "FAIL\t"+e.Package) {
		r.summary = append(r.summary, "FAIL\t"+e.Package+" [build failed]")
	}
	return nil
}

// isSummary reports whether line is go test's one-line package result.
func isSummary(line string) bool {
	return strings.HasPrefix(line, "ok  \t") || strings.HasPrefix(line, "?   \t") ||
		strings.HasPrefix(line, "FAIL\t")
}

// skipReason keeps what the test logged, without the framework's own lines.
func skipReason(text string) string {
	var parts []string
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		parts = append(parts, t)
	}
	if len(parts) == 0 {
		return "(no reason given)"
	}
	return strings.Join(parts, " ")
}

// finish prints what is left: output of tests that never ended (a crash),
// the skipped tests, the counts and the package summary lines.
func (r *report) finish(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if r.broken {
		for _, k := range slices.Sorted(maps.Keys(r.out)) {
			bw.WriteString(r.out[k].String())
		}
	}
	fmt.Fprintf(bw, "\n%d tests passed, %d failed, %d skipped\n", r.passed, r.failed, len(r.skips))
	for _, s := range r.skips {
		fmt.Fprintf(bw, "SKIP %s %s: %s\n", s.pkg, s.test, s.reason)
	}
	for _, l := range r.summary {
		fmt.Fprintln(bw, l)
	}
	return bw.Flush()
}

// ok reports whether the run passed.
func (r *report) ok() bool {
	return r.anyEvent && !r.broken && r.failed == 0
}
