package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/internal/testtool"
)

// writeFileT writes a test input and returns its path.
func writeFileT(t testing.TB, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Every flag that a settings file or --config can also set wins only when
// it is given, whatever its value: each case gives the flag its default
// value against a file that says otherwise.
func TestFlagPrecedence(t *testing.T) {
	dir := t.TempDir()
	settingsEN := writeFileT(t, dir, "en.toml", "lang = \"en\"\n")
	configEN := writeFileT(t, dir, "assess-en.toml", "lang = \"en\"\n")
	configLandscape := writeFileT(t, dir, "assess-landscape.toml", "landscape = true\n")
	configFive := writeFileT(t, dir, "assess-five.toml", "[scale]\npoints = 5\n")
	configScope := writeFileT(t, dir, "assess-scope.toml", "scope = [\"T1\"]\nparts = [\"checklist\"]\n")
	settingsDOCX := writeFileT(t, dir, "docx.toml", "[docx]\neast_asia_font = \"細明體\"\nascii_font = \"Arial\"\n")

	const portrait, landscape = "Page size:       595.28 x 841.89 pts (A4)", "Page size:       841.89 x 595.28 pts (A4)"
	tests := []struct {
		name        string
		args        []string
		want, avoid []string
	}{
		{"settings en", []string{"render", "standard", "THM2431-001v1", "-f", "txt", "--settings", settingsEN},
			[]string{"Main duty"}, []string{"工作職責"}},
		{"--lang zh-TW over settings en", []string{"render", "standard", "THM2431-001v1", "-f", "txt", "--settings", settingsEN, "--lang", "zh-TW"},
			[]string{"工作職責"}, []string{"Main duty"}},
		{"--config en", []string{"render", "assessment", "THM2431-001v1", "-f", "txt", "--config", configEN},
			[]string{"Observation checklist"}, []string{"實作觀察檢核表"}},
		{"--lang zh-TW over --config en", []string{"render", "assessment", "THM2431-001v1", "-f", "txt", "--config", configEN, "--lang", "zh-TW"},
			[]string{"實作觀察檢核表"}, []string{"Observation checklist"}},
		{"--config landscape", []string{"render", "assessment", "THM2431-001v1", "-f", "pdf", "--config", configLandscape},
			[]string{landscape}, []string{portrait}},
		{"--landscape=false over --config", []string{"render", "assessment", "THM2431-001v1", "-f", "pdf", "--config", configLandscape, "--landscape=false"},
			[]string{portrait}, []string{landscape}},
		{"--config five points", []string{"render", "assessment", "THM2431-001v1", "-f", "txt", "--config", configFive},
			[]string{"分以上為達成"}, nil},
		{"--points 0 over --config", []string{"render", "assessment", "THM2431-001v1", "-f", "txt", "--config", configFive, "--points", "0"},
			[]string{"未達成"}, []string{"分以上為達成"}},
		{"--config scope and parts", []string{"render", "assessment", "THM2431-001v1", "-f", "txt", "--config", configScope},
			[]string{"T1.1"}, []string{"T2.1", "知識問答紀錄表"}},
		{"--scope and --parts over --config", []string{"render", "assessment", "THM2431-001v1", "-f", "txt", "--config", configScope, "--scope", "T2", "--parts", "checklist"},
			[]string{"T2.1"}, []string{"T1.1"}},
		{"settings DOCX fonts", []string{"render", "standard", "THM2431-001v1", "-f", "docx", "--settings", settingsDOCX},
			[]string{"細明體", "Arial"}, nil},
		{"--docx fonts over settings", []string{"render", "standard", "THM2431-001v1", "-f", "docx", "--settings", settingsDOCX,
			"--docx-east-asia-font", "標楷體", "--docx-ascii-font", "Times New Roman"},
			[]string{"標楷體", "Times New Roman"}, []string{"細明體", "Arial"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := ocs(t, append(tt.args, "-o", "-")...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			if strings.HasPrefix(out, "PK") {
				out = docxText(t, out)
			}
			if strings.HasPrefix(out, "%PDF") {
				out = pdfInfo(t, out)
			}
			containsAll(t, out, tt.want, tt.avoid)
		})
	}
}

// The build takes --lang over the settings file too.
func TestBuildFlagPrecedence(t *testing.T) {
	dir := t.TempDir()
	settingsEN := writeFileT(t, dir, "en.toml", "lang = \"en\"\n")
	out := filepath.Join(dir, "out")
	code, _, stderr := ocs(t, "build", "--only", "standard,html,docx", "-o", out, "--settings", settingsEN, "--lang", "zh-TW")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "THM2431-001v1", "THM2431-001v1-standard.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if text := docxText(t, string(data)); !strings.Contains(text, "工作職責") || strings.Contains(text, "Main duty") {
		t.Error("build --lang zh-TW with settings saying en did not print Chinese labels")
	}
}

// docxText returns the XML of a DOCX's body and styles, where its text and
// font names are.
func docxText(t testing.TB, data string) string {
	t.Helper()
	return zipEntry(t, data, "word/document.xml") + zipEntry(t, data, "word/styles.xml")
}

// zipEntry returns the entry name of the zip file data.
func zipEntry(t testing.TB, data, name string) string {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		x, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(x)
	}
	t.Fatalf("no %s in the zip file", name)
	return ""
}

// containsAll checks that out has every string of want and none of avoid.
func containsAll(t testing.TB, out string, want, avoid []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	for _, a := range avoid {
		if strings.Contains(out, a) {
			t.Errorf("output has %q", a)
		}
	}
}

// Labels: the settings file, then --config, then --labels, each over the
// one before.
func TestLabelPrecedence(t *testing.T) {
	dir := t.TempDir()
	settings := writeFileT(t, dir, "settings.toml", "[labels]\npart_checklist = \"團隊用語\"\n")
	config := writeFileT(t, dir, "config.toml", "[labels]\npart_checklist = \"本次評量用語\"\n")
	labels := writeFileT(t, dir, "labels.toml", "part_checklist = \"命令列用語\"\n")
	base := []string{"render", "assessment", "THM2431-001v1", "-f", "txt", "-o", "-", "--parts", "checklist", "--settings", settings}
	for _, tt := range []struct {
		extra []string
		want  string
	}{
		{nil, "團隊用語"},
		{[]string{"--config", config}, "本次評量用語"},
		{[]string{"--config", config, "--labels", labels}, "命令列用語"},
	} {
		code, out, stderr := ocs(t, append(base, tt.extra...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s", tt.extra, code, stderr)
		}
		avoid := []string{"實作觀察檢核表"}
		for _, w := range []string{"團隊用語", "本次評量用語", "命令列用語"} {
			if w != tt.want {
				avoid = append(avoid, w)
			}
		}
		containsAll(t, out, []string{tt.want}, avoid)
	}
}

// Font flags given, even with their default value, beat the settings
// file's fonts: each settings file names a font that does not exist, so
// the render fails exactly when the settings win.
func TestFontFlagPrecedence(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.ttf")
	kai := systemFont(t, "TW-Kai-98_1.ttf", "fonts-cns11643-kai")
	for _, tt := range []struct {
		table, key string
		flag       []string
	}{
		{"fonts", "font", []string{"--font", ""}},
		{"fonts", "bold", []string{"--font-bold", ""}},
		{"fonts", "latin", []string{"--latin-font", ""}},
		{"fonts", "fallbacks", []string{"--fallback-font", kai}},
	} {
		value := `"` + missing + `"`
		if tt.key == "fallbacks" {
			value = "[" + value + "]"
		}
		settings := writeFileT(t, dir, tt.key+".toml", "["+tt.table+"]\n"+tt.key+" = "+value+"\n")
		for _, cmd := range [][]string{
			{"render", "standard", "THM2431-001v1", "-o", filepath.Join(dir, tt.key+".pdf")},
			{"build", "-o", filepath.Join(dir, "out-"+tt.key), "--only", "standard,pdf"},
		} {
			args := append(cmd, "--settings", settings)
			if code, _, stderr := ocs(t, args...); code == 0 || !strings.Contains(stderr, "missing.ttf") {
				t.Errorf("%s with settings %s = missing.ttf: exit %d, %q; want the missing font named", cmd[0], tt.key, code, stderr)
			}
			if code, _, stderr := ocs(t, append(args, tt.flag...)...); code != 0 {
				t.Errorf("%s %v did not win over the settings' %s: exit %d\n%s", cmd[0], tt.flag, tt.key, code, stderr)
			}
		}
	}
}

// --no-system-fonts=false and --system-fonts=false beat the settings
// file's system = …: 𡘙 (U+21619, CJK Extension B) is not in the embedded
// font, only in the system's TW-Kai Ext-B face.
func TestSystemFontFlagPrecedence(t *testing.T) {
	systemFont(t, "TW-Kai-98_1.ttf", "fonts-cns11643-kai")
	dir := t.TempDir()
	in := writeFileT(t, dir, "kun.toml", "occupation = \"測試人員\"\ndescription = \"陳𡘙測試。\"\nlevel = 3\n[[duty]]\ntitle = \"職責\"\n"+
		"  [[duty.task]]\n  title = \"任務\"\n  level = 3\n  indicators = [\"指標。\"]\n[remarks]\nprerequisites = [\"無。\"]\n")
	off := writeFileT(t, dir, "off.toml", "[fonts]\nsystem = false\n")
	on := writeFileT(t, dir, "on.toml", "[fonts]\nsystem = true\n")
	for _, tt := range []struct {
		args []string
		ok   bool
	}{
		{[]string{"render", "standard", in, "-o", filepath.Join(dir, "a.pdf"), "--settings", off}, false},
		{[]string{"render", "standard", in, "-o", filepath.Join(dir, "b.pdf"), "--settings", off, "--no-system-fonts=false"}, true},
		{[]string{"build", in, "-o", filepath.Join(dir, "c"), "--only", "standard,pdf", "--settings", on}, true},
		{[]string{"build", in, "-o", filepath.Join(dir, "d"), "--only", "standard,pdf", "--settings", on, "--system-fonts=false"}, false},
	} {
		code, _, stderr := ocs(t, tt.args...)
		if (code == 0) != tt.ok || !tt.ok && !strings.Contains(stderr, "U+21619") {
			t.Errorf("%v: exit %d, want success %v\n%s", tt.args[len(tt.args)-3:], code, tt.ok, stderr)
		}
	}
}

// systemFont returns the path of the font file named file in the
// system's font folders, or skips (fails when tools are required) naming
// the Debian package pkg that installs it.
func systemFont(t testing.TB, file, pkg string) string {
	t.Helper()
	for _, p := range fonts.FindSystemFonts(fonts.SystemFontDirs()) {
		if strings.EqualFold(filepath.Base(p), file) {
			return p
		}
	}
	testtool.Missing(t, "the system font "+file, "apt-get install "+pkg)
	return ""
}

// pdfInfo returns what pdfinfo says of a PDF (title, dates, page size…),
// with dates in ISO form: the objects are compressed, so the bytes cannot
// be searched.
func pdfInfo(t testing.TB, data string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(testtool.Path(t, "pdfinfo", "poppler-utils"), "-isodates", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	return string(out)
}
