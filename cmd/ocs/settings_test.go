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
		{"[fonts]\nfallback = [\"x.ttf\"]\n", `team.toml:2: unknown key "fonts.fallback" (did you mean "fallbacks"?)`},
		{"lang = \"en\"\nlnag = \"zh-TW\"\n", `unknown key "lnag" (did you mean "lang"?)`},
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
