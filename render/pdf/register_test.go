package pdf

import (
	"bytes"
	"slices"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render"
)

// fontCanvas is a canvas that keeps the fonts it is given and draws
// nothing.
type fontCanvas struct {
	refs  []fontRef
	faces []*fonts.Face
}

func (c *fontCanvas) addFont(ref fontRef, data []byte) error {
	f, err := fonts.Parse(ref.family, data)
	if err != nil {
		return err
	}
	c.refs, c.faces = append(c.refs, ref), append(c.faces, f)
	return nil
}

func (c *fontCanvas) addPage()                                                 {}
func (c *fontCanvas) text(fontRef, float64, float64, float64, float64, string) {}
func (c *fontCanvas) line(x1, y1, x2, y2, width float64)                       {}
func (c *fontCanvas) frame(x, y, w, h, width float64)                          {}
func (c *fontCanvas) fill(x, y, w, h, gray float64)                            {}
func (c *fontCanvas) output() ([]byte, error)                                  { return nil, nil }

// chars returns the characters a face maps, among the candidates.
func chars(f *fonts.Face, candidates string) string {
	var out []rune
	for _, r := range candidates {
		if f.Has(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return string(out)
}

func TestRegisterSubsets(t *testing.T) {
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
		refs  []fontRef
		chars []string // characters of each font, among all
	}{
		{"synthetic bold shares the font", def, cjk, []fontRef{{family: "TW-Kai"}}, []string{"甲乙丙"}},
		{"real bold is a font of its own", realBold, cjk,
			[]fontRef{{family: "TW-Kai"}, {family: "TW-Kai", style: "B"}}, []string{"甲乙", "乙丙"}},
		// Latin text takes the Latin faces, the bold one real: no stroke.
		{"Latin faces", def, mixed,
			[]fontRef{{family: "OCS-Serif"}, {family: "TW-Kai"}, {family: "OCS-Serif-Bold"}},
			[]string{"THM2431-0v ", "甲乙", "1A"}},
		{"no Latin faces", noLatin, mixed,
			[]fontRef{{family: "TW-Kai"}}, []string{"甲乙THM2431-0vA "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _, err := layout(tc.doc, Options{Fonts: tc.set})
			if err != nil {
				t.Fatal(err)
			}
			var c fontCanvas
			if err := f.t.register(&c, f.pages); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(c.refs, tc.refs) {
				t.Fatalf("registered %v, want %v", c.refs, tc.refs)
			}
			for i, face := range c.faces {
				if got := chars(face, all); got != tc.chars[i] || face.Len() != len([]rune(got)) {
					t.Errorf("font %v maps %q (%d characters), want %q", c.refs[i], got, face.Len(), tc.chars[i])
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

func TestWidthsMatchLibrary(t *testing.T) {
	// The layout measures with the face's hmtx values, the PDF's /W
	// widths come from the PDF library's reading of the same table:
	// they must agree to the last bit, for every character of the face.
	// The Latin faces have 2048 units to the em, TW-Kai 1024.
	set := testSet(t)
	for _, face := range []*fonts.Face{set.Regular, set.Latin, set.LatinBold} {
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("face", "", bytes.Clone(face.Data))
		p.SetFont("face", "", 1)
		if err := p.Error(); err != nil {
			t.Fatal(err)
		}
		ft := newFaceTable(set)
		ent := ft.entry(face)
		if ft.err != nil {
			t.Fatal(ft.err)
		}
		n := 0
		for r := rune(1); r < 0xFFFF; r++ {
			if !face.Has(r) {
				continue
			}
			n++
			if got, want := ft.width(ent, r, 1), p.GetStringWidth(string(r)); got != want {
				t.Errorf("%s: %U (%c): width %v mm, the PDF library says %v", face.Name, r, r, got, want)
			}
		}
		if n != face.Len() {
			t.Errorf("%s: compared %d characters, the face has %d", face.Name, n, face.Len())
		}
	}
}

func TestSubsetEmbedsSameFont(t *testing.T) {
	// The PDF library cuts the font it embeds out of the subset exactly
	// as it would out of the whole face: same glyphs, same bytes.
	face := testSet(t).Regular
	const text = "行銷業務專員職能基準 THM2431-001v1（續）第 1 頁／共 5 頁√ⅺ●"
	sub, err := face.Subset([]rune(text))
	if err != nil {
		t.Fatal(err)
	}
	want := fpdf.UTF8CutFont(bytes.Clone(face.Data), text)
	got := fpdf.UTF8CutFont(sub.Data, text)
	if len(want) == 0 || !bytes.Equal(got, want) {
		t.Errorf("the embedded font differs: %d bytes from the subset, %d from the face", len(got), len(want))
	}
}
