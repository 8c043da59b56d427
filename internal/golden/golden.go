// Package golden compares test output with reviewed files kept in
// testdata, and rewrites those files when the test runs with -update:
//
//	go test ./render/text -update
//
// A mismatch is reported as a line diff, so an intended change shows up
// small in review and an unintended one is easy to find. Importing the
// package registers the -update flag in the test binary.
package golden

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata with the output of the code")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Check compares got with the golden file at path. With -update it writes
// got to path instead (creating folders) and the test passes.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (run the test with -update to create it, then review it)", path, err)
	}
	if bytes.Equal(got, want) {
		return
	}
	t.Errorf("output differs from %s (-want +got; review, then go test -update if intended):\n%s",
		path, Diff(string(want), string(got)))
}

// CheckSHA256 compares the SHA-256 of data, in hex, with the one pinned in
// the file at path (rewritten with -update). Pinning the hash of a whole
// output file tests that the same input gives the same bytes on every
// machine, not only twice on one.
func CheckSHA256(t testing.TB, path string, data []byte) {
	t.Helper()
	sum := sha256.Sum256(data)
	Check(t, path, []byte(hex.EncodeToString(sum[:])+"\n"))
}

// context is how many equal lines a diff shows around a change.
const context = 2

// maxCells bounds the work of the line matching (lines of want × lines of
// got); larger inputs are compared from the first differing line.
const maxCells = 4 << 20

// Diff returns a line diff of want and got: changed lines with "-" (only in
// want) and "+" (only in got), two equal lines around each change, and
// "@@ line N" where a hunk starts in want. It is empty when they are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	a, b := lines(want), lines(got)
	var ops []edit
	if len(a)*len(b) <= maxCells {
		ops = match(a, b)
	} else {
		ops = prefixOnly(a, b)
	}
	return format(ops)
}

// edit is one line of a diff: kind ' ', '-' or '+', with its line number
// in want (for ' ' and '-') or got ('+').
type edit struct {
	kind byte
	line int
	text string
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	ls := strings.SplitAfter(s, "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	for i, l := range ls {
		if !strings.HasSuffix(l, "\n") {
			ls[i] = l + "⏎(no newline at end)\n"
		}
	}
	return ls
}

// match finds a longest common subsequence of lines and lists the edits.
func match(a, b []string) []edit {
	n, m := len(a), len(b)
	// lcs[i][j] is the LCS length of a[i:] and b[j:], in one flat slice.
	lcs := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return lcs[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(at(i+1, j), at(i, j+1))
			if a[i] == b[j] {
				v = at(i+1, j+1) + 1
			}
			lcs[i*(m+1)+j] = v
		}
	}
	var ops []edit
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, edit{' ', i + 1, a[i]})
			i++
			j++
		case i < n && (j == m || at(i+1, j) >= at(i, j+1)):
			ops = append(ops, edit{'-', i + 1, a[i]})
			i++
		default:
			ops = append(ops, edit{'+', j + 1, b[j]})
			j++
		}
	}
	return ops
}

// prefixOnly lists the equal lines up to the first difference, then the
// rest of both sides as removed and added.
func prefixOnly(a, b []string) []edit {
	var ops []edit
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		ops = append(ops, edit{' ', k + 1, a[k]})
		k++
	}
	for i := k; i < len(a); i++ {
		ops = append(ops, edit{'-', i + 1, a[i]})
	}
	for j := k; j < len(b); j++ {
		ops = append(ops, edit{'+', j + 1, b[j]})
	}
	return ops
}

// format prints the changes with their context.
func format(ops []edit) string {
	show := make([]bool, len(ops))
	for i, o := range ops {
		if o.kind == ' ' {
			continue
		}
		for k := max(0, i-context); k <= min(len(ops)-1, i+context); k++ {
			show[k] = true
		}
	}
	var sb strings.Builder
	for i, o := range ops {
		if !show[i] {
			continue
		}
		if i == 0 || !show[i-1] {
			line := o.line
			if o.kind == '+' {
				line = wantLine(ops, i)
			}
			fmt.Fprintf(&sb, "@@ line %d\n", line)
		}
		sb.WriteByte(o.kind)
		sb.WriteString(o.text)
	}
	return sb.String()
}

// wantLine is the line of want where the edit at i happens.
func wantLine(ops []edit, i int) int {
	for k := i; k >= 0; k-- {
		if ops[k].kind != '+' {
			return ops[k].line + 1
		}
	}
	return 1
}
