package docx

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/render"
)

func TestRenderSample(t *testing.T) {
	d := sampleDocument(5, 4)
	data := mustRender(t, d)
	names, parts := unzipParts(t, data)

	wantNames := []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml"}
	if strings.Join(names, " ") != strings.Join(wantNames, " ") {
		t.Errorf("entries = %q, want %q", names, wantNames)
	}

	doc := parts["word/document.xml"]
	text := strings.Join(paragraphTexts(t, doc), "\n")
	if miss := inOrder(text, expectedTexts(d), false); miss != "" {
		t.Errorf("text %q missing or out of order in document.xml", miss)
	}
	for _, c := range []struct {
		what string
		re   string
		n    int
	}{
		{"tables", `<w:tbl>`, 4},
		// The main table's header row and the matrix's.
		{"header rows", `<w:tblHeader/>`, 2},
		// 5 duty cells, and level/K/S merged over two rows once per duty.
		{"vertical merges", `<w:vMerge w:val="restart"/>`, 5 + 5*3},
		{"merge continuations", `<w:vMerge/>`, 5*3 + 5*3},
		{"fixed layout", `<w:tblLayout w:type="fixed"/>`, 4},
		{"two sections", `<w:sectPr>`, 2},
		{"a footer each", `<w:footerReference w:type="default" r:id="rId[45]"/>`, 2},
		{"superscript note marks", `<w:vertAlign w:val="superscript"/>`, 2 * 20},
		{"column span of the matrix note", `<w:gridSpan w:val="5"/>`, 1},
		{"page number restart", `<w:pgNumType w:start="1"/>`, 2},
		{"check boxes", `☑|☐`, 2},
		{"signature leaders", `w:leader="underscore"`, 2},
		{"line break inside a run", `<w:t>備註：第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/>`, 1},
	} {
		if n := len(regexp.MustCompile(c.re).FindAllStringIndex(doc, -1)); n != c.n {
			t.Errorf("%s: %d matches of %s, want %d", c.what, n, c.re, c.n)
		}
	}
	// Every row of a table has cells covering the whole grid.
	for _, tbl := range regexp.MustCompile(`<w:tbl>.*?</w:tbl>`).FindAllString(doc, -1) {
		cols := strings.Count(tbl, "<w:gridCol ")
		for _, tr := range regexp.MustCompile(`<w:tr>.*?</w:tr>`).FindAllString(tbl, -1) {
			n := strings.Count(tr, "<w:tc>")
			for _, m := range regexp.MustCompile(`<w:gridSpan w:val="(\d+)"/>`).FindAllStringSubmatch(tr, -1) {
				n += int(m[1][0]-'0') - 1
			}
			if n != cols {
				t.Fatalf("row covers %d grid columns, want %d: %.200s", n, cols, tr)
			}
		}
	}

	styles := parts["word/styles.xml"]
	for _, want := range []string{`w:eastAsia="標楷體"`, `w:ascii="Times New Roman"`, `<w:lang w:val="zh-TW" w:eastAsia="zh-TW"/>`,
		`w:styleId="Title"`, `w:styleId="Heading1"`, `w:styleId="Heading2"`, `w:styleId="TableText"`, `<w:outlineLvl w:val="1"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["word/fontTable.xml"], `<w:font w:name="標楷體"><w:altName w:val="TW-Kai"/>`) {
		t.Errorf("fontTable.xml does not give 標楷體 the alternative name TW-Kai")
	}
	for _, f := range []string{"word/footer1.xml", "word/footer2.xml"} {
		if !strings.Contains(parts[f], " PAGE ") || !strings.Contains(parts[f], " SECTIONPAGES ") || strings.Contains(parts[f], "NUMPAGES") {
			t.Errorf("%s: want PAGE and SECTIONPAGES fields in a document with sections: %s", f, parts[f])
		}
	}
	if !strings.Contains(parts["word/footer2.xml"], "評量表 王小明") {
		t.Errorf("the second section's footer lacks its own text")
	}
	core := parts["docProps/core.xml"]
	for _, want := range []string{"<dc:title>行銷業務專員職能基準</dc:title>", "<cp:keywords>THM2431-001v1</cp:keywords>",
		"<dc:language>zh-TW</dc:language>", `<dcterms:created xsi:type="dcterms:W3CDTF">2024-12-15T00:00:00Z</dcterms:created>`} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
}

func TestSingleSectionCountsAllPages(t *testing.T) {
	d := &render.Document{
		Footer: render.Footer{Left: "A & B", Right: "第 {page} 頁／共 {pages} 頁 {other}"},
		Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{{Text: "x"}}}, &render.PageBreak{}, &render.Paragraph{Runs: []render.Run{{Text: "y"}}}},
	}
	_, parts := unzipParts(t, mustRender(t, d))
	f := parts["word/footer1.xml"]
	if !strings.Contains(f, " NUMPAGES ") || strings.Contains(f, "SECTIONPAGES") {
		t.Errorf("footer of a one-section document should use NUMPAGES: %s", f)
	}
	if got := strings.Join(paragraphTexts(t, f), ""); got != "A & B\t\t第 1 頁／共 1 頁 {other}" {
		t.Errorf("footer text = %q", got)
	}
	if n := strings.Count(parts["word/document.xml"], "<w:pageBreakBefore/>"); n != 1 {
		t.Errorf("%d page breaks before paragraphs, want 1", n)
	}
}

func TestPageBreaksAndSections(t *testing.T) {
	para := func(s string) *render.Paragraph { p := render.Text(s); return &p }
	table := func() *render.Table {
		return &render.Table{Widths: []float64{1}, Rows: []render.Row{{Cells: []render.Cell{{Paras: []render.Paragraph{render.Text("cell")}}}}}}
	}
	other := &render.Footer{Center: "other"}
	for _, c := range []struct {
		name   string
		blocks []render.Block
		want   []string // substrings of document.xml, in order
		counts map[string]int
	}{
		{"break before a table", []render.Block{para("a"), &render.PageBreak{}, table()},
			[]string{"<w:t>a</w:t>", `<w:tc><w:tcPr><w:tcW w:w="9638" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/><w:pageBreakBefore/>`},
			map[string]int{"<w:sectPr>": 1}},
		{"tables apart", []render.Block{table(), table()},
			[]string{"</w:tbl><w:p><w:pPr><w:spacing", "</w:p><w:tbl>"}, map[string]int{"<w:tbl>": 2}},
		{"section after a paragraph", []render.Block{para("a"), &render.PageBreak{NewSection: true, Footer: other}, para("b")},
			[]string{`<w:p><w:pPr><w:sectPr><w:footerReference w:type="default" r:id="rId4"/>`, "<w:t>a</w:t>", "<w:t>b</w:t>", `r:id="rId5"`},
			map[string]int{"<w:sectPr>": 2}},
		{"section after a table", []render.Block{table(), &render.PageBreak{NewSection: true}, para("b")},
			[]string{"</w:tbl><w:p><w:pPr><w:spacing", "<w:sectPr>", "<w:t>b</w:t>"},
			map[string]int{"<w:sectPr>": 2, "<w:footerReference": 1}},
		{"same footer is inherited", []render.Block{para("a"), &render.PageBreak{NewSection: true, Footer: &render.Footer{Center: "p {page}"}}, para("b")},
			[]string{"<w:t>a</w:t>", "<w:t>b</w:t>"},
			map[string]int{"<w:sectPr>": 2, "<w:footerReference": 1}},
		{"leading section break is dropped", []render.Block{&render.PageBreak{NewSection: true, Footer: other}, para("a")},
			[]string{"<w:t>a</w:t>", `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>`},
			map[string]int{"<w:sectPr>": 1}},
		{"redundant breaks dropped", []render.Block{&render.PageBreak{}, para("a"), &render.PageBreak{}, &render.PageBreak{NewSection: true},
			&render.PageBreak{}, para("b"), &render.PageBreak{}},
			[]string{"<w:sectPr>", "<w:t>a</w:t>", "<w:t>b</w:t>"},
			map[string]int{"<w:sectPr>": 2, `<w:br w:type="page"/>`: 0, "<w:pageBreakBefore/>": 0}},
		{"trailing section break dropped", []render.Block{para("a"), &render.PageBreak{NewSection: true, Footer: other}},
			[]string{"<w:t>a</w:t>", `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>`},
			map[string]int{"<w:sectPr>": 1}},
		{"two section breaks make one", []render.Block{para("a"), &render.PageBreak{NewSection: true, Footer: &render.Footer{Center: "x"}},
			&render.PageBreak{NewSection: true}, para("b")},
			[]string{"<w:sectPr>", "<w:t>a</w:t>", "<w:t>b</w:t>", `<w:sectPr><w:footerReference w:type="default" r:id="rId5"/>`},
			map[string]int{"<w:sectPr>": 2}},
		{"table at the end of a section and of the document", []render.Block{table(), &render.PageBreak{NewSection: true}, table()},
			[]string{"</w:tbl><w:p><w:pPr>" + tinyPPr + "<w:sectPr>", "</w:tbl><w:p><w:pPr>" + tinyPPr + "</w:pPr></w:p><w:sectPr>"},
			map[string]int{"<w:sectPr>": 2}},
		{"two breaks leave an empty page", []render.Block{para("a"), &render.PageBreak{}, &render.PageBreak{}, para("b")},
			[]string{"<w:t>a</w:t>", `<w:br w:type="page"/>`, "<w:pageBreakBefore/>", "<w:t>b</w:t>"}, nil},
		{"gap below a table", []render.Block{table(), para("a"), table(), &render.List{Items: [][]render.Run{{{Text: "i"}}, {{Text: "j"}}}}},
			[]string{`</w:tbl><w:p><w:pPr><w:spacing w:before="80"/></w:pPr><w:r><w:t>a</w:t>`, `</w:tbl><w:p><w:pPr><w:spacing w:before="80"/>`, "<w:t>i</w:t>"},
			map[string]int{`w:before="80"`: 2}},
		{"empty document", nil, []string{"<w:body><w:p>", "<w:sectPr>"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &render.Document{Footer: render.Footer{Center: "p {page}"}, Blocks: c.blocks}
			_, parts := unzipParts(t, mustRender(t, d))
			doc := parts["word/document.xml"]
			at := 0
			for _, w := range c.want {
				i := strings.Index(doc[at:], w)
				if i < 0 {
					t.Fatalf("document.xml lacks %s after offset %d:\n%s", w, at, doc)
				}
				at += i + len(w)
			}
			for s, n := range c.counts {
				if got := strings.Count(doc, s); got != n {
					t.Errorf("%d × %s, want %d", got, s, n)
				}
			}
			if !strings.HasSuffix(doc, "</w:sectPr></w:body></w:document>") {
				t.Errorf("body does not end with the last section's properties")
			}
		})
	}
}

func TestLeadingSectionBreakSetsFirstFooter(t *testing.T) {
	d := &render.Document{Footer: render.Footer{Center: "old"}, Blocks: []render.Block{
		&render.PageBreak{NewSection: true, Footer: &render.Footer{Center: "new"}}, &render.Paragraph{Runs: []render.Run{{Text: "a"}}}}}
	names, parts := unzipParts(t, mustRender(t, d))
	if n := strings.Count(strings.Join(names, " "), "footer"); n != 1 {
		t.Errorf("%d footer parts, want 1: %v", n, names)
	}
	if f := parts["word/footer1.xml"]; !strings.Contains(f, "<w:t>new</w:t>") {
		t.Errorf("first section's footer: %s", f)
	}
}

func TestDeterministic(t *testing.T) {
	a := mustRender(t, sampleDocument(3, 3))
	b := mustRender(t, sampleDocument(3, 3))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	d := sampleDocument(3, 3)
	d.Meta.Date = time.Unix(1700000000, 0)
	c := mustRender(t, d)
	zr, err := zip.NewReader(bytes.NewReader(c), int64(len(c)))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Unix(1700000000, 0).UTC()
	for _, f := range zr.File {
		if !f.Modified.Equal(want) {
			t.Errorf("%s: time %v, want %v", f.Name, f.Modified, want)
		}
	}
	if bytes.Equal(a, c) {
		t.Error("a different date gave the same bytes")
	}
}

func TestDocumentDate(t *testing.T) {
	for _, c := range []struct {
		date    time.Time
		env     string
		want    time.Time
		wantErr string
	}{
		{date: time.Date(2024, 5, 6, 7, 8, 9, 500, time.FixedZone("TST", 8*3600)), want: time.Date(2024, 5, 5, 23, 8, 9, 0, time.UTC)},
		{env: "86400", want: defaultDate}, // the environment is not read
		{env: "yesterday", want: defaultDate},
		{date: time.Date(1979, 12, 31, 0, 0, 0, 0, time.UTC), wantErr: "1980"},
		{date: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), wantErr: "9999"},
	} {
		t.Setenv("SOURCE_DATE_EPOCH", c.env)
		got, err := documentDate(c.date)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("documentDate(%v): error %v, want one naming %s", c.date, err, c.wantErr)
			}
			continue
		}
		if err != nil || !got.Equal(c.want) {
			t.Errorf("documentDate(%v) with %q = %v, %v; want %v", c.date, c.env, got, err, c.want)
		}
	}
}

func TestZipTime(t *testing.T) {
	d := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	doc := sampleDocument(1, 1)
	doc.Meta.Date = d
	out := mustRender(t, doc)
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if y := f.Modified.Year(); y != 2106 {
			t.Errorf("%s: zip time %v, want it held at 2106, the last zip year", f.Name, f.Modified)
		}
	}
	if _, parts := unzipParts(t, out); !strings.Contains(parts["docProps/core.xml"], "9999-12-31T23:59:59Z") {
		t.Errorf("core.xml lacks the date 9999-12-31T23:59:59Z:\n%s", parts["docProps/core.xml"])
	}
}

func TestOptionsFonts(t *testing.T) {
	data, err := Render(&render.Document{}, Options{EastAsiaFont: "微軟正黑體", ASCIIFont: "Arial"})
	if err != nil {
		t.Fatal(err)
	}
	_, parts := unzipParts(t, data)
	if s := parts["word/styles.xml"]; !strings.Contains(s, `w:ascii="Arial"`) || !strings.Contains(s, `w:eastAsia="微軟正黑體"`) {
		t.Errorf("styles.xml does not name the chosen fonts")
	}
	if f := parts["word/fontTable.xml"]; strings.Contains(f, "TW-Kai") || !strings.Contains(f, `w:name="微軟正黑體"`) {
		t.Errorf("fontTable.xml: %s", f)
	}
}

func TestMargins(t *testing.T) {
	d := &render.Document{Page: render.Page{Landscape: true, Left: 10, Right: 10}}
	_, parts := unzipParts(t, mustRender(t, d))
	if !strings.Contains(parts["word/document.xml"], `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="567"`) {
		t.Errorf("landscape page setup wrong: %s", parts["word/document.xml"])
	}
	_, err := Render(&render.Document{Page: render.Page{Left: 90, Right: 90}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "margins") {
		t.Errorf("margins leaving 30 mm: error %v", err)
	}
}
