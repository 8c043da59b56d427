package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/internal/golden"
	"github.com/ocs-project/ocs/internal/testdocs"
)

// The body of every bundled standard table, word/document.xml pretty
// printed one element a line, matches its reviewed golden file: a merge
// (w:vMerge, w:gridSpan), a header-row flag or a run property that
// changes shows as a small diff. After an intended change:
// go test ./render/docx -run TestGolden -update, then review testdata.
func TestGoldenDocumentXML(t *testing.T) {
	docs, err := testdocs.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if !strings.HasSuffix(d.Name, ".standard") && !strings.HasSuffix(d.Name, ".posting") {
			continue
		}
		t.Run(d.Name, func(t *testing.T) {
			_, parts := unzipParts(t, mustRender(t, d.Doc))
			pretty, err := prettyXML([]byte(parts["word/document.xml"]))
			if err != nil {
				t.Fatalf("word/document.xml: %v", err)
			}
			golden.Check(t, filepath.Join("testdata", d.Name+".document.xml.golden"), pretty)
		})
	}
}

// pinnedDOCX holds the SHA-256 of the THM2431-001v1 standard table as a
// DOCX file. The same input gives these bytes on every machine: a
// different hash here, with the golden document.xml unchanged, means
// output depends on the machine (zip times, map order, the environment).
// go test ./render/docx -run TestGolden -update rewrites it.
const pinnedDOCX = "testdata/THM2431-001v1.standard.docx.sha256"

func TestGoldenDOCXHash(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "") // the document's own date counts
	golden.CheckSHA256(t, pinnedDOCX, mustRender(t, testdocs.MustStandard(t, "THM2431-001v1").Doc))
}

// prettyXML writes an XML document one element a line, indented by
// depth, attributes in their order, an element holding only text on one
// line. Revision ids (w:rsid…) are left out. Only the layout of the
// markup changes, never a name, value or text.
func prettyXML(data []byte) ([]byte, error) {
	type node struct {
		start    xml.StartElement
		text     strings.Builder
		children int
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b bytes.Buffer
	var stack []*node
	name := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	indent := func(depth int) { b.WriteString(strings.Repeat("  ", depth)) }
	// open writes the start tag of n, pending until its first child or end.
	open := func(n *node, depth int, end string) {
		indent(depth)
		b.WriteString("<" + name(n.start.Name))
		for _, a := range n.start.Attr {
			if strings.HasPrefix(a.Name.Local, "rsid") {
				continue
			}
			b.WriteString(" " + name(a.Name) + `="`)
			xml.EscapeText(&b, []byte(a.Value))
			b.WriteString(`"`)
		}
		b.WriteString(end)
	}
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.ProcInst:
			b.WriteString("<?" + tok.Target + " " + string(tok.Inst) + "?>\n")
		case xml.StartElement:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				if p.children == 0 {
					open(p, len(stack)-1, ">\n")
				}
				p.children++
			}
			stack = append(stack, &node{start: tok.Copy()})
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(tok)
			}
		case xml.EndElement:
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			depth := len(stack)
			switch {
			case n.children > 0:
				indent(depth)
				b.WriteString("</" + name(tok.Name) + ">\n")
			case n.text.Len() > 0:
				open(n, depth, ">")
				xml.EscapeText(&b, []byte(n.text.String()))
				b.WriteString("</" + name(tok.Name) + ">\n")
			default:
				open(n, depth, "/>\n")
			}
		}
	}
	if len(stack) != 0 {
		return nil, errors.New("unclosed elements at the end")
	}
	return b.Bytes(), nil
}

func TestPrettyXML(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="x"><w:body><w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve"> 甲 &amp; 乙 </w:t></w:r>` +
		`<w:r><w:br/></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr></w:tc></w:tr></w:tbl></w:body></w:document>`
	want := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="x">
  <w:body>
    <w:p>
      <w:r>
        <w:t xml:space="preserve"> 甲 &amp; 乙 </w:t>
      </w:r>
      <w:r>
        <w:br/>
      </w:r>
    </w:p>
    <w:tbl>
      <w:tr>
        <w:tc>
          <w:tcPr>
            <w:vMerge w:val="restart"/>
          </w:tcPr>
        </w:tc>
      </w:tr>
    </w:tbl>
  </w:body>
</w:document>
`
	got, err := prettyXML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("prettyXML:\n%s", golden.Diff(want, string(got)))
	}
	if _, err := prettyXML([]byte("<a><b>")); err == nil {
		t.Error("no error for unclosed elements")
	}
}
