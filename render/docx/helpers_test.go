package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// mustRender renders d with default options and fails the test on error.
func mustRender(t testing.TB, d *render.Document) []byte {
	t.Helper()
	b, err := Render(d, Options{})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b
}

// unzipParts returns the entries of a DOCX in archive order, after checking
// that every XML part (every one but fonts and pictures) is well-formed.
func unzipParts(t testing.TB, data []byte) (names []string, parts map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip archive: %v", err)
	}
	parts = map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if strings.HasPrefix(f.Name, "word/media/") || strings.HasPrefix(f.Name, "word/fonts/") {
			names = append(names, f.Name)
			parts[f.Name] = string(b)
			continue
		}
		if err := wellFormed(b); err != nil {
			t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
		}
		names = append(names, f.Name)
		parts[f.Name] = string(b)
	}
	return names, parts
}

func wellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// paragraphTexts decodes document.xml and returns the text of every
// paragraph in document order, tables included: <w:t> text, <w:tab/> as
// "\t", <w:br/> as "\n"; field instructions are left out.
func paragraphTexts(t testing.TB, doc string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var out []string
	var cur strings.Builder
	inT := false
	inTabs := false // inside <w:tabs>, where <w:tab> is a tab stop
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "p":
				cur.Reset()
			case "t":
				inT = true
			case "tabs":
				inTabs = true
			case "tab":
				if !inTabs {
					cur.WriteByte('\t')
				}
			case "br":
				if !hasAttr(tok, "type") {
					cur.WriteByte('\n')
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "p":
				out = append(out, cur.String())
			case "t":
				inT = false
			case "tabs":
				inTabs = false
			}
		case xml.CharData:
			if inT {
				cur.Write(tok)
			}
		}
	}
}

func hasAttr(e xml.StartElement, local string) bool {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// inOrder reports the first of want that does not occur in text after the
// one before it, or "" when all do. With squash, white space is ignored on
// both sides (for text extracted from PDF).
func inOrder(text string, want []string, squash bool) string {
	if squash {
		text = stripSpace(text)
	}
	at := 0
	for _, w := range want {
		if squash {
			w = stripSpace(w)
		}
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w
		}
		at += i + len(w)
	}
	return ""
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u3000':
			return -1
		}
		return r
	}, s)
}
