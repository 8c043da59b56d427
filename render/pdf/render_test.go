package pdf

import (
	"bytes"
	"errors"
	"math"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
)

// showcase is a document with every kind of block.
func showcase() *render.Document {
	return &render.Document{
		Meta: render.Meta{
			Title: "行銷業務專員職能基準", Subject: "職能基準", Keywords: []string{"THM2431-001v1", "行銷"},
			Author: "勞動部勞動力發展署", Lang: "zh-TW",
		},
		Footer: render.Footer{Left: "THM2431-001v1", Right: "第 {page} 頁／共 {pages} 頁"},
		Blocks: []render.Block{
			&render.Paragraph{Runs: []render.Run{{Text: "行銷業務專員職能基準"}}, Style: render.TitleText},
			&render.KeyValue{Columns: 2, Pairs: []render.Pair{
				{Label: "職能基準代碼", Value: text("THM2431-001v1")},
				{Label: "基準級別", Value: text("3")},
				{Label: "工作描述", Value: text("依照不同客戶型態安排客戶服務活動及銷售服務，提供客戶所需之協助以滿足客戶需求，並維護及建立客戶關係。")},
			}},
			&render.Heading{Level: 1, Runs: []render.Run{{Text: "一、工作職責與任務"}}},
			&render.Paragraph{Align: render.Justify, Runs: []render.Run{
				{Text: "本職能基準依照"}, {Text: "iCAP 職能發展應用平臺", Bold: true},
				{Text: "之格式撰寫，行為指標 P1.1.1 至 P5.4.4 對應各項工作任務；名詞釋義見"},
				{Text: "【註1】", Super: true}, {Text: "，", Underline: false},
				{Text: "底線文字", Underline: true}, {Text: "與一般文字混排，並測試兩端對齊的中文字距調整效果。"},
			}},
			&render.Heading{Level: 2, Runs: []render.Run{{Text: "二、評量方式"}}},
			&render.Paragraph{Runs: []render.Run{
				{Box: true, Checked: true, Text: "實作評量"}, {Text: "　"},
				{Box: true, Text: "口試"}, {Text: "　"}, {Box: true, Checked: true, Text: "書面審查"},
			}},
			&render.List{Bullet: "●", Items: [][]render.Run{
				{{Text: "學歷背景：觀光休閒餐旅 / 商管 / 傳播系所大專以上畢業，具備旅宿業相關（含實習）工作經歷 2 年以上，且須具外語溝通能力尤佳。"}},
				{{Text: "其他補充說明。"}},
			}},
			&render.List{Items: [][]render.Run{{{Text: "第一項"}}, {{Text: "第二項，文字較長，需要換行以測試懸掛縮排的效果是否正確，第二行應對齊第一行的文字起點。"}}}},
			&render.Paragraph{Style: render.Small, Indent: 4, Hanging: 12, Runs: []render.Run{
				{Text: "【註1】策略：建立密切關係、交換資訊、提出問題解決方案、化解困難情境、外語能力，以及其他需要說明的事項。"},
			}},
			longTable(2, 3, 3),
			&render.Signature{Fields: []string{"評量人員簽名", "受評人員簽名", "日期"}},
		},
	}
}

func TestShowcase(t *testing.T) {
	out := mustRender(t, showcase())
	qpdfCheck(t, out)
	pages := pageTexts(t, out)
	all := squeeze(strings.Join(pages, ""))
	for _, want := range []string{
		"行銷業務專員職能基準", "職能基準代碼", "THM2431-001v1", "iCAP職能發展應用平臺", "P1.1.1至P5.4.4",
		"實作評量", "書面審查", "學歷背景：觀光休閒餐旅/商管/傳播系所大專以上畢業", "1.第一項", "2.第二項",
		"評量人員簽名", "受評人員簽名", "P02.3.3根據既有程序", "第1頁／共",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	if c := strings.Count(all, "√"); c != 2 {
		t.Errorf("found %d check marks, want 2 (two ticked boxes)", c)
	}
}

func TestDeterministic(t *testing.T) {
	a := mustRender(t, showcase())
	b := mustRender(t, showcase())
	if !bytes.Equal(a, b) {
		t.Fatal("rendering the same document twice gave different bytes")
	}
}

func TestMetadata(t *testing.T) {
	out := mustRender(t, showcase())
	bin := tool(t, "pdfinfo")
	info, err := exec.Command(bin, "-isodates", writeTemp(t, out)).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, want := range []string{
		"Title:           行銷業務專員職能基準", "Subject:         職能基準", "Keywords:        THM2431-001v1, 行銷",
		"Author:          勞動部勞動力發展署", "Creator:         ocs", "CreationDate:    2000-01-01T00:00:00",
		"ModDate:         2000-01-01T00:00:00", "Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if !bytes.Contains(out, []byte("/Lang (zh-TW)")) {
		t.Error("the catalog has no /Lang (zh-TW)")
	}
}

func TestDates(t *testing.T) {
	doc := &render.Document{Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{{Text: "日期"}}}}}
	tests := []struct {
		name, epoch string
		date        time.Time
		want        string
	}{
		{"fixed", "", time.Time{}, "D:20000101000000"},
		{"environment ignored", "1700000000", time.Time{}, "D:20000101000000"},
		{"meta", "", time.Unix(1700000000, 0), "D:20231114221320"},
		{"meta in UTC", "1700000000", time.Date(2020, 9, 4, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)), "D:20200904000000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tc.epoch)
			doc.Meta.Date = tc.date
			out := mustRender(t, doc)
			if !bytes.Contains(out, []byte("/CreationDate ("+tc.want+")")) || !bytes.Contains(out, []byte("/ModDate ("+tc.want+")")) {
				t.Errorf("dates are not %s", tc.want)
			}
		})
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday") // not read: no error
	doc.Meta.Date = time.Time{}
	if _, err := Render(doc, Options{Fonts: testSet(t)}); err != nil {
		t.Errorf("the backend read SOURCE_DATE_EPOCH: %v", err)
	}
	doc.Meta.Date = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := Render(doc, Options{Fonts: testSet(t)}); err == nil || !strings.Contains(err.Error(), "9999") {
		t.Errorf("a date in the year 10000 gave %v, want an error naming the years a PDF can hold", err)
	}
}

func TestLandscape(t *testing.T) {
	doc := showcase()
	doc.Page = render.Page{Landscape: true, Left: 15, Right: 15}
	out := mustRender(t, doc)
	info, err := exec.Command(tool(t, "pdfinfo"), writeTemp(t, out)).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "841.89 x 595.28 pts") {
		t.Errorf("landscape page is not 841.89 x 595.28 pts:\n%s", info)
	}
}

func TestEmptyDocument(t *testing.T) {
	out := mustRender(t, &render.Document{Footer: render.Footer{Center: "{page}/{pages}"}})
	qpdfCheck(t, out)
	pages := pageTexts(t, out)
	if len(pages) != 1 || squeeze(pages[0]) != "1/1" {
		t.Errorf("an empty document gave pages %q, want one page with footer 1/1", pages)
	}
}

func TestErrors(t *testing.T) {
	row := func(cells ...render.Cell) render.Row { return render.Row{Cells: cells} }
	cell := render.Cell{Paras: text("甲")}
	span := func(rs, cs int) render.Cell { return render.Cell{Paras: text("乙"), RowSpan: rs, ColSpan: cs} }
	tests := []struct {
		name  string
		block render.Block
		want  string
	}{
		{"nil block", (*render.Table)(nil), "blocks[0]: block is nil"},
		{"no columns", &render.Table{Rows: []render.Row{row(cell)}}, "blocks[0]: table has no column widths"},
		{"zero width", &render.Table{Widths: []float64{1, 0}, Rows: []render.Row{row(cell)}}, "widths[1] is 0"},
		{"negative width", &render.Table{Widths: []float64{-1}, Rows: []render.Row{row(cell)}}, "widths[0] is -1"},
		{"no rows", &render.Table{Widths: []float64{1}}, "the table has no rows"},
		{"header rows", &render.Table{Widths: []float64{1}, HeaderRows: 2, Rows: []render.Row{row(cell)}}, "HeaderRows is 2"},
		{"negative span", &render.Table{Widths: []float64{1}, Rows: []render.Row{row(span(-1, 1))}}, "rows[0].cells[0]: RowSpan -1"},
		{"too many cells", &render.Table{Widths: []float64{1}, Rows: []render.Row{row(cell, cell)}}, "rows[0].cells[1]: no free column"},
		{"colspan beyond", &render.Table{Widths: []float64{1, 1}, Rows: []render.Row{row(cell, span(1, 2))}}, "rows[0].cells[1]: the cell starts in column 2 and spans 2 columns"},
		{"rowspan beyond", &render.Table{Widths: []float64{1}, Rows: []render.Row{row(span(3, 1)), row()}}, "rows[0].cells[0]: the cell spans 3 rows"},
		{"header span", &render.Table{Widths: []float64{1}, HeaderRows: 1, Rows: []render.Row{row(span(2, 1)), row()}}, "a header cell spans into the body"},
		{"overlap", &render.Table{Widths: []float64{1, 1}, Rows: []render.Row{row(cell, span(2, 1)), row(span(1, 2))}}, "rows[1].cells[0]: spanning 2 columns from column 1, it overlaps a cell spanning down"},
		{"key-value columns", &render.KeyValue{Columns: -1, Pairs: []render.Pair{{Label: "甲"}}}, "blocks[0]: Columns is -1"},
		{"key-value label width", &render.KeyValue{LabelWidth: 1.5, Pairs: []render.Pair{{Label: "甲"}}}, "LabelWidth is 1.5"},
		{"key-value empty", &render.KeyValue{}, "no pairs"},
		{"signature", &render.Signature{}, "blocks[0]: the signature line has no fields"},
		{"indent", &render.Paragraph{Indent: math.NaN()}, "blocks[0]: Indent is NaN"},
		{"cell hanging", &render.Table{Widths: []float64{1}, Rows: []render.Row{row(render.Cell{Paras: []render.Paragraph{{Hanging: math.Inf(1)}}})}},
			"blocks[0].rows[0].cells[0].paras[0]: Hanging is +Inf"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Render(&render.Document{Blocks: []render.Block{tc.block}}, Options{Fonts: testSet(t)})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := Render(nil, Options{}); err == nil {
		t.Error("a nil document gave no error")
	}
	_, err := Render(&render.Document{Page: render.Page{Left: 100, Right: 100}}, Options{Fonts: testSet(t)})
	if err == nil || !strings.Contains(err.Error(), "margins") {
		t.Errorf("margins wider than the page gave %v", err)
	}
}

func TestMissingCharacters(t *testing.T) {
	// 𠀀 is above U+FFFF and ꙮ is in no CJK font: neither can be drawn.
	doc := &render.Document{Blocks: []render.Block{
		&render.Paragraph{Runs: []render.Run{{Text: "正常文字"}}},
		&render.Table{Widths: []float64{1}, Rows: []render.Row{{Cells: []render.Cell{{Paras: text("罕見字𠀀與ꙮ")}}}}},
	}}
	_, err := Render(doc, Options{Fonts: testSet(t)})
	var miss *fonts.MissingError
	if !errors.As(err, &miss) {
		t.Fatalf("got %v, want a *fonts.MissingError", err)
	}
	for _, want := range []string{"U+20000", "U+A66E", "blocks[1].rows[0].cells[0]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	out, err := Render(doc, Options{Fonts: testSet(t), AllowMissing: true})
	if err != nil {
		t.Fatalf("AllowMissing: %v", err)
	}
	qpdfCheck(t, out)
	if all := squeeze(strings.Join(pageTexts(t, out), "")); !strings.Contains(all, "正常文字") {
		t.Errorf("AllowMissing lost the text around the missing characters: %q", all)
	}
}

func TestConcurrentRender(t *testing.T) {
	want := mustRender(t, showcase())
	set := testSet(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			out, err := Render(showcase(), Options{Fonts: set})
			if err == nil && !bytes.Equal(out, want) {
				err = errors.New("a concurrent render gave other bytes")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestCanvasFontError(t *testing.T) {
	// fpdf prints its own parse failure and registers nothing; the
	// adapter must turn that into an error. (Faces from fonts.Parse are
	// checked before they get here; this guards the adapter itself.)
	c := newFPDF(false, info{date: defaultDate})
	err := c.addFont(fontRef{family: "junk"}, []byte("not a font at all"))
	if err == nil || !strings.Contains(err.Error(), "junk") {
		t.Errorf("loading junk as a font gave %v, want an error naming it", err)
	}
}

func TestFontDataUntouched(t *testing.T) {
	// fpdf writes into the font file it is given (when it subsets a
	// font whose hmtx table is shorter than its glyph count); the shared
	// font data must not change, or a document would depend on the ones
	// before it. Each document hands fpdf a subset of its own. ⅺ is the
	// last glyph with its own entry in TW-Kai's hmtx table, the one
	// fpdf's write would land on.
	set := testSet(t)
	orig := append([]byte(nil), set.Regular.Data...)
	small := &render.Document{Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{{Text: "ⅺ"}}}}}
	first := mustRender(t, small)
	mustRender(t, showcase())
	if again := mustRender(t, small); !bytes.Equal(first, again) {
		t.Error("the same document gave other bytes after another was rendered")
	}
	if !bytes.Equal(orig, set.Regular.Data) {
		t.Error("rendering changed the font data")
	}
}
