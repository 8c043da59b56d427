package pipeline

import (
	"fmt"
	"strings"

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
	// Draft lists the problems of a standard rendered despite its errors
	// (--draft): when not empty, the document is marked a draft
	// (render.MarkDraft) and lists them on a last page.
	Draft []string
}

// Common returns the template options every kind takes.
func (o Options) Common() templates.Options { return o.Assessment.Options }

// Build makes the document of kind k from s. Problems are the overlay's
// warnings for a job description; its errors are returned as an error of
// type standard.Problems. Build does not change s or opt, so many
// goroutines may build from one standard at once.
func Build(s *standard.Standard, k Kind, opt Options) (*render.Document, standard.Problems, error) {
	d, ps, err := build(s, k, opt)
	if err == nil && d != nil && len(opt.Draft) > 0 {
		render.MarkDraft(d, DraftLabels(opt.Common().Lang), opt.Draft)
	}
	return d, ps, err
}

// DraftLabels are the words of a draft in a label language.
func DraftLabels(lang string) render.DraftLabels {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return render.DraftLabels{Mark: "DRAFT", Problems: "Draft: problems to fix"}
	}
	return render.DraftLabels{Mark: "草稿", Problems: "草稿：尚待修正的問題"}
}

func build(s *standard.Standard, k Kind, opt Options) (*render.Document, standard.Problems, error) {
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
