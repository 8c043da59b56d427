package jobdesc

import (
	"html"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// descriptionHTML writes the blocks of a job description as the small
// HTML fragment that schema.org JobPosting takes as its description
// (Google for Jobs asks for the full text in HTML: paragraphs, lists,
// headings); sep follows a label. It covers the blocks a job description uses; every text is
// escaped. The visible page comes from render/html, not from here.
func descriptionHTML(blocks []render.Block, sep string) string {
	var w strings.Builder
	for _, b := range blocks {
		switch b := b.(type) {
		case *render.Heading:
			n := strconv.Itoa(min(max(b.Level+1, 2), 6))
			w.WriteString("<h" + n + ">")
			descriptionRuns(&w, b.Runs)
			w.WriteString("</h" + n + ">")
		case *render.Paragraph:
			w.WriteString("<p>")
			descriptionRuns(&w, b.Runs)
			w.WriteString("</p>")
		case *render.List:
			w.WriteString("<ul>")
			for _, it := range b.Items {
				w.WriteString("<li>")
				descriptionRuns(&w, it)
				w.WriteString("</li>")
			}
			w.WriteString("</ul>")
		case *render.KeyValue:
			w.WriteString("<ul>")
			for _, p := range b.Pairs {
				w.WriteString("<li><strong>" + html.EscapeString(p.Label) + "</strong>" + html.EscapeString(sep))
				for i, v := range p.Value {
					if i > 0 {
						w.WriteString("<br>")
					}
					descriptionRuns(&w, v.Runs)
				}
				w.WriteString("</li>")
			}
			w.WriteString("</ul>")
		}
	}
	return w.String()
}

// descriptionRuns writes runs as escaped HTML text.
func descriptionRuns(w *strings.Builder, runs []render.Run) {
	for _, r := range runs {
		t := strings.ReplaceAll(html.EscapeString(r.Text), "\n", "<br>")
		switch {
		case r.Super:
			t = "<sup>" + t + "</sup>"
		case r.Bold:
			t = "<strong>" + t + "</strong>"
		}
		w.WriteString(t)
	}
}
