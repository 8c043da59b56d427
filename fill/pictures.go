package fill

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// pictures collects the pictures {{%…}} tags put into a document, per part.
type pictures struct {
	byPart map[string][]picture // part name → its pictures, in order
	files  map[string]*render.Image
	n      int
}

type picture struct {
	rel, media string
}

// forPart returns the collector itself; a filler records which part a
// picture belongs to.
func (p *pictures) forPart(string) *pictures { return p }

func (p *pictures) any() bool { return p.n > 0 }

// picture replaces a {{%name}} run by the picture whose file the field
// names: PNG or JPEG, 15 mm high (at most 80 mm wide), in line with the
// text. An empty field prints nothing.
func (f *filler) picture(run *node, name string, v any) []*node {
	file, _ := v.(string)
	if file == "" {
		return nil
	}
	img, err := loadPicture(file)
	if err != nil {
		f.problem(run, fmt.Sprintf("{{%%%s}}: %v", name, err))
		return nil
	}
	p := f.pics
	if p.byPart == nil {
		p.byPart, p.files = map[string][]picture{}, map[string]*render.Image{}
	}
	p.n++
	media := "media/ocs-picture" + strconv.Itoa(p.n) + "." + img.Format
	rel := "rIdOcsPicture" + strconv.Itoa(p.n)
	p.byPart[f.part] = append(p.byPart[f.part], picture{rel: rel, media: media})
	p.files["word/"+media] = img
	h := 15.0
	w := h * float64(img.Width) / float64(img.Height)
	if w > 80 {
		w, h = 80, 80*float64(img.Height)/float64(img.Width)
	}
	cx, cy := strconv.Itoa(int(w*36000)), strconv.Itoa(int(h*36000))
	id := strconv.Itoa(1000 + p.n)
	drawing := `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
		`<wp:extent cx="` + cx + `" cy="` + cy + `"/><wp:docPr id="` + id + `" name="Picture ` + id + `"/>` +
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="` + id + `" name="` + path.Base(media) + `"/><pic:cNvPicPr/></pic:nvPicPr>` +
		`<pic:blipFill><a:blip r:embed="` + rel + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="` + cx + `" cy="` + cy + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
		`</a:graphicData></a:graphic></wp:inline></w:drawing>`
	tree, err := parseXML(drawing)
	if err != nil {
		f.problem(run, err.Error())
		return nil
	}
	out := &node{name: "w:r", attrs: run.attrs}
	if rpr := run.child("w:rPr"); rpr != nil {
		out.add(rpr.clone())
	}
	for _, c := range tree.children {
		out.add(c)
	}
	return []*node{out}
}

// loadPicture reads a PNG or JPEG file, at most render.MaxImageBytes.
func loadPicture(file string) (*render.Image, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, render.MaxImageBytes+1))
	if err != nil {
		return nil, err
	}
	img, err := render.LoadImage(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return img, nil
}

// relsName is the relationships part of a part: word/x.xml →
// word/_rels/x.xml.rels.
func relsName(part string) string { return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels") }

// rels returns the pictures to add to the relationships part name, or nil.
func (p *pictures) rels(name string) []picture {
	for part, ps := range p.byPart {
		if relsName(part) == name {
			return ps
		}
	}
	return nil
}

// addRels adds the pictures' relationships to a relationships part.
func (p *pictures) addRels(name string, raw []byte) []byte {
	var b strings.Builder
	for _, pic := range p.rels(name) {
		b.WriteString(`<Relationship Id="` + pic.rel + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="` + pic.media + `"/>`)
	}
	i := bytes.LastIndex(raw, []byte("</Relationships>"))
	if i < 0 {
		return raw
	}
	return append(append(append([]byte(nil), raw[:i]...), b.String()...), raw[i:]...)
}

// contentTypes declares the pictures' types.
func (p *pictures) contentTypes(raw []byte) []byte {
	var b strings.Builder
	for _, ext := range []string{"png", "jpeg"} {
		if !bytes.Contains(raw, []byte(`Extension="`+ext+`"`)) {
			b.WriteString(`<Default Extension="` + ext + `" ContentType="image/` + ext + `"/>`)
		}
	}
	i := bytes.LastIndex(raw, []byte("</Types>"))
	if i < 0 {
		return raw
	}
	return append(append(append([]byte(nil), raw[:i]...), b.String()...), raw[i:]...)
}

// write adds the picture files, and the relationships parts of parts that
// had none.
func (p *pictures) write(zw *zip.Writer, files []*zip.File) error {
	if !p.any() {
		return nil
	}
	have := map[string]bool{}
	for _, f := range files {
		have[f.Name] = true
	}
	var parts []string
	for part := range p.byPart {
		parts = append(parts, part)
	}
	sort.Strings(parts)
	for _, part := range parts {
		name := relsName(part)
		if have[name] {
			continue
		}
		raw := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(p.addRels(name, raw)); err != nil {
			return err
		}
	}
	for i := 1; i <= p.n; i++ {
		for name, img := range p.files {
			if !strings.Contains(name, "ocs-picture"+strconv.Itoa(i)+".") {
				continue
			}
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if err != nil {
				return err
			}
			if _, err := w.Write(img.Data); err != nil {
				return err
			}
		}
	}
	return nil
}
