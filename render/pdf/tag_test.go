package pdf

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/table"
)

// structNode is an element of a structure tree as pdfinfo -struct-text
// prints it.
type structNode struct {
	typ   string
	attrs []string
	text  []string
	kids  []*structNode
}

// structTree reads the structure tree of a PDF with pdfinfo -struct-text.
func structTree(t testing.TB, data []byte) *structNode {
	t.Helper()
	out, err := exec.Command(tool(t, "pdfinfo"), "-struct-text", writeTemp(t, data)).Output()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v", err)
	}
	root := &structNode{typ: "(root)"}
	stack := []*structNode{root} // stack[i] holds the element at depth i-1
	for _, line := range strings.Split(string(out), "\n") {
		s := strings.TrimLeft(line, " ")
		if s == "" {
			continue
		}
		depth := (len(line) - len(s)) / 2
		cur := stack[min(depth, len(stack)-1)]
		switch s[0] {
		case '"':
			cur.text = append(cur.text, strings.TrimSuffix(s[1:], `"`))
		case '/':
			cur.attrs = append(cur.attrs, s)
		default:
			n := &structNode{typ: strings.TrimSuffix(strings.Fields(s)[0], ":")}
			stack = stack[:depth+1]
			stack[depth].kids = append(stack[depth].kids, n)
			stack = append(stack, n)
		}
	}
	return root
}

// walk calls fn on n and every element under it, in order, with the
// element's parent.
func (n *structNode) walk(parent *structNode, fn func(n, parent *structNode)) {
	fn(n, parent)
	for _, k := range n.kids {
		k.walk(n, fn)
	}
}

// bundled returns a bundled standard.
func bundled(t testing.TB, code string) *standard.Standard {
	t.Helper()
	data, name, err := standards.Open(code)
	if err != nil {
		t.Fatal(err)
	}
	s, err := standard.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// bundledDocs builds the standard table and assessment pack of each
// bundled standard.
func bundledDocs(t testing.TB) map[string]*render.Document {
	t.Helper()
	docs := make(map[string]*render.Document)
	for _, code := range []string{"THM2431-001v1", "BAS1219-002v4"} {
		s := bundled(t, code)
		var err error
		if docs[code+" standard"], err = table.Standard(s, templates.Options{}); err != nil {
			t.Fatal(err)
		}
		if docs[code+" assessment"], err = assessment.Assessment(s, assessment.AssessmentOptions{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	return docs
}

func TestTaggedTextInReadingOrder(t *testing.T) {
	docs := bundledDocs(t)
	docs["showcase"] = showcase()
	// A Repeat cell cut before its end: the lines shown again on the next
	// page are artifacts, the lines it goes on with are its text.
	docs["cut repeat cell"] = &render.Document{Blocks: []render.Block{repeatParagraphsTable()}}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			tree := structTree(t, mustRender(t, doc))
			// The document's own text, in block order: what the
			// structure tree must hold, once, in the same order.
			var want strings.Builder
			render.Walk(doc, func(where, text string) {
				// A table's Continued text is shown only on continued
				// cells, which are artifacts.
				if !strings.HasPrefix(where, "meta.") && !strings.HasPrefix(where, "footer.") && !strings.HasSuffix(where, ".continued") {
					want.WriteString(text)
				}
			})
			var got strings.Builder
			tree.walk(nil, func(n, parent *structNode) {
				if n.typ != "Lbl" { // list markers are the backend's
					got.WriteString(strings.Join(n.text, ""))
				}
			})
			// A ticked box draws a check mark the document has no text for.
			g := strings.ReplaceAll(squeeze(got.String()), checkMark, "")
			w := strings.ReplaceAll(squeeze(want.String()), checkMark, "")
			if g != w {
				i := 0
				for i < len(g) && i < len(w) && g[i] == w[i] {
					i++
				}
				t.Errorf("the tagged text differs from the document's after %d bytes:\ntagged   %q\ndocument %q",
					i, g[max(i-30, 0):min(i+60, len(g))], w[max(i-30, 0):min(i+60, len(w))])
			}
			if len(tree.kids) != 1 || tree.kids[0].typ != "Document" {
				t.Fatalf("the tree's root is not one Document element")
			}
		})
	}
}

func TestTableStructure(t *testing.T) {
	allowed := map[string][]string{
		"Table": {"THead", "TBody"}, "THead": {"TR"}, "TBody": {"TR"}, "TR": {"TH", "TD"},
		"L": {"LI"}, "LI": {"Lbl", "LBody"},
	}
	for name, doc := range bundledDocs(t) {
		t.Run(name, func(t *testing.T) {
			cells := 0
			for _, b := range doc.Blocks {
				switch b := b.(type) {
				case *render.Table:
					for _, r := range b.Rows {
						cells += len(r.Cells)
					}
				case *render.KeyValue:
					cells += 2 * len(b.Pairs)
				}
			}
			tags := 0
			structTree(t, mustRender(t, doc)).walk(nil, func(n, parent *structNode) {
				if n.typ == "TD" || n.typ == "TH" {
					tags++
				}
				if parent == nil {
					return
				}
				if want, ok := allowed[parent.typ]; ok && !strings.Contains(" "+strings.Join(want, " ")+" ", " "+n.typ+" ") {
					t.Errorf("a %s holds a %s, want one of %v", parent.typ, n.typ, want)
				}
				if (n.typ == "TD" || n.typ == "TH") && parent.typ != "TR" {
					t.Errorf("a %s is in a %s, not a TR", n.typ, parent.typ)
				}
			})
			// Every cell of the document is a TD or TH (the grid adds
			// empty cells where a row leaves columns empty).
			if tags < cells {
				t.Errorf("%d TD/TH elements for %d cells", tags, cells)
			}
		})
	}
}

func TestTableTags(t *testing.T) {
	// A hand-made table: a header row, a cell spanning two rows, a
	// shaded label cell; the header repeats on the second page as an
	// artifact, so its text is tagged once.
	tb := &render.Table{Widths: []float64{1, 1, 1}, HeaderRows: 1, Rows: []render.Row{
		{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text("欄甲")}}, {Paras: []render.Paragraph{render.Text("欄乙")}, ColSpan: 2}}},
		{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text("跨列")}, RowSpan: 2}, {Paras: []render.Paragraph{render.Text("標籤")}, Shade: true}, {Paras: []render.Paragraph{render.Text("值一")}}}},
		{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text("值二")}}, {Paras: []render.Paragraph{render.Text("值三")}}}},
	}}
	doc := &render.Document{Meta: render.Meta{Lang: "zh-TW"}, Blocks: []render.Block{
		&render.Heading{Level: 1, Runs: []render.Run{{Text: "標題"}}},
		&render.List{Items: [][]render.Run{{{Text: "第一項"}}, {{Text: "第二項"}}}},
		tb, &render.PageBreak{}, tb,
	}}
	var b strings.Builder
	var print func(n *structNode, depth int)
	print = func(n *structNode, depth int) {
		fmt.Fprintf(&b, "%s%s%s %s\n", strings.Repeat(" ", depth), n.typ, strings.Join(n.attrs, ""), strings.Join(n.text, "|"))
		for _, k := range n.kids {
			print(k, depth+1)
		}
	}
	print(structTree(t, mustRender(t, doc)).kids[0], 0)
	table := ` Table 
  THead 
   TR 
    TH/Scope /Column 欄甲
    TH/ColSpan 2/Scope /Column 欄乙
  TBody 
   TR 
    TD/RowSpan 2 跨列
    TH/Scope /Row 標籤
    TD 值一
   TR 
    TD 值二
    TD 值三
`
	want := `Document 
 H1 標題
 L 
  LI 
   Lbl 1.
   LBody 第一項
  LI 
   Lbl 2.
   LBody 第二項
` + table + table
	if b.String() != want {
		t.Errorf("structure:\n%s\nwant\n%s", b.String(), want)
	}
}

// outline reads a PDF's bookmarks with qpdf, as "title page" lines
// indented by level.
func outline(t testing.TB, data []byte) string {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf"), "--json", "--json-key=outlines", writeTemp(t, data)).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	type item struct {
		Title string `json:"title"`
		Page  int    `json:"destpageposfrom1"`
		Kids  []item `json:"kids"`
	}
	var doc struct{ Outlines []item }
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(items []item, depth int)
	walk = func(items []item, depth int) {
		for _, it := range items {
			fmt.Fprintf(&b, "%s%s %d\n", strings.Repeat("  ", depth), it.Title, it.Page)
			walk(it.Kids, depth+1)
		}
	}
	walk(doc.Outlines, 0)
	return b.String()
}

func TestOutlineOfHeadings(t *testing.T) {
	doc := &render.Document{Blocks: []render.Block{
		&render.Paragraph{Style: render.TitleText, Runs: []render.Run{{Text: "職能基準"}}},
		&render.Heading{Level: 2, Runs: []render.Run{{Text: "基本資料"}}},
		&render.Heading{Level: 3, Runs: []render.Run{{Text: "細目"}}}, // not in the outline
		&render.PageBreak{},
		&render.Heading{Level: 1, Runs: []render.Run{{Text: "評量"}}},
		&render.Heading{Level: 2, Runs: []render.Run{{Text: "考生 資料"}}},
	}}
	want := "職能基準 1\n  基本資料 1\n評量 2\n  考生 資料 2\n"
	if got := outline(t, mustRender(t, doc)); got != want {
		t.Errorf("outline:\n%s\nwant\n%s", got, want)
	}
}

func TestOutlineOfAssessment(t *testing.T) {
	docs := bundledDocs(t)
	got := outline(t, mustRender(t, docs["THM2431-001v1 assessment"]))
	// The parts of the pack, each on the page it starts.
	for _, want := range []string{"行銷業務專員職能評量表 1\n  職能基準 1\n  考生資料 1\n", "\n實作觀察檢核表 2\n", "評量結果紀錄表 25\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("the outline lacks %q:\n%s", want, got)
		}
	}
}

func TestRendererWorkers(t *testing.T) {
	// A batch gives the same bytes whatever the number of workers and
	// the order documents come in, with a shared Renderer or without.
	docs := bundledDocs(t)
	names := []string{"THM2431-001v1 standard", "BAS1219-002v4 standard", "THM2431-001v1 assessment", "BAS1219-002v4 assessment"}
	want := make(map[string][]byte)
	for _, n := range names {
		out, err := NewRenderer(Options{Fonts: testSet(t)}).Render(docs[n])
		if err != nil {
			t.Fatal(err)
		}
		want[n] = out
	}
	for _, workers := range []int{1, 2, 4} {
		r := NewRenderer(Options{Fonts: testSet(t)})
		jobs := make(chan string)
		var wg sync.WaitGroup
		errs := make(chan error, 3*len(names))
		for range workers {
			wg.Go(func() {
				for n := range jobs {
					out, err := r.Render(docs[n])
					if err == nil && !bytes.Equal(out, want[n]) {
						err = errors.New(n + ": other bytes")
					}
					if err != nil {
						errs <- err
					}
				}
			})
		}
		for range 3 {
			for i := range names {
				jobs <- names[(i+workers)%len(names)]
			}
		}
		close(jobs)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("%d workers: %v", workers, err)
		}
	}
}

func TestOutlineOfCohort(t *testing.T) {
	// A combined cohort document: one closed bookmark per candidate,
	// holding the parts of their pack, each on the page it starts.
	part := func(title string) []render.Block {
		return []render.Block{
			&render.Heading{Level: 1, Runs: []render.Run{{Text: title + "評量表"}}},
			&render.Heading{Level: 2, Runs: []render.Run{{Text: "考生資料"}}},
			&render.PageBreak{},
			&render.Heading{Level: 1, Runs: []render.Run{{Text: "檢核表"}}},
		}
	}
	doc := &render.Document{Meta: render.Meta{Title: "行銷業務專員職能評量表", Section: "甲"}}
	doc.Blocks = append(doc.Blocks, part("甲")...)
	doc.Blocks = append(doc.Blocks, &render.PageBreak{NewSection: true, Title: "乙"})
	doc.Blocks = append(doc.Blocks, part("乙")...)
	want := "甲 1\n  甲評量表 1\n    考生資料 1\n  檢核表 2\n乙 3\n  乙評量表 3\n    考生資料 3\n  檢核表 4\n"
	out := mustRender(t, doc)
	if got := outline(t, out); got != want {
		t.Errorf("outline:\n%s\nwant\n%s", got, want)
	}
	if !bytes.Contains(plainPDF(t, out), []byte("/Count -3")) {
		t.Error("the candidates' bookmarks are not closed")
	}
}
