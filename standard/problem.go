package standard

import "github.com/ocs-project/ocs/diag"

// Problem is one diagnostic about an input file; see diag.Problem.
type Problem = diag.Problem

// Problems is a list of diagnostics; see diag.Problems.
type Problems = diag.Problems

// Severity ranks a problem; see diag.Severity.
type Severity = diag.Severity

// Severities, most severe first.
const (
	Error   = diag.Error
	Warning = diag.Warning
	Info    = diag.Info
)

// Position is a place in a text; see diag.Position.
type Position = diag.Position

// KeyPositions maps every key of a TOML document to where it is written.
//
// Deprecated: use diag.KeyPositions.
func KeyPositions(src []byte) map[string]Position { return diag.KeyPositions(src) }

// Suggest returns the candidate that word is most likely a typo of.
//
// Deprecated: use diag.Suggest.
func Suggest(word string, candidates []string) string { return diag.Suggest(word, candidates) }
