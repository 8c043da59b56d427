package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
)

// addDraftFlag registers --draft on a command.
func addDraftFlag(cmd *cobra.Command, draft *bool) {
	cmd.Flags().BoolVar(draft, "draft", false,
		"render despite errors where the document can still be drawn: 「草稿」 on every page, the problems on a last page (settings: draft = true)")
}

// draftLabels are the draft's words in a label language.
func draftLabels(lang string) render.DraftLabels {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return render.DraftLabels{Mark: "DRAFT", Problems: "Draft: problems to fix"}
	}
	return render.DraftLabels{Mark: "草稿", Problems: "草稿：尚待修正的問題"}
}

// loadDraftable parses and validates a standard. Errors refuse it, as
// loadStandard does, unless draft is set: then a standard that parses is
// returned with its errors and warnings as lines for the draft's last
// page (nil when it has no errors: a clean standard is no draft). Warnings
// are printed on warn either way.
func loadDraftable(in input, warn io.Writer, draft bool) (*standard.Standard, []string, error) {
	if !draft {
		s, err := loadStandard(in, warn)
		return s, nil, err
	}
	s, err := standard.Parse(in.Name, in.Data)
	if err != nil {
		return nil, nil, err // not even the shape of a standard: nothing to draw
	}
	ps := standard.Validate(s)
	for _, p := range ps {
		if p.Severity != standard.Info && warn != nil {
			fmt.Fprintln(warn, p)
		}
	}
	return s, draftProblems(ps), nil
}

// draftProblems are the lines a draft's last page lists: every error and
// warning, without the file name; nil when there is no error.
func draftProblems(ps standard.Problems) []string {
	if ps.Count(standard.Error) == 0 {
		return nil
	}
	var out []string
	for _, p := range ps {
		if p.Severity == standard.Info {
			continue
		}
		p.File = "" // the page belongs to the file: "12: error R09: …"
		line := strings.TrimLeft(p.String(), ": ")
		out = append(out, line)
	}
	return out
}

// markDraft marks doc as a draft when there are problems to list.
func markDraft(doc *render.Document, lang string, problems []string) {
	if doc != nil && len(problems) > 0 {
		render.MarkDraft(doc, draftLabels(lang), problems)
	}
}

// draftOf makes a draft of a standard that build refused for its errors,
// when draft is set: *s becomes the parsed standard, and the lines of its
// problems are returned for the last page. It says so on w. Without
// draft, or when the file does not even parse, it returns nil and leaves
// *s nil: build never publishes a draft unless asked.
func draftOf(in input, draft bool, s **standard.Standard, ps standard.Problems, w io.Writer) []string {
	if !draft || *s != nil {
		return nil
	}
	parsed, err := standard.Parse(in.Name, in.Data)
	if err != nil {
		return nil
	}
	*s = parsed
	for _, p := range ps {
		if p.Severity != standard.Info {
			fmt.Fprintln(w, p)
		}
	}
	fmt.Fprintf(w, "%s: built as a draft: %s\n", in.Name, plural(ps.Count(standard.Error), "error"))
	return draftProblems(ps)
}
