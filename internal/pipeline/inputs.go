package pipeline

import (
	"bytes"

	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

// ParseLabels reads label overrides, key = "wording", at the top level,
// in a [labels] table or per document kind ([labels.standard] …), through
// templates.ParseLabelFile; name is how messages refer to the input.
func ParseLabels(name string, data []byte) (map[string]string, error) {
	return templates.ParseLabelFile(name, data)
}

// ParseOverlay reads a company overlay for a job description.
func ParseOverlay(name string, data []byte) (*jobdesc.Overlay, error) {
	return jobdesc.ParseOverlay(data, name)
}

// ParseAssessmentSettings reads an assessment settings file (scope,
// parts, scale, methods, labels).
func ParseAssessmentSettings(name string, data []byte) (assessment.AssessmentOptions, error) {
	return assessment.ParseAssessmentConfig(data, name)
}

// ParseRoster reads a roster of candidates (CSV).
func ParseRoster(name string, data []byte) ([]assessment.Candidate, error) {
	return assessment.ReadRoster(bytes.NewReader(data), name)
}
