package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strconv"
)

// Reading a reference document: its last section and its relationships.

// section is what the output takes from the reference's last sectPr.
type refSection struct {
	page           *refPage
	header, footer string // relationship ids of the default header and footer
}

// lastSection reads the body's last section properties.
func lastSection(doc []byte) (refSection, error) {
	var s refSection
	if doc == nil {
		return s, nil
	}
	dec := xml.NewDecoder(bytes.NewReader(doc))
	depth, sectDepth := 0, -1
	var cur refSection
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return s, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 256 {
				return s, errors.New("elements nested more than 256 deep")
			}
			if t.Name.Local == "sectPr" && sectDepth < 0 {
				sectDepth, cur = depth, refSection{}
				continue
			}
			if sectDepth < 0 {
				continue
			}
			attr := func(local string) string {
				for _, a := range t.Attr {
					if a.Name.Local == local {
						return a.Value
					}
				}
				return ""
			}
			num := func(local string) int { n, _ := strconv.Atoi(attr(local)); return n }
			switch t.Name.Local {
			case "pgSz":
				if cur.page == nil {
					cur.page = &refPage{}
				}
				cur.page.width, cur.page.height = num("w"), num("h")
			case "pgMar":
				if cur.page == nil {
					cur.page = &refPage{}
				}
				cur.page.top, cur.page.right, cur.page.bottom, cur.page.left = num("top"), num("right"), num("bottom"), num("left")
				cur.page.hdr, cur.page.footer = num("header"), num("footer")
			case "headerReference":
				if attr("type") == "default" {
					cur.header = attr("id")
				}
			case "footerReference":
				if attr("type") == "default" {
					cur.footer = attr("id")
				}
			}
		case xml.EndElement:
			if depth == sectDepth {
				s, sectDepth = cur, -1
			}
			depth--
		}
	}
}

// rel is one relationship of a .rels part.
type rel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// parseRels reads a .rels part; a part that cannot be read has none.
func parseRels(data []byte) []rel {
	var v struct {
		Rels []rel `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &v) != nil {
		return nil
	}
	return v.Rels
}

// relTargets maps relationship ids to targets.
func relTargets(rels []byte) map[string]string {
	m := map[string]string{}
	for _, r := range parseRels(rels) {
		m[r.ID] = r.Target
	}
	return m
}

func sortedTargets(rels []byte) []string {
	var out []string
	for _, r := range parseRels(rels) {
		if r.Mode != "External" {
			out = append(out, r.Target)
		}
	}
	sort.Strings(out)
	return out
}
