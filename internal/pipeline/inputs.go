package pipeline

import (
	"bytes"
	"fmt"
	"maps"
	"slices"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/templates"
)

// ParseLabels reads label overrides, key = "wording", at the top level or
// in a [labels] table; name is how messages refer to the input.
func ParseLabels(name string, data []byte) (map[string]string, error) {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return nil, fmt.Errorf("labels %s: %w", name, err)
	}
	if t, ok := raw["labels"].(map[string]any); ok && len(raw) == 1 {
		raw = t
	}
	out := make(map[string]string, len(raw))
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		v, ok := raw[k].(string)
		if !ok {
			return nil, fmt.Errorf("labels %s: %s must be a string in quotes", name, k)
		}
		out[k] = v
	}
	return out, nil
}

// ParseOverlay reads a company overlay for a job description.
func ParseOverlay(name string, data []byte) (*templates.Overlay, error) {
	return templates.ParseOverlay(data, name)
}

// ParseAssessmentSettings reads an assessment settings file (scope,
// parts, scale, methods, labels).
func ParseAssessmentSettings(name string, data []byte) (templates.AssessmentOptions, error) {
	return templates.ParseAssessmentConfig(data, name)
}

// ParseRoster reads a roster of candidates (CSV).
func ParseRoster(name string, data []byte) ([]templates.Candidate, error) {
	return templates.ReadRoster(bytes.NewReader(data), name)
}
