package pdfw

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Colours are written once per change, greys with g and G, colours with
// rg and RG; black needs nothing, as it is the default.
func TestContentColors(t *testing.T) {
	blue := RGB{R: 0.2, G: 0.4, B: 0.6}
	for _, tc := range []struct {
		name string
		draw func(c *Content)
		want string
	}{
		{"black text", func(c *Content) { c.Text("F1", 10, 1, 2, 0, []byte("A")) },
			"BT\n/F1 10 Tf\n1 0 0 1 1 2 Tm(A)Tj\nET\n"},
		{"grey fill", func(c *Content) { c.Fill(0, 0, 1, 1, 0.88); c.Fill(1, 1, 1, 1, 0.88) },
			"0.88 g\n0 0 1 1 re f\n1 1 1 1 re f\n"},
		{"colour fill", func(c *Content) { c.FillColor(0, 0, 1, 1, blue) },
			"0.2 0.4 0.6 rg\n0 0 1 1 re f\n"},
		{"colour line then black", func(c *Content) {
			c.LineColor(0, 0, 1, 0, 1, blue)
			c.Line(0, 1, 1, 1, 1)
		}, "0.2 0.4 0.6 RG\n0 0 m 1 0 l S\n0 G\n0 1 m 1 1 l S\n"},
		{"bold colour text", func(c *Content) { c.TextColor("F1", 10, 0, 0, 0.5, []byte("A"), blue) },
			"0.5 w\n0.2 0.4 0.6 RG\n0.2 0.4 0.6 rg\nBT\n/F1 10 Tf\n2 Tr\n1 0 0 1 0 0 Tm(A)Tj\nET\n"},
		{"grey as RGB", func(c *Content) { c.FillColor(0, 0, 1, 1, Gray(0.5)) },
			"0.5 g\n0 0 1 1 re f\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewContent()
			tc.draw(c)
			if got := string(c.Bytes()); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, strings.TrimSpace(tc.want))
			}
		})
	}
}

// Tagged texts share one text object; an artifact or a rule ends it.
func TestContentTextObjects(t *testing.T) {
	c := NewContent()
	c.Tag("P", 0)
	c.Text("F1", 10, 56.69, 700.5, 0, []byte("A"))
	c.End()
	c.Tag("P", 1)
	c.Text("F1", 10, 106.7, 700.5, 0, []byte("B"))
	c.Text("F1", 10, 56.69, 688.25, 0, []byte("C"))
	c.End()
	c.Artifact("Pagination")
	c.Text("F1", 9, 56.69, 30, 0, []byte("1"))
	c.End()
	c.Line(0, 0, 1, 0, 1)
	c.Tag("P", 2)
	c.Text("F1", 9, -0.5, 10, 0, []byte("D"))
	c.End()
	want := "BT\n/P<</MCID 0>>BDC\n/F1 10 Tf\n1 0 0 1 56.69 700.5 Tm(A)Tj\nEMC\n" +
		"/P<</MCID 1>>BDC\n1 0 0 1 106.7 700.5 Tm(B)Tj\n1 0 0 1 56.69 688.25 Tm(C)Tj\nEMC\nET\n" +
		"/Artifact<</Type/Pagination>>BDC\nBT\n/F1 9 Tf\n1 0 0 1 56.69 30 Tm(1)Tj\nET\nEMC\n" +
		"0 0 m 1 0 l S\n" +
		"BT\n/P<</MCID 2>>BDC\n1 0 0 1 -0.5 10 Tm(D)Tj\nEMC\nET\n"
	if got := string(c.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Cut divides a stream into pieces that join into it again; a page saves
// and restores the graphics state around a part however it is cut.
func TestContentCut(t *testing.T) {
	c := NewContent()
	c.Cut() // nothing to cut yet
	c.Tag("P", 0)
	c.Text("F1", 10, 1, 2, 0, []byte("A"))
	c.Cut()
	c.Cut() // the same place again
	c.Text("F2", 10, 3, 2, 0, []byte("B"))
	c.Cut()
	c.Text("F1", 10, 5, 2, 0, []byte("C"))
	c.End()
	body := c.pieces()
	want := "BT\n/P<</MCID 0>>BDC\n/F1 10 Tf\n1 0 0 1 1 2 Tm(A)Tj\n|/F2 10 Tf\n1 0 0 1 3 2 Tm(B)Tj\n|/F1 10 Tf\n1 0 0 1 5 2 Tm(C)Tj\nEMC\nET\n"
	var got []string
	for _, p := range body {
		got = append(got, string(p))
	}
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("pieces:\n%q\nwant\n%q", s, want)
	}

	d := New(Info{})
	foot := NewContent()
	foot.Text("F1", 8, 0, 0, 0, []byte("1"))
	d.AddPageParts(100, 100, []*Content{c, foot})
	cs := d.pages[0].contents
	if len(cs) != 4 || !strings.HasPrefix(string(cs[0].data), "q\nBT\n") || !strings.HasSuffix(string(cs[2].data), "ET\nQ\n") ||
		strings.Contains(string(cs[1].data), "q\n") || strings.Contains(string(cs[3].data), "Q\n") {
		t.Errorf("page contents %q", cs)
	}
	for _, e := range cs {
		if e.filter != "" {
			t.Errorf("a piece of %d bytes is compressed (%s), larger than as it is", len(e.data), e.filter)
		}
	}
	if !strings.HasSuffix(string(c.Bytes()), "ET\n") {
		t.Error("adding the page changed the content")
	}
}

func TestBandRows(t *testing.T) {
	// Three table rows, each two cell frames, a shaded cell and a box in
	// a cell: every row writes the same bytes after its cm, and each
	// rectangle lands where it was given, to the hundredth.
	c := NewContent()
	c.Artifact("Layout")
	type rect struct{ x, y, w, h float64 }
	var want []rect
	for row := range 3 {
		y := 700 - 21.5*float64(row)
		c.Fill(56.69, y, 84.33, 21.5, 0.88)
		c.Frame(56.69, y, 84.33, 21.5, 0.57)
		c.Frame(141.02, y, 156.61, 21.5, 0.57)
		c.Frame(150.13, y+6.65, 7.2, 7.2, 0.43)
		want = append(want, rect{56.69, y, 84.33, 21.5}, rect{56.69, y, 84.33, 21.5}, rect{141.02, y, 156.61, 21.5}, rect{150.13, y + 6.65, 7.2, 7.2})
	}
	c.End()
	c.Line(10, 10, 20, 10, 0.5) // after the band: absolute
	c.Frame(10, 20, 5, 5, 0.5)
	want = append(want, rect{10, 20, 5, 5})
	s := string(c.Bytes())

	rows := strings.Split(s, " cm\n")[1:]
	if len(rows) != 3 {
		t.Fatalf("%d bands, want 3:\n%s", len(rows), s)
	}
	first, _, _ := strings.Cut(rows[0], "Q\n")
	for i, r := range rows[1:] {
		if got, _, _ := strings.Cut(r, "Q\n"); got != first {
			t.Errorf("row %d writes\n%s\nrow 0\n%s", i+2, got, first)
		}
	}
	if q, Q := strings.Count(s, "q "), strings.Count(s, "Q\n"); q != 3 || Q != 3 {
		t.Errorf("%d q and %d Q, want 3 each:\n%s", q, Q, s)
	}
	// Follow the translations to where each rectangle is drawn.
	var got []rect
	translated(s, func(f []string, ty float64) {
		if len(f) == 6 && f[4] == "re" {
			var v [4]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(f[i], 64)
			}
			got = append(got, rect{v[0], v[1] + ty, v[2], v[3]})
		}
	})
	if len(got) != len(want) {
		t.Fatalf("%d rectangles drawn, want %d:\n%s", len(got), len(want), s)
	}
	for i := range want {
		g, w := got[i], want[i]
		if math.Round(g.x*100) != math.Round(w.x*100) || math.Round(g.y*100) != math.Round(w.y*100) ||
			math.Round(g.w*100) != math.Round(w.w*100) || math.Round(g.h*100) != math.Round(w.h*100) {
			t.Errorf("rectangle %d drawn at %v, want %v", i, g, w)
		}
	}
}

func TestOriginRows(t *testing.T) {
	// Two table rows of two tagged cells, each row begun at its first
	// baseline: the rows write the same bytes, each sets its fonts again
	// (Q restores the text state too), marked content nests inside q … Q,
	// and each text lands on its baseline.
	c := NewContent()
	for row := range 2 {
		y := 700 - 21.5*float64(row)
		c.Origin(y)
		c.Tag("TD", 2*row)
		c.Text("F1", 10, 60, y, 0, []byte("A"))
		c.Text("F1", 10, 60, y-13, 0, []byte("B"))
		c.End()
		c.Tag("TD", 2*row+1)
		c.Text("F1", 10, 100, y, 0.3, []byte("C"))
		c.End()
	}
	c.Artifact("Layout")
	c.Frame(10, 10, 5, 5, 0.5)
	c.End()
	s := string(c.Bytes())
	bands := strings.Split(s, " cm\n")[1:]
	if len(bands) != 2 {
		t.Fatalf("%d bands, want 2:\n%s", len(bands), s)
	}
	var rows []string
	for _, b := range bands {
		r, _, ok := strings.Cut(b, "Q\n")
		if !ok {
			t.Fatalf("a band does not end:\n%s", s)
		}
		r = strings.ReplaceAll(r, "MCID 2", "MCID 0")
		rows = append(rows, strings.ReplaceAll(r, "MCID 3", "MCID 1"))
	}
	if rows[0] != rows[1] {
		t.Errorf("the rows write\n%s\nand\n%s", rows[0], rows[1])
	}
	for _, r := range rows {
		if tf, tj := strings.Index(r, "/F1 10 Tf"), strings.Index(r, "Tj"); tf < 0 || tf > tj {
			t.Errorf("a band shows text before setting its font:\n%s", r)
		}
		if strings.Count(r, "BDC") != strings.Count(r, "EMC") || strings.Count(r, "BT") != strings.Count(r, "ET") {
			t.Errorf("marked content or text objects cross the band's end:\n%s", r)
		}
	}
	// Where the texts land: the band's origin plus their Tm.
	var got []string
	translated(s, func(f []string, ty float64) {
		if len(f) == 7 && strings.HasPrefix(f[6], "Tm(") {
			y, _ := strconv.ParseFloat(f[5], 64)
			got = append(got, strconv.FormatFloat(math.Round((y+ty)*100)/100, 'f', 2, 64))
		}
	})
	want := []string{"700.00", "687.00", "700.00", "678.50", "665.50", "678.50"}
	if !slices.Equal(got, want) {
		t.Errorf("baselines %v, want %v\n%s", got, want, s)
	}
}

// translated calls fn with the fields of each line of content s and the
// vertical translation in force there (q 1 0 0 1 0 ty cm … Q).
func translated(s string, fn func(fields []string, ty float64)) {
	ty := 0.0
	for _, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 8 && f[7] == "cm":
			ty, _ = strconv.ParseFloat(f[6], 64)
		case len(f) == 1 && f[0] == "Q":
			ty = 0
		default:
			fn(f, ty)
		}
	}
}
