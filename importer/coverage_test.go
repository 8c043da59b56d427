package importer_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/importer/text"
)

// strings of a decoded TOML value, all of them.
func tomlStrings(v any, out *[]string) {
	switch x := v.(type) {
	case string:
		*out = append(*out, x)
	case map[string]any:
		for k, e := range x {
			*out = append(*out, k)
			tomlStrings(e, out)
		}
	case []map[string]any:
		for _, e := range x {
			tomlStrings(e, out)
		}
	case []any:
		for _, e := range x {
			tomlStrings(e, out)
		}
	}
}

// The labels of the official form: structure, not content.
var formLabels = map[string]bool{
	"職能基準代碼": true, "職能基準名稱(擇一填寫)": true, "職類": true, "職業": true, "所屬類別": true,
	"職類別": true, "職類別代碼": true, "職業別": true, "職業別代碼": true, "行業別": true, "行業別代碼": true,
	"工作描述": true, "基準級別": true, "工作職責": true, "工作任務": true, "工作產出": true, "行為指標": true,
	"職能級別": true, "職能內涵(K=knowledge知識)": true, "職能內涵(S=skills技能)": true,
	"職能內涵(A=attitude態度)": true, "說明與補充事項": true, "●建議擔任此職類/職業之學歷/經歷/或能力條件": true,
	"●其他補充說明": true, "√": true, "": true,
}

var pieceSep = regexp.MustCompile(`(?:^|\s)[TOPKSA]\d+(?:\.\d+)*\s|【註\s*\d+\s*】\s*|：`)

// Nothing is silently dropped: every piece of text of every cell and line
// of the seed (between codes) is in the TOML's values or in the report.
func TestSeedNothingDropped(t *testing.T) {
	data, err := os.ReadFile("testdata/THM2431-001v1-seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := text.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.FromGrid(doc, importer.Options{Source: "seed.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if _, err := toml.Decode(string(res.TOML), &v); err != nil {
		t.Fatal(err)
	}
	var all []string
	tomlStrings(v, &all)
	for _, f := range res.Report {
		all = append(all, f.Text)
	}
	hay := squash(strings.Join(all, "\n"))
	var texts []string
	for _, b := range doc.Blocks {
		if b.Line != nil {
			texts = append(texts, b.Line.Text)
			continue
		}
		for _, r := range b.Table.Rows {
			for _, c := range r.Cells {
				texts = append(texts, c.Text)
			}
		}
	}
	checked := 0
	for _, s := range texts {
		for _, piece := range pieceSep.Split(" "+s+" ", -1) {
			p := squash(piece)
			if formLabels[p] || formLabels[strings.TrimSuffix(p, "：")] {
				continue
			}
			if regexp.MustCompile(`^T\d+\.\d+$`).MatchString(strings.TrimSpace(piece)) {
				continue // a column of the matrix header
			}
			checked++
			if !strings.Contains(hay, p) {
				t.Errorf("「%s」 (from 「%s」) is neither in the TOML nor in the report", piece, s)
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d pieces checked: the test does not see the seed", checked)
	}
}

// squash removes white space: the importer drops the extraction's spaces
// between CJK characters and reports them.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}
