package docx

import (
	"fmt"

	"github.com/ocs-project/ocs/render"
)

// validate checks the document's structure (render.Check), then every
// text of the document and the options, before anything is written, so
// that bad input gives an error naming where the text stands (in the form
// render.Walk uses, e.g. "blocks[3].rows[2].cells[1].paras[0].runs[0]")
// instead of a corrupt file. Paths are built only when something is wrong.
func validate(d *render.Document, opt Options) error {
	if err := render.Check(d); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	v := validator{}
	v.text(func() string { return "options.EastAsiaFont" }, opt.EastAsiaFont)
	v.text(func() string { return "options.ASCIIFont" }, opt.ASCIIFont)
	v.text(func() string { return "meta.title" }, d.Meta.Title)
	v.text(func() string { return "meta.subject" }, d.Meta.Subject)
	v.text(func() string { return "meta.author" }, d.Meta.Author)
	v.text(func() string { return "meta.lang" }, d.Meta.Lang)
	for i, k := range d.Meta.Keywords {
		v.text(func() string { return fmt.Sprintf("meta.keywords[%d]", i) }, k)
	}
	v.footer(func() string { return "footer" }, &d.Footer)
	for i, b := range d.Blocks {
		v.block(func() string { return fmt.Sprintf("blocks[%d]", i) }, b)
	}
	return v.err
}

// validator keeps the first problem found.
type validator struct{ err error }

func (v *validator) text(where func() string, s string) {
	if v.err != nil {
		return
	}
	if bad := checkText(s); bad != nil {
		v.err = fmt.Errorf("docx: %s: %w", where(), bad)
	}
}

func (v *validator) footer(where func() string, f *render.Footer) {
	v.text(func() string { return where() + ".left" }, f.Left)
	v.text(func() string { return where() + ".center" }, f.Center)
	v.text(func() string { return where() + ".right" }, f.Right)
}

func (v *validator) runs(where func() string, runs []render.Run) {
	for i := range runs {
		v.text(func() string { return fmt.Sprintf("%s.runs[%d]", where(), i) }, runs[i].Text)
	}
}

func (v *validator) paras(where func() string, ps []render.Paragraph) {
	for i := range ps {
		v.runs(func() string { return fmt.Sprintf("%s.paras[%d]", where(), i) }, ps[i].Runs)
	}
}

// block checks the texts of a block, which render.Check has found not nil.
func (v *validator) block(where func() string, b render.Block) {
	switch b := b.(type) {
	case *render.Heading:
		v.runs(where, b.Runs)
	case *render.Paragraph:
		v.runs(where, b.Runs)
	case *render.KeyValue:
		for i, p := range b.Pairs {
			pw := func() string { return fmt.Sprintf("%s.pairs[%d]", where(), i) }
			v.text(func() string { return pw() + ".label" }, p.Label)
			v.paras(pw, p.Value)
		}
	case *render.Table:
		v.text(func() string { return where() + ".continued" }, b.Continued)
		for i, r := range b.Rows {
			for j, c := range r.Cells {
				v.paras(func() string { return fmt.Sprintf("%s.rows[%d].cells[%d]", where(), i, j) }, c.Paras)
			}
		}
	case *render.List:
		v.text(func() string { return where() + ".bullet" }, b.Bullet)
		for i, it := range b.Items {
			v.runs(func() string { return fmt.Sprintf("%s.items[%d]", where(), i) }, it)
		}
	case *render.Signature:
		for i, f := range b.Fields {
			v.text(func() string { return fmt.Sprintf("%s.fields[%d]", where(), i) }, f)
		}
	case *render.PageBreak:
		if b.Footer != nil {
			v.footer(func() string { return where() + ".footer" }, b.Footer)
		}
	}
}
