package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name, text string
		want       fileKind
	}{
		{"x.toml", "code = \"A\"\noccupation = \"專員\"\n[[duty]]\ntitle = \"職責\"\n", kindStandard},
		{"x.toml", "", kindStandard},
		{"x.toml", "company = \"公司\"\nstandard = \"THM2431-001v1\"\n[salary]\nmin = 1\n", kindOverlay},
		{"x.toml", "standard = \"a.toml\"\n", kindOverlay},
		{"x.toml", "parts = [\"cover\"]\n[scale]\npoints = 5\n", kindAssessment},
		{"x.toml", "lang = \"en\"\n[fonts]\nfont = \"a.ttf\"\n", kindSettings},
		{".ocs.toml", "lang = \"en\"\n", kindSettings},
		// A schema comment wins over the keys.
		{"x.toml", "#:schema ./ocs-overlay.schema.json\nlang = \"en\"\n", kindOverlay},
		{"x.toml", "# note\n#:schema ../ASSESSMENT.schema.json\n", kindAssessment},
		{"x.toml", "\uFEFF#:schema ocs-settings.json\n", kindSettings},
		{"x.toml", "#:schema ./ocs.schema.json\ncompany = \"公司\"\n", kindStandard},
		// Only a comment at the top counts.
		{"x.toml", "company = \"公司\"\n#:schema ./ocs-settings.schema.json\n", kindOverlay},
	}
	for _, tt := range tests {
		if got := detectKind(tt.name, []byte(tt.text)); got != tt.want {
			t.Errorf("detectKind(%q, %q) = %s, want %s", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestCheckExamples checks the example folder, which holds overlays and
// assessment settings: each is checked with its own rules and all pass.
func TestCheckExamples(t *testing.T) {
	out, code := execOCS(t, "check", "-q", filepath.Join("..", "..", "examples"))
	if code != 0 || !strings.Contains(out, "3 files checked: 0 errors,") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// TestCheckOverlayRules checks that an overlay's own mistakes are found,
// at their line, with the overlay rules: a typo, an unknown task and a
// salary range upside down.
func TestCheckOverlayRules(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	typo := write("typo.toml", "standard = \"THM2431-001v1\"\ncompany = \"公司\"\ncompnay = \"x\"\n")
	bad := write("bad.toml", "standard = \"BAS1219-002v4\"\ncompany = \"公司\"\ninclude = [\"T9.9\"]\n\n[salary]\nmin = 50000\nmax = 40000\n")
	alone := write("alone.toml", "standard = \"XYZ0000-001\"\ncompany = \"公司\"\n")
	out, code := execOCS(t, "check", typo, bad, alone)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		typo + ":3:1: error",
		`"compnay"`,
		bad + ":3: error J",
		"T9.9",
		bad + ":6: error J04",
		alone + ":1: warning J01: the overlay was checked alone",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "R0") || strings.Contains(out, "R1") {
		t.Errorf("overlays were checked with the rules of a standard:\n%s", out)
	}
}

func TestSchemaKinds(t *testing.T) {
	for kind, keys := range map[string][]string{
		"standard":   {"duty", "occupation"},
		"overlay":    {"company", "salary", "requirements"},
		"assessment": {"parts", "scale"},
		"settings":   {"fonts", "docx", "labels"},
	} {
		out, code := execOCS(t, "schema", kind)
		if code != 0 {
			t.Fatalf("schema %s: exit %d: %s", kind, code, out)
		}
		var s struct {
			Schema     string         `json:"$schema"`
			Properties map[string]any `json:"properties"`
			Extra      any            `json:"additionalProperties"`
		}
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatalf("schema %s is not JSON: %v", kind, err)
		}
		for _, k := range keys {
			if s.Properties[k] == nil {
				t.Errorf("schema %s lacks the key %s", kind, k)
			}
		}
		if s.Extra != false || !strings.Contains(s.Schema, "draft-07") {
			t.Errorf("schema %s: additionalProperties %v, $schema %q", kind, s.Extra, s.Schema)
		}
	}
	if out, code := execOCS(t, "schema", "roster"); code == 0 || !strings.Contains(out, "overlay") {
		t.Errorf("schema roster: exit %d, %s", code, out)
	}
}

// TestBuildSkipsOverlays builds a folder holding a standard, an overlay
// and assessment settings: the standard is built, the others skipped with
// a note.
func TestBuildSkipsOverlays(t *testing.T) {
	if testing.Short() {
		t.Skip("builds documents")
	}
	dir := t.TempDir()
	for _, name := range []string{"../../examples/company-overlay.toml", "../../examples/assessment.toml", "../../standards/BAS1219-002v4.toml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, code := execOCS(t, "build", dir, "-o", filepath.Join(dir, "out"), "--only", "standard")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, want := range []string{"company-overlay.toml: skipped: a company overlay", "assessment.toml: skipped: assessment settings", "from 1 standard"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
