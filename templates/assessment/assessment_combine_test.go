package assessment

import (
	"testing"

	"github.com/ocs-project/ocs/render"
)

func TestCombineNamesCohortAndSections(t *testing.T) {
	s := packStandard()
	a := pack(t, s, AssessmentOptions{Parts: []string{"cover"}}, &Candidate{Name: "甲"})
	b := pack(t, s, AssessmentOptions{Parts: []string{"cover"}}, &Candidate{Name: "乙"})
	tests := []struct {
		name, title, want string
	}{
		{"a member's title names the cohort instead", "行銷業務專員職能評量表 — 甲", "行銷業務專員職能評量表"},
		{"no title", "", "行銷業務專員職能評量表"},
		{"a title of the caller's own", "第一梯次評量", "第一梯次評量"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Combine(tc.title, a, b)
			if err != nil {
				t.Fatal(err)
			}
			if d.Meta.Title != tc.want {
				t.Errorf("title %q, want %q", d.Meta.Title, tc.want)
			}
			if d.Meta.Section != "行銷業務專員職能評量表 — 甲" {
				t.Errorf("first section %q, want the first candidate's pack", d.Meta.Section)
			}
			var titles []string
			for _, blk := range d.Blocks {
				if pb, ok := blk.(*render.PageBreak); ok && pb.NewSection {
					titles = append(titles, pb.Title)
				}
			}
			if len(titles) != 1 || titles[0] != "行銷業務專員職能評量表 — 乙" {
				t.Errorf("section titles %q, want the second candidate's pack", titles)
			}
		})
	}
	// One document keeps its own title: it names its one candidate.
	d, err := Combine("", a)
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "行銷業務專員職能評量表 — 甲" || d.Meta.Section != "" {
		t.Errorf("one document: title %q, section %q", d.Meta.Title, d.Meta.Section)
	}
}
