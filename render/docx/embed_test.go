package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/sfnt"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/internal/testtool"
	"github.com/ocs-project/ocs/render"
)

func TestObfuscate(t *testing.T) {
	// Key bytes 00 01 … 0F as written in the GUID; the first 32 bytes
	// are XORed with them in reverse order: 0F 0E … 00, twice.
	key := "{00010203-0405-0607-0809-0A0B0C0D0E0F}"
	data := make([]byte, 40)
	got := obfuscate(data, key)
	for i := 0; i < 32; i++ {
		if want := byte(15 - i%16); got[i] != want {
			t.Fatalf("byte %d = %02X, want %02X", i, got[i], want)
		}
	}
	for i := 32; i < 40; i++ {
		if got[i] != 0 {
			t.Errorf("byte %d past the first 32 changed", i)
		}
	}
	if !bytes.Equal(obfuscate(got, key), data) {
		t.Error("obfuscating twice does not give the font back")
	}
	if k := fontKey([]byte("x")); !regexp.MustCompile(`^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$`).MatchString(k) {
		t.Errorf("fontKey = %q, not a GUID", k)
	}
}

// embedDoc is a small document with Chinese, Latin and bold text.
func embedDoc() *render.Document {
	return &render.Document{
		Meta:   render.Meta{Title: "行銷業務專員職能基準", Lang: "zh-TW"},
		Footer: render.Footer{Center: "第 {page} 頁／共 {pages} 頁"},
		Blocks: []render.Block{
			&render.Heading{Level: 1, Runs: []render.Run{{Text: "行銷業務專員職能基準"}}},
			&render.Paragraph{Runs: []render.Run{{Text: "職能基準代碼 THM2431-001v1", Bold: true}}},
		},
	}
}

func defaultFonts(t *testing.T) []Font {
	t.Helper()
	kai, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	lat, err := fonts.DefaultLatin()
	if err != nil {
		t.Fatal(err)
	}
	latB, err := fonts.DefaultLatinBold()
	if err != nil {
		t.Fatal(err)
	}
	return []Font{
		{Name: DefaultEastAsiaFont, Regular: kai, MakeEditable: true},
		{Name: DefaultASCIIFont, Regular: lat, Bold: latB, LatinOnly: true, MakeEditable: true},
	}
}

func TestEmbedFonts(t *testing.T) {
	out, err := Render(embedDoc(), Options{Embed: defaultFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Render(embedDoc(), Options{Embed: defaultFonts(t)})
	if !bytes.Equal(out, again) {
		t.Error("the same document gave different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		for _, f := range zr.File {
			if f.Name == name {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				return b
			}
		}
		t.Fatalf("no part %s", name)
		return nil
	}
	table := string(read("word/fontTable.xml"))
	keys := regexp.MustCompile(`<w:(embedRegular|embedBold) r:id="(rId\d)" w:fontKey="(\{[0-9A-F-]+\})"/>`).FindAllStringSubmatch(table, -1)
	if len(keys) != 3 {
		t.Fatalf("font table has %d embed elements, want 3 (TW-Kai regular, OCS Serif regular and bold):\n%s", len(keys), table)
	}
	if !strings.Contains(table, `<w:font w:name="標楷體"><w:altName w:val="TW-Kai"/>`) {
		t.Errorf("標楷體 is no longer named first with its alternative name:\n%s", table)
	}
	rels := string(read("word/_rels/fontTable.xml.rels"))
	types := string(read("[Content_Types].xml"))
	if !strings.Contains(types, `<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>`) {
		t.Errorf("no content type for .odttf: %s", types)
	}
	if s := string(read("word/settings.xml")); !strings.Contains(s, "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>") {
		t.Errorf("settings do not say fonts are embedded: %s", s)
	}
	wantChars := map[string]string{"embedRegular#0": "職能基準代碼行銷業務專員頁第共", "embedRegular#1": "THMv0123456789", "embedBold#1": "THM"}
	for i, k := range keys {
		target := regexp.MustCompile(`Id="` + k[2] + `"[^>]*Target="([^"]+)"`).FindStringSubmatch(rels)
		if target == nil {
			t.Fatalf("%s is not in fontTable.xml.rels: %s", k[2], rels)
		}
		data := obfuscate(read("word/"+target[1]), k[3]) // undo, as a reader does
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s does not deobfuscate to a font with key %s: %v", target[1], k[3], err)
		}
		if v, _ := fonts.FSType(data); v != fonts.FSInstallable {
			t.Errorf("%s: fsType %d; readers would refuse to use it in an editable document", target[1], v)
		}
		which := k[1] + "#" + map[bool]string{true: "1", false: "0"}[i > 0]
		for _, r := range wantChars[which] {
			if g, err := f.GlyphIndex(nil, r); err != nil || g == 0 {
				t.Errorf("%s (%s) lacks %c", target[1], which, r)
			}
		}
		if i > 0 { // the Latin subset holds Latin characters only
			if g, _ := f.GlyphIndex(nil, '職'); g != 0 {
				t.Errorf("%s, a Latin subset, carries 職", target[1])
			}
		}
	}
}

func TestEmbedRefusesRestrictedUserFont(t *testing.T) {
	kai, _ := fonts.Default() // fsType 4: preview & print only
	user := *kai
	user.Source = "kaiu.ttf"
	_, err := Render(embedDoc(), Options{Embed: []Font{{Name: DefaultEastAsiaFont, Regular: &user}}})
	if err == nil || !strings.Contains(err.Error(), "fsType 0x0004") {
		t.Errorf("a font that forbids editable embedding was carried: %v", err)
	}
}

// LibreOffice on a machine without the fonts draws the text with the
// carried ones: with a font configuration that has no CJK font at all,
// its PDF still uses TW-Kai and OCS Serif.
func TestLibreOfficeUsesEmbeddedFonts(t *testing.T) {
	soffice := testtool.Path(t, "soffice", "libreoffice-writer-nogui")
	pdffonts := testtool.Path(t, "pdffonts", "poppler-utils")
	// LibreOffice needs at least one font to start: DejaVu, which has no
	// Chinese characters.
	const dejavu = "/usr/share/fonts/truetype/dejavu"
	if _, err := os.Stat(dejavu); err != nil {
		testtool.Missing(t, "DejaVu fonts", "apt-get install fonts-dejavu-core")
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>`+dejavu+
		`</dir><cachedir>`+filepath.Join(dir, "cache")+`</cachedir></fontconfig>`), 0o644)
	for _, c := range []struct {
		name  string
		embed bool
	}{{"carried", true}, {"named", false}} {
		opt := Options{}
		if c.embed {
			opt.Embed = defaultFonts(t)
		}
		data, err := Render(embedDoc(), opt)
		if err != nil {
			t.Fatal(err)
		}
		docx := filepath.Join(dir, c.name+".docx")
		os.WriteFile(docx, data, 0o644)
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
			"--headless", "--convert-to", "pdf", "--outdir", dir, docx)
		cmd.Env = append(os.Environ(), "HOME="+dir, "FONTCONFIG_FILE="+conf)
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		list, err := exec.Command(pdffonts, strings.TrimSuffix(docx, ".docx")+".pdf").Output()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		hasKai := strings.Contains(string(list), "TW-Kai")
		hasLatin := strings.Contains(string(list), "OCSSerif-Regular") && strings.Contains(string(list), "OCSSerif-Bold")
		if c.embed && (!hasKai || !hasLatin) {
			t.Errorf("LibreOffice did not use the carried fonts:\n%s", list)
		}
		if !c.embed && hasKai {
			t.Errorf("the control document without carried fonts found TW-Kai anyway; the test proves nothing:\n%s", list)
		}
	}
}
