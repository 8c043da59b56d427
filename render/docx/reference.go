package docx

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Reference is an organisation's own Word document or template whose look
// the output takes on, as pandoc's --reference-doc does: its styles
// (Normal, Title, Heading 1–2, Table Text, Footer … by style id; styles it
// lacks come from ocs), its page size and margins, and its default header
// and footer with the pictures they show. Its text is not used. Make one
// with ParseReference; a Reference is read-only and safe to share.
type Reference struct {
	styles []byte          // word/styles.xml
	page   *refPage        // size and margins of its last section; nil = ocs's
	header *refPart        // default header; nil = none
	footer *refPart        // default footer; nil = ocs's page numbers
	media  []part          // pictures the header and footer show
	extra  []refExtra      // its theme and numbering parts
	types  map[string]bool // extensions of the media, for [Content_Types].xml
}

// refExtra is a part the styles may depend on: the theme or numbering.
type refExtra struct {
	kind string // "theme" or "numbering"
	data []byte
}

// refPage is a section's page size and margins, in twips.
type refPage struct {
	width, height                         int
	top, right, bottom, left, hdr, footer int
}

// refPart is a header or footer part with its relationships.
type refPart struct {
	data []byte
	rels []byte // nil when it has none
}

// Limits on what a reference document may hold, so a hostile file costs
// little: the archive's entries are read only up to these sizes.
const (
	maxRefPart  = 8 << 20  // one XML part or picture
	maxRefTotal = 32 << 20 // all the parts read
)

// ParseReference reads a DOCX or DOTX file to take its look from.
func ParseReference(data []byte) (*Reference, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("reference document: not a Word file (DOCX/DOTX): %w", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	total := 0
	read := func(name string) ([]byte, error) {
		f := files[name]
		if f == nil {
			return nil, nil
		}
		if f.UncompressedSize64 > maxRefPart {
			return nil, fmt.Errorf("reference document: part %s is larger than %d MB", name, maxRefPart>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("reference document: part %s: %w", name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxRefPart+1))
		if err != nil {
			return nil, fmt.Errorf("reference document: part %s: %w", name, err)
		}
		if len(b) > maxRefPart {
			return nil, fmt.Errorf("reference document: part %s is larger than %d MB", name, maxRefPart>>20)
		}
		if total += len(b); total > maxRefTotal {
			return nil, fmt.Errorf("reference document: its parts add up to more than %d MB", maxRefTotal>>20)
		}
		return b, nil
	}
	r := &Reference{types: map[string]bool{}}
	if r.styles, err = read("word/styles.xml"); err != nil {
		return nil, err
	}
	if r.styles == nil {
		return nil, errors.New("reference document: it has no styles (word/styles.xml): save it from Word as .docx or .dotx")
	}
	if !bytes.Contains(r.styles, []byte("</w:styles>")) {
		return nil, errors.New("reference document: word/styles.xml is not a w:styles part")
	}
	doc, err := read("word/document.xml")
	if err != nil {
		return nil, err
	}
	rels, err := read("word/_rels/document.xml.rels")
	if err != nil {
		return nil, err
	}
	sect, err := lastSection(doc)
	if err != nil {
		return nil, fmt.Errorf("reference document: word/document.xml: %w", err)
	}
	r.page = sect.page
	targets := relTargets(rels)
	// The theme holds the fonts and colours styles may name by theme
	// slot; numbering holds the lists styles may number with.
	for _, x := range parseRels(rels) {
		var kind string
		switch {
		case strings.HasSuffix(x.Type, "/theme"):
			kind = "theme"
		case strings.HasSuffix(x.Type, "/numbering"):
			kind = "numbering"
		default:
			continue
		}
		if hasExtra(r.extra, kind) {
			continue
		}
		name := path.Join("word", x.Target)
		data, err := read(name)
		if err != nil {
			return nil, err
		}
		if data != nil {
			r.extra = append(r.extra, refExtra{kind: kind, data: data})
		}
	}
	for _, c := range []struct {
		id   string
		dest **refPart
	}{{sect.header, &r.header}, {sect.footer, &r.footer}} {
		if c.id == "" || targets[c.id] == "" {
			continue
		}
		name := path.Join("word", targets[c.id])
		data, err := read(name)
		if err != nil || data == nil {
			return nil, fmt.Errorf("reference document: %s: %v", name, err)
		}
		p := &refPart{data: data}
		relName := path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")
		if p.rels, err = read(relName); err != nil {
			return nil, err
		}
		// Pictures and other parts the header or footer points at come
		// along under their own names.
		for _, t := range sortedTargets(p.rels) {
			if strings.Contains(t, "://") || strings.HasPrefix(t, "/") || strings.Contains(t, "..") {
				continue // external links, and nothing outside word/
			}
			mname := path.Join(path.Dir(name), t)
			if !strings.HasPrefix(mname, "word/media/") || hasPart(r.media, mname) {
				continue // pictures only: nothing may replace a part of ours
			}
			m, err := read(mname)
			if err != nil {
				return nil, err
			}
			if m == nil {
				continue
			}
			r.media = append(r.media, part{mname, m})
			r.types[strings.ToLower(strings.TrimPrefix(path.Ext(mname), "."))] = true
		}
		*c.dest = p
	}
	return r, nil
}

func hasPart(ps []part, name string) bool {
	for _, p := range ps {
		if p.name == name {
			return true
		}
	}
	return false
}

// geometry returns the page the reference sets, turned for landscape when
// the document asks for it, or g unchanged when it sets none.
func (r *Reference) geometry(g geometry) geometry {
	if r == nil || r.page == nil || r.page.width <= 0 || r.page.height <= 0 {
		return g
	}
	p := *r.page
	w, h := p.width, p.height
	if (g.landscape && w < h) || (!g.landscape && w > h) {
		w, h = h, w
		p.top, p.right, p.bottom, p.left = p.left, p.top, p.right, p.bottom
	}
	n := geometry{width: w, height: h, top: p.top, right: p.right, bottom: p.bottom, left: p.left, landscape: g.landscape}
	n.footer, n.head = p.footer, p.hdr
	if n.footer <= 0 {
		n.footer = n.bottom / 2
	}
	if n.top <= 0 || n.bottom <= 0 || n.left <= 0 || n.right <= 0 ||
		n.textWidth() < twips(minText) || n.textHeight() < twips(minText) {
		return g // margins that leave no room for the tables: keep ours
	}
	return n
}

// stylesWith returns the reference's styles.xml with every style of ours
// whose id it lacks added at the end, so the document's paragraphs and
// tables always find their style.
func (r *Reference) stylesWith(ours []styleXML) []byte {
	have := map[string]bool{}
	for _, m := range styleIDRe.FindAllSubmatch(r.styles, -1) {
		have[string(m[1])] = true
	}
	end := bytes.LastIndex(r.styles, []byte("</w:styles>"))
	out := append([]byte(nil), r.styles[:end]...)
	for _, s := range ours {
		if !have[s.id] {
			out = append(out, s.xml...)
		}
	}
	return append(out, r.styles[end:]...)
}

var styleIDRe = regexp.MustCompile(`w:styleId="([^"]+)"`)

// mediaType is the content type of a picture extension.
func mediaType(ext string) string {
	switch ext {
	case "png":
		return "image/png"
	case "jpg", "jpeg":
		return "image/jpeg"
	case "gif":
		return "image/gif"
	case "bmp":
		return "image/bmp"
	case "emf":
		return "image/x-emf"
	case "wmf":
		return "image/x-wmf"
	case "svg":
		return "image/svg+xml"
	case "tif", "tiff":
		return "image/tiff"
	}
	return "application/octet-stream"
}

// Relationship ids and part names of the reference's header and footer in
// the output.
const (
	refHeaderRel  = "rIdRefHeader"
	refFooterRel  = "rIdRefFooter"
	refHeaderName = "refheader.xml"
	refFooterName = "reffooter.xml"
)

// parts returns the header, footer and pictures taken from the reference,
// and declares them in the content types and the document's relationships.
func (r *Reference) parts(types, rels *strings.Builder) []part {
	var out []part
	for _, c := range []struct {
		p         *refPart
		name, rel string
		kind      string
	}{{r.header, refHeaderName, refHeaderRel, "header"}, {r.footer, refFooterName, refFooterRel, "footer"}} {
		if c.p == nil {
			continue
		}
		types.WriteString(`<Override PartName="/word/` + c.name + `" ContentType="` + typeBase + c.kind + `+xml"/>`)
		rels.WriteString(`<Relationship Id="` + c.rel + `" Type="` + relBase + c.kind + `" Target="` + c.name + `"/>`)
		out = append(out, part{"word/" + c.name, c.p.data})
		if c.p.rels != nil {
			out = append(out, part{"word/_rels/" + c.name + ".rels", c.p.rels})
		}
	}
	for _, x := range r.extra {
		name, ctype := "numbering.xml", typeBase+"numbering+xml"
		if x.kind == "theme" {
			name, ctype = "theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"
		}
		types.WriteString(`<Override PartName="/word/` + name + `" ContentType="` + ctype + `"/>`)
		rels.WriteString(`<Relationship Id="rIdRef` + x.kind + `" Type="` + relBase + x.kind + `" Target="` + name + `"/>`)
		out = append(out, part{"word/" + name, x.data})
	}
	exts := make([]string, 0, len(r.types))
	for e := range r.types {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	for _, e := range exts {
		types.WriteString(`<Default Extension="` + e + `" ContentType="` + mediaType(e) + `"/>`)
	}
	return append(out, r.media...)
}

func hasExtra(xs []refExtra, kind string) bool {
	for _, x := range xs {
		if x.kind == kind {
			return true
		}
	}
	return false
}

// Fingerprint identifies what the reference gives the output, for build
// caches: the same reference file gives the same fingerprint.
func (r *Reference) Fingerprint() string {
	h := sha256.New()
	h.Write(r.styles)
	if r.page != nil {
		fmt.Fprintf(h, "%+v", *r.page)
	}
	for _, p := range []*refPart{r.header, r.footer} {
		if p != nil {
			h.Write(p.data)
			h.Write(p.rels)
		}
	}
	for _, m := range r.media {
		h.Write([]byte(m.name))
		h.Write(m.data)
	}
	for _, x := range r.extra {
		h.Write([]byte(x.kind))
		h.Write(x.data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
