package pdf

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// chars returns the characters among candidates that a font draws.
func chars(f *pdfw.Font, candidates string) string {
	var out []rune
	for _, r := range candidates {
		if f.Has(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return string(out)
}

func TestEmbedSubsets(t *testing.T) {
	def := testSet(t)
	// The embedded face again under another name, as a real bold face.
	bold, err := fonts.Parse("Kai Bold", def.Regular.Data)
	if err != nil {
		t.Fatal(err)
	}
	realBold, err := fonts.NewSet(def.Regular, bold)
	if err != nil {
		t.Fatal(err)
	}
	noLatin, err := def.WithLatin(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cjk := &render.Document{Blocks: []render.Block{
		&render.Paragraph{Runs: []render.Run{{Text: "甲乙甲"}, {Text: "丙乙", Bold: true}}},
	}}
	mixed := &render.Document{Blocks: []render.Block{
		&render.Paragraph{Runs: []render.Run{{Text: "THM2431-001v1 甲"}, {Text: "A1乙", Bold: true}}},
	}}
	const all = "甲乙丙丁THM2431-0vA "
	tests := []struct {
		name  string
		set   *fonts.Set
		doc   *render.Document
		bases []string // names of the fonts, after the subset tag
		chars []string // characters of each font, among all
	}{
		{"synthetic bold shares the font", def, cjk, []string{"TW-Kai"}, []string{"甲乙丙"}},
		{"real bold is a font of its own", realBold, cjk, []string{"TW-Kai", "TW-Kai-Bold"}, []string{"甲乙", "乙丙"}},
		// Latin text takes the Latin faces, the bold one real: no stroke.
		{"Latin faces", def, mixed, []string{"OCS-Serif", "TW-Kai", "OCS-Serif-Bold"},
			[]string{"THM2431-0v ", "甲乙", "1A"}},
		{"no Latin faces", noLatin, mixed, []string{"TW-Kai"}, []string{"甲乙THM2431-0vA "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewRenderer(Options{Fonts: tc.set})
			f, _, err := layout(context.Background(), tc.doc, false, tc.set, r)
			if err != nil {
				t.Fatal(err)
			}
			emb, err := r.embed(f, pdfw.New(pdfw.Info{}))
			if err != nil {
				t.Fatal(err)
			}
			var got []*pdfw.Font
			for _, e := range emb {
				if pf := e.fonts[0]; pf != nil && !slices.Contains(got, pf) {
					got = append(got, pf)
				}
				if e.fonts[1] != nil {
					t.Errorf("a font of characters outside a template, without one")
				}
			}
			if len(got) != len(tc.bases) {
				t.Fatalf("embedded %d fonts, want %d (%v)", len(got), len(tc.bases), tc.bases)
			}
			for i, pf := range got {
				base := pf.BaseFont()
				if tag, name, _ := strings.Cut(base, "+"); name != tc.bases[i] || len(tag) != 6 {
					t.Errorf("font %d is %s, want ABCDEF+%s", i, base, tc.bases[i])
				}
				if c := chars(pf, all); c != tc.chars[i] {
					t.Errorf("font %s draws %q, want %q", base, c, tc.chars[i])
				}
			}
			for _, pg := range f.pages {
				for _, o := range pg.texts {
					if e := f.t.entries[o.ent]; e.ref.family == "OCS-Serif-Bold" && (e.synthetic || o.stroke > 0) {
						t.Errorf("%q is drawn with the Latin bold face, stroked", o.text)
					}
				}
			}
		})
	}
}

func TestSubsetWidthsMatchLayout(t *testing.T) {
	// The layout measures with the whole face's hmtx values and writes
	// them as the PDF font's widths; the embedded subset must carry the
	// same advances, or a viewer that trusts the font program would
	// place glyphs elsewhere. The Latin faces have 2048 units to the em,
	// TW-Kai 1024.
	set := testSet(t)
	const text = "行銷業務專員職能基準 THM2431-001v1（續）第 1 頁／共 5 頁√ⅺ●【註1】，。"
	for _, face := range []*fonts.Face{set.Regular, set.Latin, set.LatinBold} {
		ft := newFaceTable(set, nil)
		e := &ft.entries[ft.entry(face)]
		var runes []rune
		for _, r := range text {
			if face.Has(r) && !slices.Contains(runes, r) {
				runes = append(runes, r)
			}
		}
		sub, err := face.Subset(runes)
		if err != nil {
			t.Fatal(err)
		}
		m, err := sub.Metrics()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range runes {
			adv := m.Advance(m.Glyph(r))
			want := int(float64(adv)*1000/float64(m.UnitsPerEm()) + 0.5)
			if got := e.units(r); got != want {
				t.Errorf("%s: %c (%U): the layout measures %d/1000 em, the subset's glyph is %d/1000", face.Name, r, r, got, want)
			}
		}
	}
}
