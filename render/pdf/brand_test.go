package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// brandLogo returns a small two-colour logo as PNG or JPEG.
func brandLogo(t *testing.T, format string) *render.Image {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, 80, 40))
	for y := range 40 {
		for x := range 80 {
			c := color.RGBA{0x1F, 0x4E, 0x79, 0xFF}
			if x >= 40 {
				c = color.RGBA{0xE6, 0x96, 0x1E, 0xFF}
			}
			m.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	var err error
	if format == "jpeg" {
		err = jpeg.Encode(&buf, m, nil)
	} else {
		err = png.Encode(&buf, m)
	}
	if err != nil {
		t.Fatal(err)
	}
	img, err := render.LoadImage(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// brandBody is a document of a title, headings, a table with a shaded
// header row and enough paragraphs for several pages.
func brandBody(brand *render.Brand) *render.Document {
	d := &render.Document{
		Meta:   render.Meta{Title: "職能基準", Lang: "zh-TW"},
		Footer: render.Footer{Left: "THM2431-001v1", Right: "第 {page} 頁／共 {pages} 頁"},
		Brand:  brand,
		Blocks: []render.Block{
			&render.Paragraph{Style: render.TitleText, Runs: []render.Run{{Text: "行銷業務專員職能基準"}}},
			longTable(1, 2, 2),
		},
	}
	for i := 1; i <= 40; i++ {
		if i%10 == 1 {
			d.Blocks = append(d.Blocks, &render.Heading{Level: 2, Runs: []render.Run{{Text: fmt.Sprintf("第%d節", i/10+1)}}})
		}
		d.Blocks = append(d.Blocks, &render.Paragraph{Runs: []render.Run{{Text: fmt.Sprintf(
			"B%02d 依照不同客戶型態安排客戶服務活動及銷售服務，提供客戶所需之協助以滿足客戶需求，並維護及建立客戶關係。", i)}}})
	}
	return d
}

func TestBrandPDF(t *testing.T) {
	accent := render.Color{R: 0x1F, G: 0x4E, B: 0x79, Set: true}
	plain := mustRender(t, brandBody(nil))
	plainText := runningFooter.ReplaceAllString(squeeze(strings.Join(pageTexts(t, plain), "")), "")
	for _, tc := range []struct {
		name  string
		brand *render.Brand
		tint  string // the fill operator of shaded cells
	}{
		{"all", &render.Brand{Name: "範例股份有限公司", Line: "HR-2026-014", Footer: "臺北市中正區",
			Logo: brandLogo(t, "png"), Color: accent}, "0.82 0.86 0.89 rg"},
		{"jpeg logo, no colour", &render.Brand{Name: "範例股份有限公司", Logo: brandLogo(t, "jpeg")}, "0.88 g"},
		{"name and line", &render.Brand{Name: "範例股份有限公司", Line: "文件編號 HR-2026-014", Color: accent}, "0.82 0.86 0.89 rg"},
		{"footer only", &render.Brand{Footer: "臺北市中正區重慶南路一段 122 號"}, "0.88 g"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.brand
			out := mustRender(t, brandBody(b))
			if again := mustRender(t, brandBody(b)); !bytes.Equal(out, again) {
				t.Error("two renders differ")
			}
			qpdfCheck(t, out)
			pages := pageTexts(t, out)
			if len(pages) < 3 {
				t.Fatalf("%d pages; the test wants several", len(pages))
			}
			body := ""
			for i, p := range pages {
				for _, s := range []string{b.Name, b.Line, b.Footer} {
					if s == "" {
						continue
					}
					if !strings.Contains(squeeze(p), squeeze(s)) {
						t.Errorf("page %d lacks %q", i+1, s)
					}
					p = strings.Replace(squeeze(p), squeeze(s), "", 1)
				}
				if !runningFooter.MatchString(p) {
					t.Errorf("page %d lacks its running footer", i+1)
				}
				body += runningFooter.ReplaceAllString(squeeze(p), "")
			}
			if body != plainText {
				t.Errorf("the body text changed: %d characters, want %d", len([]rune(body)), len([]rune(plainText)))
			}
			images := logoPages(t, out)
			if b.Logo == nil && images != 0 {
				t.Errorf("%d logos, want none", images)
			}
			if b.Logo != nil && images != len(pages) {
				t.Errorf("%d logos on %d pages", images, len(pages))
			}
			qdf := plainPDF(t, out)
			if !bytes.Contains(qdf, []byte(tc.tint)) {
				t.Errorf("no shading %q", tc.tint)
			}
			if b.Color.Set && !bytes.Contains(qdf, []byte("0.12 0.31 0.47 rg")) {
				t.Error("no text in the accent colour")
			}
			if logo := bytes.Contains(qdf, []byte("/Artifact<</Type/Pagination>>BDC\nq ")); logo != (b.Logo != nil) {
				t.Errorf("logo drawn as a pagination artifact: %v, want %v", logo, b.Logo != nil)
			}
		})
	}
}

// runningFooter is the page-number footer of brandBody, which moves with
// the page breaks.
var runningFooter = regexp.MustCompile(`THM2431-001v1第\d+頁／共\d+頁`)

// logoPages counts the images of a PDF by pdfimages -list.
func logoPages(t *testing.T, data []byte) int {
	t.Helper()
	out, err := exec.Command(tool(t, "pdfimages"), "-list", writeTemp(t, data)).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	n := 0
	for _, l := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(l); len(f) > 4 && f[2] == "image" && f[3] == "80" && f[4] == "40" {
			n++
		}
	}
	return n
}

// A document whose brand asks for nothing is the unbranded document, byte
// for byte, and a brand without a header leaves the body where it was.
func TestBrandUnbranded(t *testing.T) {
	plain := mustRender(t, brandBody(nil))
	for _, tc := range []struct {
		name  string
		brand *render.Brand
	}{
		{"zero brand", &render.Brand{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if out := mustRender(t, brandBody(tc.brand)); !bytes.Equal(out, plain) {
				t.Error("the PDF differs from the unbranded one")
			}
		})
	}
	for _, tc := range []struct {
		brand *render.Brand
		band  bool
	}{
		{nil, false},
		{&render.Brand{Footer: "臺北市"}, false},
		{&render.Brand{Color: render.Color{Set: true}}, false},
		{&render.Brand{Line: "HR-2026-014"}, true},
		{&render.Brand{Logo: &render.Image{Width: 300, Height: 30}}, true},
	} {
		f, err := layoutOnly(brandBody(tc.brand), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := f.top > defaultMargin; got != tc.band {
			t.Errorf("brand %+v: body top %g mm", tc.brand, f.top)
		}
	}
}

func TestLogoSize(t *testing.T) {
	for _, tc := range []struct {
		w, h   int
		mw, mh float64
	}{
		{80, 40, 24, 12},
		{40, 40, 12, 12},
		{600, 60, 60, 6}, // too wide: 60 mm, aspect kept
	} {
		w, h := logoSize(&render.Image{Width: tc.w, Height: tc.h})
		if w != tc.mw || h != tc.mh {
			t.Errorf("%d×%d px: %g×%g mm, want %g×%g", tc.w, tc.h, w, h, tc.mw, tc.mh)
		}
	}
}
