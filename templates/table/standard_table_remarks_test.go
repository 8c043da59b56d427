package table

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// TestRemarksHeadingsOnlyOverContent checks that the remarks' headings
// are printed only when something is under them.
func TestRemarksHeadingsOnlyOverContent(t *testing.T) {
	const (
		section = "說明與補充事項"
		prereq  = "建議擔任此職類/職業之學歷/經歷/或能力條件"
		other   = "其他補充說明"
	)
	tests := []struct {
		name                   string
		prereqs, notes, others bool
	}{
		{"everything", true, true, true},
		{"no remarks", false, false, false},
		{"prerequisites only", true, false, false},
		{"notes only", false, true, false},
		{"supplements only", false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sampleStandard()
			s.Description = "規劃並執行測試，回報結果。"
			s.Duties[0].Tasks[0].Blocks[0].Indicators[1].Text = "確認範圍。"
			s.Duties[1].Tasks[0].Blocks[1].Indicators[0].Text = "分析失敗原因。"
			s.Attitudes[0].Definition = "不需他人指示能自動自發做事。"
			if !tt.prereqs {
				s.Prerequisites = nil
			}
			if !tt.notes {
				s.Notes = nil
			}
			if !tt.others {
				s.Supplements = nil
			}
			text := doctest.AllText(build(t, s, templates.Options{}))
			for _, h := range []struct {
				label string
				want  bool
			}{
				{section, tt.prereqs || tt.notes || tt.others},
				{prereq, tt.prereqs},
				{other, tt.notes || tt.others},
			} {
				if got := strings.Contains(text, h.label); got != h.want {
					t.Errorf("%s printed = %v, want %v", h.label, got, h.want)
				}
			}
		})
	}
}
