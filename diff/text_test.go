package diff

import (
	"strings"
	"testing"
)

func TestWriteText(t *testing.T) {
	r, err := Compare(load(t, "base.toml"), load(t, "entries.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var plain, colour strings.Builder
	if err := r.WriteText(&plain, false); err != nil {
		t.Fatal(err)
	}
	want := `--- BAS1219-900v1 測試專員 (testdata/base.toml)
+++ BAS1219-900v1 測試專員 (testdata/entries.toml)
~ indicator P1.1.2 (T1.1): 依[+風險與+]需求排定優先順序。
+ indicator P1.1.3 (T1.1): 與利害關係人確認需求清單。
- indicator P2.1.2 (T2.1): 發現缺陷時通報開發人員。
~ output O2.2.1 (T2.2): 測試[+總結+]報告
4 changes: 1 added, 1 removed, 0 moved, 2 changed
`
	if plain.String() != want {
		t.Errorf("text report:\n%s\nwant:\n%s", plain.String(), want)
	}
	if err := r.WriteText(&colour, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(colour.String(), "依\x1b[32;4m風險與\x1b[0m需求") || strings.Contains(colour.String(), "[+") {
		t.Errorf("coloured report does not colour the insertion:\n%q", colour.String())
	}
}

func TestAssessment(t *testing.T) {
	tests := []struct {
		file string
		want []string // form action old→new
	}{
		{"entries.toml", []string{"checklist changed P1.1.2→P1.1.2", "checklist added →P1.1.3", "checklist removed P2.1.2→"}},
		// Renumbered tasks renumber their checklist rows; nothing else moves.
		{"renumbered.toml", []string{
			"checklist moved P2.2.1→P1.1.1",
			"checklist moved P2.1.1→P1.2.1", "checklist moved P2.1.2→P1.2.2",
			"checklist moved P1.1.1→P2.1.1", "checklist moved P1.1.2→P2.1.2",
			"checklist moved P1.2.1→P2.2.1", "checklist moved P1.2.2→P2.2.2",
		}},
		{"catalogue.toml", []string{
			"knowledge added →K02", "knowledge moved K02→K03", "knowledge moved K03→K04", "knowledge changed K03→K04",
			"attitude changed A01→A01",
		}},
		{"base.toml", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := fromBase(t, tt.file)
			var got []string
			for _, it := range r.Assessment() {
				got = append(got, it.Form+" "+string(it.Action)+" "+it.OldCode+"→"+it.NewCode)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("assessment items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
