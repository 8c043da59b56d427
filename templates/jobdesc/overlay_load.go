package jobdesc

import (
	"fmt"
	"os"

	"github.com/ocs-project/ocs/diag"
)

// LoadOverlay reads a company overlay from a TOML file. Loading is strict:
// a syntax error, a value of the wrong type or an unknown key (with a
// suggestion for a likely typo) is returned as standard.Problems placed at
// line and column. A file that loads may still be invalid for a standard:
// see Validate.
func LoadOverlay(path string) (*Overlay, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read company overlay: %w", err)
	}
	return ParseOverlay(data, path)
}

// ParseOverlay decodes a company overlay from TOML text; name is the file
// name used in problems and to resolve a relative standard path. It goes
// through diag.Decode, so its size and nesting are bounded and its unknown
// keys are found in linear time.
func ParseOverlay(data []byte, name string) (*Overlay, error) {
	var o Overlay
	doc, ps := diag.Decode(name, data, &o, diag.Limits{})
	if ps != nil {
		return nil, ps
	}
	if ps := doc.UnknownKeys(); len(ps) > 0 {
		return nil, ps
	}
	o.Source = name
	o.Lines = doc.Lines()
	return &o, nil
}
