package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/standards"
)

func TestControlProblems(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "line:col U+XXXX"
	}{
		{"clean", "a = \"職能\\t基準\\n\"\nb = '''\n多行\n'''\n", nil},
		{"escape ESC", "a = \"x\\u001b[31m\"\n", []string{"1:7 U+001B"}},
		{"long escape", "a = \"x\\U0000202E\"\n", []string{"1:7 U+202E"}},
		{"NUL", "a = \"\\u0000\"\n", []string{"1:6 U+0000"}},
		{"backspace and form feed", "a = \"\\b\\f\"\n", []string{"1:6 U+0008", "1:8 U+000C"}},
		{"DEL and C1", "a = \"\\u007F\\u0085\"\n", []string{"1:6 U+007F", "1:12 U+0085"}},
		{"raw bidi override", "a = \"職\u202e能\"\n", []string{"1:7 U+202E"}},
		{"raw isolate", "a = \"\u2066\"\n", []string{"1:6 U+2066"}},
		{"raw BEL", "a = \"\a\"\n", []string{"1:6 U+0007"}},
		{"second line", "a = 1\n\nb = \"\"\"\nx\\u0007\"\"\"\n", []string{"4:2 U+0007"}},
		{"escaped backslash", "a = \"\\\\u0000\"\n", nil},
		{"literal string", "a = 'x\\u0000'\n", nil},
		{"comment escape", "# \\u001b\n", nil},
		{"raw bidi in comment", "# \u202e\n", []string{"1:3 U+202E"}},
		{"quote after multi-line", "a = \"\"\"x\"\"\"\"\nb = \"\\u0007\"\n", []string{"2:6 U+0007"}},
		{"quoted key", "\"k\\u0007\" = 1\n", []string{"1:3 U+0007"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range controlProblems("f.toml", []byte(tt.text)) {
				if p.Rule != "CTRL" || p.File != "f.toml" {
					t.Errorf("problem %v", p)
				}
				var r rune
				fmt.Sscanf(p.Message[strings.Index(p.Message, "U+"):], "U+%X", &r)
				got = append(got, fmt.Sprintf("%d:%d U+%04X", p.Line, p.Col, r))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCheckControlCharacters checks a standard and an overlay holding
// control characters: ocs check reports each at its line.
func TestCheckControlCharacters(t *testing.T) {
	dir := t.TempDir()
	std, _, err := standards.Open("BAS1219-002v4")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(std), `occupation = "企劃人員"`, `occupation = "企劃\u001b]0;pwned\u0007人員"`, 1)
	if text == string(std) {
		t.Fatal("the bundled standard changed: fix the test")
	}
	sf := filepath.Join(dir, "std.toml")
	of := filepath.Join(dir, "overlay.toml")
	if err := os.WriteFile(sf, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(of, []byte("standard = \"BAS1219-002v4\"\ncompany = \"公司\u202e\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := execOCS(t, "check", sf, of)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	line := strings.Count(text[:strings.Index(text, "企劃\\u001b")], "\n") + 1
	for _, want := range []string{
		fmt.Sprintf("%s:%d:", sf, line) + "17: error CTRL: the text holds the control character U+001B",
		"U+0007",
		of + ":2:14: error CTRL: the text holds the control character U+202E",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\a\u202e") {
		t.Errorf("the report writes control characters to the terminal: %q", out)
	}
}
