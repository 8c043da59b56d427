package diff

import (
	"bytes"
	"encoding/json"

	"github.com/ocs-project/ocs/standard"
)

// FormatVersion names the layout of the JSON change list. It changes only
// when the layout changes incompatibly.
const FormatVersion = "ocs-diff/1"

// Side identifies one of the two standards compared.
type Side struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Source string `json:"source,omitempty"`
}

// Summary counts the changes by action.
type Summary struct {
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Moved   int `json:"moved"`
	Changed int `json:"changed"`
}

// Report is the JSON form of a comparison: see the README's "ocs diff"
// section.
type Report struct {
	Format  string   `json:"format"`
	Equal   bool     `json:"equal"`
	Old     Side     `json:"old"`
	New     Side     `json:"new"`
	Summary Summary  `json:"summary"`
	Changes []Change `json:"changes"`
}

// Summary counts the result's changes by action.
func (r *Result) Summary() Summary {
	var s Summary
	for _, c := range r.Changes {
		switch c.Action {
		case Added:
			s.Added++
		case Removed:
			s.Removed++
		case Moved:
			s.Moved++
		case Changed:
			s.Changed++
		}
	}
	return s
}

// Report returns the JSON form of the result.
func (r *Result) Report() Report {
	side := func(s *standard.Standard) Side {
		return Side{Code: s.Code, Name: s.Name(), Source: s.Source}
	}
	ch := r.Changes
	if ch == nil {
		ch = []Change{}
	}
	return Report{
		Format:  FormatVersion,
		Equal:   r.Equal(),
		Old:     side(r.Old),
		New:     side(r.New),
		Summary: r.Summary(),
		Changes: ch,
	}
}

// JSON returns the result as indented JSON with a final newline, the
// output of ocs diff --format json. Text is written as is (no \u escapes
// for CJK or for <, >, &).
func (r *Result) JSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r.Report()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
