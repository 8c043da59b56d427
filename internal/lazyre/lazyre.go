// Package lazyre compiles regular expressions when they are first used
// rather than when the program starts.
//
// A package-level regexp.MustCompile runs at every start of the program,
// whatever the command; on a small machine the dozens of them in ocs's
// packages cost about a millisecond of each run, most of which never
// uses them.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call and
// returns the same *regexp.Regexp on every call; it is safe for
// concurrent use. Like regexp.MustCompile, the first call panics if expr
// does not compile.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
