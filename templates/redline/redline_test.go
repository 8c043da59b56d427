package redline

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/diff"
	"github.com/ocs-project/ocs/internal/golden"
	"github.com/ocs-project/ocs/render/text"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// compare diffs two fixtures of the diff package.
func compare(t *testing.T, old, new string) *diff.Result {
	t.Helper()
	load := func(name string) *standard.Standard {
		s, err := standard.Load(filepath.Join("..", "..", "diff", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	r, err := diff.Compare(load(old), load(new))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// redlineText renders the redline of base.toml against another fixture as text.
func redlineText(t *testing.T, new string) []byte {
	t.Helper()
	doc, err := Redline(compare(t, "base.toml", new), templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := text.Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRedlineText(t *testing.T) {
	tests := []struct {
		new  string
		want []string // in the text rendering, in this order
	}{
		{"entries.toml", []string{
			"變更摘要",
			"依[+風險與+]需求排定優先順序。", // summary row
			"[+與利害關係人確認需求清單。+]",
			"[-發現缺陷時通報開發人員。-]",
			"修訂後職能基準（標示增刪）",
			"P1.1.2 依[+風險與+]需求排定優先順序。",
			"[+P1.1.3 與利害關係人確認需求清單。+]",
			"[-P2.1.2 發現缺陷時通報開發人員。-]",
			"O2.2.1 測試[+總結+]報告",
		}},
		{"header.toml", []string{
			"依組織[+與客戶+]需求，規劃[-及-][+、+]執行[+及追蹤+]測試案。",
		}},
		{"task.toml", []string{
			"T1.1 分析[+與確認+]測試需求", "級別：[-3-] [+4+]", // T1.1's level 3 → 4
			"[+S01 需求分析能力+]", "[-S03 測試工具操作能力-]", // T2.1's skills
			"[+P2.2.2 依測試結果提出流程改善建議。+]", "級別：[+5+]", // T2.2's new block
		}},
		{"mixed.toml", []string{
			"P2.1.1 蒐集[+並確認+]測試需求", "[-P1.1.2 依需求排定優先順序。-]", // under T2.1, where the task went
			"T2.2 撰寫測試計畫",
		}},
		{"base.toml", []string{"兩個版本內容相同。"}},
	}
	for _, tt := range tests {
		t.Run(tt.new, func(t *testing.T) {
			s := string(redlineText(t, tt.new))
			at := 0
			for _, w := range tt.want {
				k := strings.Index(s[at:], w)
				if k < 0 {
					t.Fatalf("redline lacks %q after offset %d:\n%s", w, at, s)
				}
				at += k + len(w)
			}
		})
	}
}

// TestRedlineGolden keeps the text rendering of each fixture's redline
// under review: go test ./templates/redline -update rewrites it.
func TestRedlineGolden(t *testing.T) {
	for _, name := range []string{"entries", "task", "structure", "catalogue", "header", "renumbered", "mixed"} {
		t.Run(name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", name+".txt"), redlineText(t, name+".toml"))
		})
	}
}
