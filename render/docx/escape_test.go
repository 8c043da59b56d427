package docx

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// hostile are texts that XML gives meaning to, or that tools mishandle;
// each must come back unchanged.
var hostile = []string{
	`A & B <tag> "quoted" 'single' ]]> &amp; &#x41;`,
	"  leading and trailing spaces  ",
	"double  space",
	"tab\there and a line\nbreak",
	"emoji 😀, U+FFFD \uFFFD, line separator \u2028, BOM \uFEFF, 𠀀 (plane 2)",
	"<w:t>not markup</w:t>",
}

func TestHostileTextRoundTrips(t *testing.T) {
	d := &render.Document{Meta: render.Meta{Title: hostile[0], Keywords: hostile}}
	for _, s := range hostile {
		d.Blocks = append(d.Blocks, &render.Paragraph{Runs: []render.Run{{Text: s}}})
	}
	d.Blocks = append(d.Blocks, &render.Table{Widths: []float64{1, 1}, Rows: []render.Row{{Cells: []render.Cell{
		{Paras: []render.Paragraph{render.Text(hostile[0])}}, {Paras: []render.Paragraph{render.Text(hostile[5])}},
	}}}})
	_, parts := unzipParts(t, mustRender(t, d))
	got := paragraphTexts(t, parts["word/document.xml"])
	want := append(append([]string{}, hostile...), hostile[0], hostile[5])
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Errorf("paragraph %d = %q, want %q", i, at(got, i), w)
		}
	}
	if !strings.Contains(parts["docProps/core.xml"], "<dc:title>A &amp; B &lt;tag&gt; &quot;quoted&quot;") {
		t.Errorf("title not escaped in core.xml")
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(missing)"
}

func TestCRLFIsOneBreak(t *testing.T) {
	got := string(appendText(nil, "a\r\nb\rc\n"))
	if want := "<w:t>a</w:t><w:br/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br/>"; got != want {
		t.Errorf("appendText = %s, want %s", got, want)
	}
}

func TestRejectsBadText(t *testing.T) {
	para := func(s string) *render.Paragraph {
		return &render.Paragraph{Runs: []render.Run{{Text: "ok"}, {Text: s}}}
	}
	cell := func(s string) render.Cell {
		return render.Cell{Paras: []render.Paragraph{render.Text("ok"), render.Text(s)}}
	}
	for _, c := range []struct {
		name string
		doc  render.Document
		opt  Options
		want string
	}{
		{"bell in a paragraph", render.Document{Blocks: []render.Block{para("x"), para("ring\a")}},
			Options{}, "blocks[1].runs[1]: character U+0007 at byte 4"},
		{"NUL in a table cell", render.Document{Blocks: []render.Block{&render.Table{Widths: []float64{1}, Rows: []render.Row{{}, {Cells: []render.Cell{cell("a\x00")}}}}}},
			Options{}, "blocks[0].rows[1].cells[0].paras[1].runs[0]: character U+0000 at byte 1"},
		{"invalid UTF-8 in a label", render.Document{Blocks: []render.Block{&render.KeyValue{Pairs: []render.Pair{{Label: "ab\xff"}}}}},
			Options{}, "blocks[0].pairs[0].label: invalid UTF-8 at byte 2"},
		{"U+FFFF in a list", render.Document{Blocks: []render.Block{&render.List{Items: [][]render.Run{{{Text: "\uffff"}}}}}},
			Options{}, "blocks[0].items[0].runs[0]: character U+FFFF"},
		{"form feed in a signature", render.Document{Blocks: []render.Block{&render.Signature{Fields: []string{"a", "\f"}}}},
			Options{}, "blocks[0].fields[1]: character U+000C"},
		{"vertical tab in a section footer", render.Document{Blocks: []render.Block{&render.PageBreak{NewSection: true, Footer: &render.Footer{Right: "\v"}}}},
			Options{}, "blocks[0].footer.right"},
		{"escape in the title", render.Document{Meta: render.Meta{Title: "\x1b[0m"}}, Options{}, "meta.title: character U+001B"},
		{"escape in a keyword", render.Document{Meta: render.Meta{Keywords: []string{"a", "\x1b"}}}, Options{}, "meta.keywords[1]"},
		{"bad font name", render.Document{}, Options{EastAsiaFont: "\x01"}, "options.EastAsiaFont"},
		{"nil block", render.Document{Blocks: []render.Block{para("a"), (*render.Table)(nil)}}, Options{}, "blocks[1]: block is nil"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := Render(&c.doc, c.opt)
			if err == nil {
				t.Fatalf("no error; wrote %d bytes", len(b))
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
			if b != nil {
				t.Errorf("returned %d bytes along with the error", len(b))
			}
		})
	}
	if _, err := Render(nil, Options{}); err == nil {
		t.Error("Render(nil) gave no error")
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add("\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		d := &render.Document{Footer: render.Footer{Center: s}, Blocks: []render.Block{
			&render.Paragraph{Runs: []render.Run{{Text: s}}},
			&render.Table{Widths: []float64{1}, Rows: []render.Row{{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text(s)}}}}}},
		}}
		b, err := Render(d, Options{})
		if err != nil {
			if checkText(s) == nil {
				t.Fatalf("valid text %q rejected: %v", s, err)
			}
			return
		}
		_, parts := unzipParts(t, b)
		got := paragraphTexts(t, parts["word/document.xml"])
		want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
		if len(got) < 2 || got[0] != want || got[1] != want {
			t.Fatalf("text %q came back as %q", s, got)
		}
	})
}
