package pdfw

import (
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
