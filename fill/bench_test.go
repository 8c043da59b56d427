package fill

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates/assessment"
)

// BenchmarkFillJobDescription fills the example 職務說明書 for THM2431-001v1
// (the template parsed once, as a batch does).
func BenchmarkFillJobDescription(b *testing.B) {
	tpl, s := exampleTemplate(b, "job-description.docx")
	d := Data(s, nil, nil)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tpl.Fill(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFill500 fills the example assessment record for a cohort of
// 500 candidates, one document each: one op is the whole cohort.
func BenchmarkFill500(b *testing.B) {
	tpl, s := exampleTemplate(b, "assessment-record.docx")
	sets := make([]map[string]any, 500)
	for i := range sets {
		sets[i] = Data(s, nil, &assessment.Candidate{Name: fmt.Sprintf("受評者%03d", i), ID: fmt.Sprintf("A%03d", i)})
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range sets {
			if _, err := tpl.Fill(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func exampleTemplate(b *testing.B, name string) (*Template, *standard.Standard) {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "templates", name))
	if err != nil {
		b.Fatal(err)
	}
	tpl, err := Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	return tpl, bundled(b, "THM2431-001v1")
}
