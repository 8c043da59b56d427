package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
)

// addDraftFlag registers --draft on a command.
func addDraftFlag(cmd *cobra.Command, draft *bool) {
	cmd.Flags().BoolVar(draft, "draft", false,
		"render despite errors where the document can still be drawn: 「草稿」 on every page, the problems on a last page (settings: draft = true)")
}

// draftOf makes a draft of a standard that pipeline.Load refused with err
// for its errors, when draft is set: the parsed standard, and the lines of
// its problems for the last page; the problems are printed on w. Without
// draft, or when the file does not even parse, it returns nil: nothing is
// ever rendered from a draft unless asked.
func draftOf(src pipeline.Source, draft bool, err error, w io.Writer) (*standard.Standard, []string) {
	var ps standard.Problems
	if !draft || !errors.As(err, &ps) {
		return nil, nil
	}
	s, perr := standard.Parse(src.Name, src.Data)
	if perr != nil {
		return nil, nil
	}
	for _, p := range ps {
		if p.Severity != standard.Info {
			fmt.Fprintln(w, p)
		}
	}
	fmt.Fprintf(w, "%s: rendered as a draft: %s\n", src.Name, plural(ps.Count(standard.Error), "error"))
	return s, draftProblems(ps)
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
		out = append(out, strings.TrimLeft(p.String(), ": "))
	}
	return out
}
