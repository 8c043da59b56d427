package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSettingsApply(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "team.toml")
	os.WriteFile(file, []byte("lang = \"en\"\n[labels]\nattitudes = \"態度（本公司用語）\"\n"), 0o644)

	tests := []struct {
		name  string
		args  []string
		want  []string
		avoid []string
	}{
		{"settings give language and label", []string{"--settings", file},
			[]string{"態度（本公司用語）", "Main duty"}, []string{"職能內涵（A=attitude 態度）"}},
		{"a flag wins over the settings", []string{"--settings", file, "--lang", "zh-TW"},
			[]string{"態度（本公司用語）", "工作職責"}, nil},
		{"no settings", nil,
			[]string{"職能內涵（A=attitude 態度）", "工作職責"}, []string{"本公司用語"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"render", "standard", "THM2431-001v1", "-f", "txt", "-o", "-"}, tt.args...)
			code, out, stderr := ocs(t, args...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			containsAll(t, out, tt.want, tt.avoid)
		})
	}
}

func TestSettingsErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		text, want string
	}{
		{"[fonts]\nfallback = [\"x.ttf\"]\n", `team.toml:2:1: error TOML: unknown key "fallback" (fonts.fallback) — did you mean "fallbacks"?`},
		{"lang = \"en\"\nlnag = \"zh-TW\"\n", `team.toml:2:1: error TOML: unknown key "lnag" (lnag) — did you mean "lang"?`},
		// Type errors name the file, the line and the expected type in words.
		{"lang = 5\n", `team.toml:1:1: error TOML: lang must be a string, not an integer (5) (lang)`},
		{"[fonts]\nsystem = \"yes\"\n", `team.toml:2:1: error TOML: system must be true or false, not a string ("yes") (fonts.system)`},
		{"labels = 5\n", `team.toml:1:1: error TOML: labels must be a table of label = "text" entries, not an integer (5) (labels)`},
		{"[labels]\nattitudes = 5\n", `team.toml:2:1: error TOML: label attitudes must be a string, not an integer (5) (labels.attitudes)`},
		{"[docx]\nascii_font = 99999999999\n", `ascii_font must be a string, not an integer (99999999999)`},
		// A label no kind knows is an error at its line.
		{"[labels]\npart_chcklist = \"x\"\n", `team.toml:2:1: error TOML: unknown label "part_chcklist" (labels.part_chcklist) — did you mean "part_checklist"?`},
		{"[labels.standard]\npart_checklist = \"x\"\n", `team.toml:2:1: error TOML: unknown label "part_checklist" (labels.standard.part_checklist)`},
		{"[labels.memo]\nx = \"x\"\n", `team.toml:1:1: error TOML: memo is a table, but only the document kinds standard, assessment, jobdesc, redline take a table of labels (labels.memo)`},
		{"[fonts\n", "team.toml:2:"},
		{"[fonts]\nfont = \"" + filepath.Join(dir, "missing.ttf") + "\"\n", "missing.ttf"},
	}
	for _, tt := range tests {
		file := filepath.Join(dir, "team.toml")
		os.WriteFile(file, []byte(tt.text), 0o644)
		code, _, stderr := ocs(t, "render", "standard", "THM2431-001v1", "-o", "-", "--settings", file)
		if code == 0 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %q", tt.text, code, stderr, tt.want)
		}
	}
	if code, _, stderr := ocs(t, "check", "--settings", filepath.Join(dir, "none.toml")); code != 0 {
		t.Logf("check ignores settings: exit %d %s", code, stderr)
	}
	code, _, stderr := ocs(t, "render", "standard", "THM2431-001v1", "-o", "-", "--settings", filepath.Join(dir, "none.toml"))
	if code == 0 || !strings.Contains(stderr, "none.toml") {
		t.Errorf("a named settings file that does not exist: exit %d, %q", code, stderr)
	}
}

// A settings file's labels are per kind: a label of the assessment pack in
// [labels] does not stop the standard table, and [labels.standard] applies
// to the standard only.
func TestSettingsLabelsPerKind(t *testing.T) {
	file := filepath.Join(t.TempDir(), "team.toml")
	os.WriteFile(file, []byte("[labels]\npart_checklist = \"實作評量表（本公司）\"\n[labels.standard]\ncol_task = \"任務（表）\"\n[labels.assessment]\ncol_task = \"任務（評量）\"\n"), 0o644)
	code, out, stderr := ocs(t, "render", "standard", "THM2431-001v1", "-f", "txt", "-o", "-", "--settings", file)
	if code != 0 || !strings.Contains(out, "任務（表）") || strings.Contains(out, "任務（評量）") {
		t.Errorf("standard: exit %d, stderr %q, has 任務（表）: %v", code, stderr, strings.Contains(out, "任務（表）"))
	}
	code, out, stderr = ocs(t, "render", "assessment", "THM2431-001v1", "-f", "txt", "-o", "-", "--settings", file)
	if code != 0 || !strings.Contains(out, "實作評量表（本公司）") || strings.Contains(out, "任務（表）") {
		t.Errorf("assessment: exit %d, stderr %q", code, stderr)
	}
}
