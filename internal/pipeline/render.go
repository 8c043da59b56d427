package pipeline

import (
	"context"

	"github.com/ocs-project/ocs/standard"
)

// Result is a rendered document.
type Result struct {
	Data     []byte
	Problems standard.Problems // the overlay's warnings, for a job description
	Warnings []string          // the encoder's warnings (characters printed as boxes)
}

// Render builds the document of kind k from s and encodes it in format f:
// Build then Encode.
func (e *Encoder) Render(ctx context.Context, s *standard.Standard, k Kind, opt Options, f Format) (Result, error) {
	doc, ps, err := Build(s, k, opt)
	if err != nil {
		return Result{Problems: ps}, err
	}
	data, warns, err := e.Encode(ctx, doc, f)
	return Result{Data: data, Problems: ps, Warnings: warns}, err
}
