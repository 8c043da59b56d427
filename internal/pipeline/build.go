package pipeline

import (
	"fmt"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
	"github.com/ocs-project/ocs/templates/table"
)

// Options say how to build a document: the settings every kind takes
// (language, labels, landscape, date) in Assessment.Options, the
// assessment's own settings in the rest of Assessment, and the inputs of
// single kinds.
type Options struct {
	// Assessment holds the common template options (embedded Options)
	// and, for the assessment kind, scope, parts, scale and methods.
	Assessment assessment.AssessmentOptions
	// Overlay is the company overlay of a job description; nil makes an
	// occupation profile.
	Overlay *jobdesc.Overlay
	// Candidate pre-fills an assessment pack; nil gives blank forms.
	Candidate *assessment.Candidate
}

// Common returns the template options every kind takes.
func (o Options) Common() templates.Options { return o.Assessment.Options }

// Build makes the document of kind k from s. Problems are the overlay's
// warnings for a job description; its errors are returned as an error of
// type standard.Problems. Build does not change s or opt, so many
// goroutines may build from one standard at once.
func Build(s *standard.Standard, k Kind, opt Options) (*render.Document, standard.Problems, error) {
	switch k {
	case Standard:
		d, err := table.Standard(s, opt.Common())
		return d, nil, err
	case Assessment:
		d, err := assessment.Assessment(s, opt.Assessment, opt.Candidate)
		return d, nil, err
	case JobDesc, Profile:
		var ps standard.Problems
		if opt.Overlay != nil && k == JobDesc {
			ps = opt.Overlay.Validate(s)
			if errs := ps.Errors(); len(errs) > 0 {
				return nil, nil, errs
			}
		}
		ov := opt.Overlay
		if k == Profile {
			ov = nil
		}
		d, err := jobdesc.JobDescription(s, ov, opt.Common())
		return d, ps, err
	}
	return nil, nil, fmt.Errorf("unknown document kind %q (choose one of %s)", k, joinKinds(Kinds()))
}

// Suffix names a document of kind k with options opt in file names:
// "standard", "assessment", "jobdesc", or "profile" for a job description
// without overlay.
func Suffix(k Kind, opt Options) string {
	if k == JobDesc && opt.Overlay == nil {
		return string(Profile)
	}
	return string(k)
}
