package pipeline_test

import (
	"bytes"
	"context"
	"fmt"

	"github.com/ocs-project/ocs/internal/pipeline"
)

// Render a standard held in memory (here a bundled one; a server would use
// pipeline.Source{Name: upload name, Data: upload bytes}) as text.
func Example() {
	src, err := pipeline.Bundled("THM2431-001v1")
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _, err := pipeline.Load(src)
	if err != nil {
		fmt.Println(err) // standard.Problems: every error, with file, line and field
		return
	}
	enc, err := pipeline.NewEncoder(pipeline.EncoderConfig{})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := enc.Render(context.Background(), s, pipeline.Standard, pipeline.Options{}, pipeline.TXT)
	if err != nil {
		fmt.Println(err)
		return
	}
	title, _, _ := bytes.Cut(res.Data, []byte("\n"))
	fmt.Println(string(title))
	// Output: 行銷業務專員職能基準
}
