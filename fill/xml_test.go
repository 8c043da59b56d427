package fill

import "testing"

func TestXMLRoundTrip(t *testing.T) {
	for _, s := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document xmlns:w="urn:w" xmlns:mc="urn:mc" mc:Ignorable="w14"><w:body><w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve"> a &amp; b &lt;c&gt; </w:t></w:r><w:r><w:br/></w:r></w:p><!-- note > --><w:sectPr/></w:body></w:document>`,
		`<a x='1>2' y="q'"/><b><![CDATA[<not markup>]]></b>`,
	} {
		n, err := parseXML(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if got := n.String(); got != s {
			t.Errorf("round trip changed the part:\n got %s\nwant %s", got, s)
		}
	}
}

func TestXMLErrors(t *testing.T) {
	for _, s := range []string{`<a><b></a>`, `<a>`, `</a>`, `<a x="1`, `<!-- x`, `<>`} {
		if _, err := parseXML(s); err == nil {
			t.Errorf("%q parsed without error", s)
		}
	}
	deep := ""
	for i := 0; i < 600; i++ {
		deep += "<a>"
	}
	if _, err := parseXML(deep); err == nil {
		t.Error("600 levels of nesting accepted")
	}
}

func TestEscape(t *testing.T) {
	if got := unescape("a &amp; &#x4E2D;&#25991; &lt;"); got != "a & 中文 <" {
		t.Errorf("unescape = %q", got)
	}
	if got := escape("a & <b>\x01\"c\""); got != "a &amp; &lt;b&gt;&quot;c&quot;" {
		t.Errorf("escape = %q", got)
	}
}
