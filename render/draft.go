package render

// DraftLabels are the words MarkDraft prints.
type DraftLabels struct {
	Mark     string // on every page and in the metadata, e.g. "草稿"
	Problems string // the heading of the last page, e.g. "草稿：尚待修正的問題"
}

// MarkDraft marks doc as a draft, rendered despite the problems listed:
// the mark goes on every page (Watermark, and the left of every running
// footer), into the metadata (Subject and Keywords), and a last page lists
// the problems, one item each.
func MarkDraft(doc *Document, l DraftLabels, problems []string) {
	doc.Watermark = l.Mark
	doc.Meta.Subject = join(l.Mark, doc.Meta.Subject)
	doc.Meta.Keywords = append([]string{l.Mark}, doc.Meta.Keywords...)
	doc.Footer.Left = join(l.Mark, doc.Footer.Left)
	for _, b := range doc.Blocks {
		if pb, ok := b.(*PageBreak); ok && pb.Footer != nil {
			f := *pb.Footer
			f.Left = join(l.Mark, f.Left)
			pb.Footer = &f
		}
	}
	if len(problems) == 0 {
		return
	}
	list := &List{Bullet: "•", Style: Small}
	for _, p := range problems {
		list.Items = append(list.Items, []Run{{Text: p}})
	}
	doc.Blocks = append(doc.Blocks, &PageBreak{}, &Heading{Level: 1, Runs: []Run{{Text: l.Problems}}}, list)
}

// join puts mark before text, an ideographic space between.
func join(mark, text string) string {
	if text == "" {
		return mark
	}
	return mark + "\u3000" + text
}
