package assessment

import (
	"reflect"
	"sync"
	"testing"
)

// A Pack gives each candidate the document Assessment gives, however many
// candidates it serves and in whichever order or goroutines.
func TestPackSameAsAssessment(t *testing.T) {
	s := packStandard()
	cands := []*Candidate{
		nil,
		{Name: "王小明", ID: "A001", Date: "2026/12/01"},
		{Name: "林美華", Organization: "台北訓練中心", Assessor: "陳評", Place: "台北",
			Extra: []Field{{Label: "電話", Value: "02-1234"}}},
		{},
	}
	for _, opt := range []AssessmentOptions{{}, {Parts: []string{PartThirdParty, PartKnowledge}}} {
		p, err := NewPack(s, opt)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for i, c := range cands {
			want := pack(t, s, opt, c)
			wg.Go(func() {
				if got := p.Assessment(c); !reflect.DeepEqual(got, want) {
					t.Errorf("parts %v, candidate %d: the pack's document differs from Assessment's", opt.Parts, i)
				}
			})
		}
		wg.Wait()
	}
}
