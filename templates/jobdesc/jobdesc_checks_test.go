package jobdesc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/standard"
)

// TestPostingDataChecks loads hostile overlays from TOML and checks that
// each value JSON-LD readers cannot hold, each impossible year, each text
// of blanks and each address that could break out of an HTML attribute is
// an error at its line.
func TestPostingDataChecks(t *testing.T) {
	const head = "standard = \"THM2431-001v1\"\ncompany = \"公司\"\njob_id = \"A1\"\ndirect_apply = true\nvalid_through = 2025-12-31\nemployment_type = [\"FULL_TIME\"]\n"
	tests := []struct {
		name, body string
		line       int
		rule, word string
	}{
		{"huge salary", "[salary]\nmin = 1\nmax = 9223372036854775807\n", 9, "J15", "salary.max"},
		{"huge headcount", "headcount = 9200000000000000000\n", 7, "J15", "headcount"},
		{"year 0000", "date_posted = 0000-01-01\n", 7, "J15", "year 0000"},
		{"year 9999", "date_posted = \"9999-12-31\"\n", 7, "J15", "year 9999"},
		{"e-mail breaking out", "[contact]\nemail = \"a@b.c\\\"><script>\"\n", 8, "J12", "e-mail"},
		{"ideographic title", "title = \"\u3000\u3000\"\n", 7, "J15", "title"},
		{"zero-width title", "title = \"\u200b\u200b\"\n", 7, "J15", "title"},
		{"zero-width company", "unit = \"\u200b\"\n", 7, "J15", "unit"},
		{"bad logo", "logo = \"javascript:alert(1)\"\n", 7, "J15", "logo"},
		{"experience for ever", "[requirements]\nexperience_months = 99999999\n", 8, "J15", "experience_months"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".toml")
			if err := os.WriteFile(path, []byte(head+tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			o, err := LoadOverlay(path)
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			ps := o.Validate(jdStandard())
			for _, p := range ps {
				if p.Rule == tt.rule && p.Severity == standard.Error && p.Line == tt.line && strings.Contains(p.Path+" "+p.Message, tt.word) {
					return
				}
			}
			t.Errorf("no %s error at line %d naming %q:\n%v", tt.rule, tt.line, tt.word, ps)
		})
	}
}

func TestBlank(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, " ": true, "\u3000": true, "\u200b\u200c\u200d\ufeff": true, "\u2060": true,
		"職": false, "\u3000職": false, "a\u200b": false,
	} {
		if got := blank(s); got != want {
			t.Errorf("blank(%q) = %v, want %v", s, got, want)
		}
	}
}
