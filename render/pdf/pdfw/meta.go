package pdfw

import (
	"encoding/xml"
	"strings"
	"time"
)

// pdfDate writes a date as a PDF date string, D:YYYYMMDDHHmmSSZ.
func pdfDate(t time.Time) string { return t.UTC().Format("D:20060102150405Z") }

// dict writes the document information dictionary.
func (in *Info) dict() []byte {
	b := []byte("<<")
	for _, kv := range [][2]string{
		{"Title", in.Title}, {"Subject", in.Subject}, {"Keywords", in.Keywords},
		{"Author", in.Author}, {"Creator", in.Creator}, {"Producer", in.Producer},
	} {
		if kv[1] != "" {
			b = appendName(b, kv[0])
			b = appendText(b, kv[1])
		}
	}
	d := []byte(pdfDate(in.Date))
	b = append(b, "/CreationDate"...)
	b = appendLiteral(b, d)
	b = append(b, "/ModDate"...)
	b = appendLiteral(b, d)
	return append(b, ">>"...)
}

// xmp writes the XMP metadata packet: the same values as the information
// dictionary, and PDF/UA identification for a tagged document.
func (in *Info) xmp(tagged bool) []byte {
	var b strings.Builder
	esc := func(s string) string {
		var e strings.Builder
		xml.EscapeText(&e, []byte(s)) // writes to a strings.Builder do not fail
		return e.String()
	}
	date := in.Date.UTC().Format("2006-01-02T15:04:05Z")
	b.WriteString("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
	if tagged {
		b.WriteString(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"")
	}
	b.WriteString(">\n<dc:format>application/pdf</dc:format>\n")
	alt := func(tag, v string) {
		if v != "" {
			b.WriteString("<" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(v) + "</rdf:li></rdf:Alt></" + tag + ">\n")
		}
	}
	alt("dc:title", in.Title)
	alt("dc:description", in.Subject)
	if in.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(in.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if in.Lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(in.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if in.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(in.Keywords) + "</pdf:Keywords>\n")
	}
	if in.Producer != "" {
		b.WriteString("<pdf:Producer>" + esc(in.Producer) + "</pdf:Producer>\n")
	}
	if in.Creator != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(in.Creator) + "</xmp:CreatorTool>\n")
	}
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	if tagged {
		b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}
