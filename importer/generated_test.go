package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// generated writes the TOML of a large synthetic standard: duties × 3
// tasks, the second task of each duty in two blocks at two levels, the
// third without output, and per duty four K and three S items shared by
// all of its tasks (one merged cell per duty in the printed form).
func generated(duties int) string {
	var b strings.Builder
	b.WriteString("code = \"GEN1234-001v1\"\noccupation = \"合成大型職業\"\ndescription = \"為測試而產生的大型職能基準。\"\nlevel = 3\n")
	b.WriteString("[[category.job]]\nname = \"測試\"\ncode = \"GEN\"\n[[category.occupation]]\nname = \"測試人員\"\ncode = \"1234\"\n[[category.industry]]\nname = \"製造業\"\ncode = \"C10\"\n")
	var ks, ss []string
	for d := 1; d <= duties; d++ {
		var kr, sr []string
		for i := 0; i < 4; i++ {
			code := fmt.Sprintf("K%02d", len(ks)+1)
			ks = append(ks, fmt.Sprintf("%s = \"第%d職責的知識第%d項，說明其內容與應用範圍\"", code, d, i+1))
			kr = append(kr, `"`+code+`"`)
		}
		for i := 0; i < 3; i++ {
			code := fmt.Sprintf("S%02d", len(ss)+1)
			ss = append(ss, fmt.Sprintf("%s = \"第%d職責的技能第%d項\"", code, d, i+1))
			sr = append(sr, `"`+code+`"`)
		}
		refs := "knowledge = [" + strings.Join(kr, ", ") + "]\nskills = [" + strings.Join(sr, ", ") + "]\n"
		fmt.Fprintf(&b, "[[duty]]\ntitle = \"第%d項主要職責\"\n", d)
		for t := 1; t <= 3; t++ {
			fmt.Fprintf(&b, "[[duty.task]]\ntitle = \"第%d.%d項工作任務\"\nlevel = 3\n", d, t)
			blocks := 1
			if t == 2 {
				blocks = 2
			}
			for k := 1; k <= blocks; k++ {
				b.WriteString("[[duty.task.block]]\n")
				if k == 2 {
					b.WriteString("level = 4\n")
				}
				if t != 3 {
					fmt.Fprintf(&b, "outputs = [\"第%d.%d項產出%d\"]\n", d, t, k)
				}
				var ps []string
				for p := 1; p <= 3; p++ {
					ps = append(ps, fmt.Sprintf("\"依據第%d.%d項任務的第%d組情境，完成第%d個應有的行為並留下紀錄。\"", d, t, k, p))
				}
				b.WriteString("indicators = [" + strings.Join(ps, ", ") + "]\n" + refs)
			}
		}
	}
	b.WriteString("[knowledge]\n" + strings.Join(ks, "\n") + "\n[skills]\n" + strings.Join(ss, "\n") + "\n")
	return b.String()
}

const extractHeader = "工作職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵 (K=knowledge 知識)\t職能內涵 (S=skills 技能)"

// extract writes a standard the way the seed's extraction shows a PDF's
// table: one line per block with tabs between cells, each duty's K and S
// cell spread over its rows (the later rows left empty), and every
// rowsPerPage rows a page break: a blank line, the repeated header, and
// the last indicator of the row before the break cut in two, its rest on
// a row of its own.
func extract(s *standard.Standard, rowsPerPage int) string {
	var b strings.Builder
	b.WriteString(s.Name() + "職能基準\n\n")
	fmt.Fprintf(&b, "職能基準代碼\t\t%s\t\t\t\n", s.Code)
	fmt.Fprintf(&b, "職能基準名稱 (擇一填寫)\t\t職類\t\t\t\n\t\t職業\t%s\t\t\n", s.Occupation)
	c := s.Category
	fmt.Fprintf(&b, "所屬 類別\t職類別\t%s\t職類別代碼\t%s\t\n", c.Job[0].Name, c.Job[0].Code)
	fmt.Fprintf(&b, "\t職業別\t%s\t職業別代碼\t%s\t\n", c.Occupation[0].Name, c.Occupation[0].Code)
	fmt.Fprintf(&b, "\t行業別\t%s\t行業別代碼\t%s\t\n", c.Industry[0].Name, c.Industry[0].Code)
	fmt.Fprintf(&b, "工作描述\t\t%s\t\t\t\n基準級別\t\t%d\t\t\t\n\n", s.Description, s.Level)
	var rows [][7]string
	for _, d := range s.Duties {
		start := len(rows)
		for ti, t := range d.Tasks {
			for bi, blk := range t.Blocks {
				var r [7]string
				if ti == 0 && bi == 0 {
					r[0] = d.Code + " " + d.Title
				}
				if bi == 0 {
					r[1] = t.Code + " " + t.Title
				}
				r[2] = joinEntries(blk.Outputs)
				r[3] = joinEntries(blk.Indicators)
				r[4] = fmt.Sprint(max(blk.Level, t.Level))
				rows = append(rows, r)
			}
		}
		k, sk := d.Tasks[0].Blocks[0].Knowledge, d.Tasks[0].Blocks[0].Skills
		for i, ref := range k {
			r := &rows[start+min(i/2, len(rows)-start-1)]
			r[5] = strings.TrimSpace(r[5] + " " + ref.Code + " " + ref.Text)
		}
		for i, ref := range sk {
			r := &rows[start+min(i/2, len(rows)-start-1)]
			r[6] = strings.TrimSpace(r[6] + " " + ref.Code + " " + ref.Text)
		}
	}
	b.WriteString(extractHeader + "\n")
	for i, r := range rows {
		var rest string
		if (i+1)%rowsPerPage == 0 && i+1 < len(rows) {
			cut := strings.LastIndex(r[3], "，")
			r[3], rest = r[3][:cut+len("，")], r[3][cut+len("，"):]
		}
		b.WriteString(strings.Join(r[:], "\t") + "\n")
		if rest != "" {
			b.WriteString("\n" + extractHeader + "\n\t\t\t" + rest + "\t\t\t\n")
		}
	}
	return b.String()
}

func joinEntries(es []standard.Entry) string {
	var parts []string
	for _, e := range es {
		parts = append(parts, e.Code+" "+e.Text)
	}
	return strings.Join(parts, " ")
}

// A 40-duty standard of 160 row blocks survives both an extraction with a
// page break every five rows (32 pages), each cutting an indicator in two,
// and ocs's own DOCX, landscape.
func TestGeneratedLarge(t *testing.T) {
	s, err := standard.Parse("generated.toml", []byte(generated(40)))
	if err != nil {
		t.Fatal(err)
	}
	if errs := standard.Validate(s).Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	want := txt(t, s)
	text := extract(s, 5)
	if n := strings.Count(text, extractHeader); n < 30 {
		t.Fatalf("the extraction has %d pages, want at least 30", n)
	}
	res, got := imported(t, "generated.txt", []byte(text))
	if d := diffLines(want, txt(t, got)); len(d) > 0 {
		t.Errorf("extraction: %d lines differ, first:\n%s", len(d), d[0])
	}
	joins := 0
	for _, f := range res.Report {
		if strings.Contains(f.Message, "rejoined") {
			joins++
		}
	}
	if want := strings.Count(text, extractHeader) - 1; joins != want {
		t.Errorf("%d rejoins reported, want one per page break (%d)", joins, want)
	}
	_, got = imported(t, "generated.docx", docxOf(t, s, templates.Options{Landscape: true}))
	if d := diffLines(want, txt(t, got)); len(d) > 0 {
		t.Errorf("DOCX: %d lines differ, first:\n%s", len(d), d[0])
	}
}

// A cell cut by thousands of page breaks is rejoined in linear time: 20,000
// fragments of one indicator (5 MB) take well under the seconds a quadratic
// join would need minutes for.
func TestManyPageBreaksLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 5 MB input")
	}
	var b strings.Builder
	b.WriteString(extractHeader + "\nT1 職責\tT1.1 任務\t\tP1.1.1 開始\t3\tK01 知識\tS01 技能\n")
	frag := strings.Repeat("字", 50)
	const n = 20000
	for i := 0; i < n; i++ {
		b.WriteString("\n" + extractHeader + "\n\t\t\t" + frag + "\t\t\t\n")
	}
	start := time.Now()
	res, err := importer.Import(context.Background(), []byte(b.String()), importer.Options{Source: "many.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 20*time.Second {
		t.Errorf("import took %v", el)
	}
	s, err := standard.Parse("many.toml", res.TOML)
	if err != nil {
		t.Fatal(err)
	}
	p := s.Duties[0].Tasks[0].Blocks[0].Indicators[0].Text
	if want := "開始" + strings.Repeat(frag, n); p != want {
		t.Errorf("the indicator has %d characters, want %d", len([]rune(p)), len([]rune(want)))
	}
	if len(res.Report) < n {
		t.Errorf("%d findings, want one per rejoin (%d)", len(res.Report), n)
	}
}
