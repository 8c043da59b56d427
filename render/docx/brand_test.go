package docx

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render"
)

func testLogo(t *testing.T) *render.Image {
	t.Helper()
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 40, 20)))
	img, err := render.LoadImage(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func brandedDoc(t *testing.T) *render.Document {
	d := refDoc()
	d.Blocks[2].(*render.Table).Rows[0].Cells[0].Shade = true
	d.Brand = &render.Brand{Name: "山嵐度假飯店股份有限公司", Line: "文件編號 HR-2026-014", Footer: "花蓮縣花蓮市海岸路 88 號",
		Logo: testLogo(t), Color: render.Color{R: 0x1F, G: 0x4E, B: 0x79, Set: true}}
	return d
}

func TestBrand(t *testing.T) {
	out, err := Render(brandedDoc(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, parts := unzipParts(t, out)
	hdr := parts["word/brandheader.xml"]
	for _, want := range []string{"山嵐度假飯店股份有限公司", "文件編號 HR-2026-014", `<a:blip r:embed="rId1"/>`, `w:color="1F4E79"`,
		`<wp:extent cx="864000" cy="432000"/>`} { // 24 × 12 mm: 12 mm high, 2:1
		if !strings.Contains(hdr, want) {
			t.Errorf("brand header lacks %s:\n%s", want, hdr)
		}
	}
	if !strings.Contains(parts["word/_rels/brandheader.xml.rels"], `Target="media/brandlogo.png"`) || parts["word/media/brandlogo.png"] == "" {
		t.Error("the logo is not in the package")
	}
	doc := parts["word/document.xml"]
	if !strings.Contains(doc, `<w:headerReference w:type="default" r:id="rIdBrandHeader"/>`) {
		t.Error("sections do not show the brand header")
	}
	if !strings.Contains(doc, `w:fill="D2DCE4"`) || strings.Contains(doc, `w:fill="D9D9D9"`) {
		t.Error("shaded cells are not tinted with the accent colour")
	}
	if !strings.Contains(parts["word/footer1.xml"], "花蓮縣花蓮市海岸路 88 號") {
		t.Error("the footer lacks the organisation's line")
	}
	// The same document without a brand carries none of it.
	plain := brandedDoc(t)
	plain.Brand = nil
	out, _ = Render(plain, Options{})
	names, parts := unzipParts(t, out)
	for _, n := range names {
		if strings.Contains(n, "brand") {
			t.Errorf("an unbranded document has %s", n)
		}
	}
	if !strings.Contains(parts["word/document.xml"], `w:fill="D9D9D9"`) {
		t.Error("an unbranded document lost its grey shading")
	}
}

// python-docx sees the header and the picture in it.
func TestBrandReadBack(t *testing.T) {
	py := testtool.PythonDocx(t)
	out, err := Render(brandedDoc(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.docx")
	os.WriteFile(path, out, 0o644)
	script := `
import sys
from docx import Document
d = Document(sys.argv[1])
h = d.sections[0].header
print(h.paragraphs[0].text)
print(len(h._element.xpath('.//pic:pic')))
print(d.sections[0].footer.paragraphs[0].text)
`
	res, err := exec.Command(py, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("python-docx: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	if len(lines) != 3 || strings.TrimSpace(lines[0]) != "山嵐度假飯店股份有限公司\t文件編號 HR-2026-014" || lines[1] != "1" || lines[2] != "花蓮縣花蓮市海岸路 88 號" {
		t.Errorf("python-docx read %q", lines)
	}
}
