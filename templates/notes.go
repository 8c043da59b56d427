package templates

import (
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
)

// Runs turns text into runs for a paragraph: every 【註N】 note reference
// becomes a superscript run of its own and the text around it stays plain.
// A reference written with spaces (【註 1】) prints as 【註1】; a bracket
// that is no reference (【註】) stays plain text. Empty text gives no runs.
//
// For example "使用策略【註1】。" gives the runs "使用策略", "【註1】"
// (Super) and "。".
func Runs(text string) []render.Run {
	parts := standard.SplitNotes(text)
	if len(parts) == 0 {
		return nil
	}
	runs := make([]render.Run, len(parts))
	for i, p := range parts {
		runs[i] = render.Run{Text: p.Text, Super: p.Note > 0}
	}
	return runs
}
