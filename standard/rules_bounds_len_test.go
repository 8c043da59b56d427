package standard

import (
	"strings"
	"testing"
)

// A text of megabytes is an error at its field, so rendering never lays it
// out; a long but plausible text is fine.
func TestMaxText(t *testing.T) {
	for _, c := range []struct {
		n    int
		want bool
	}{{MaxText, false}, {MaxText + 1, true}, {3 << 20, true}} {
		src := "occupation = \"測試人員\"\nlevel = 3\ndescription = \"" + strings.Repeat("長", c.n) + "\"\n" +
			"[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  title = \"任務\"\n  level = 3\n  indicators = [\"指標。\"]\n[remarks]\nprerequisites = [\"無。\"]\n"
		s, err := Parse("long.toml", []byte(src))
		if err != nil {
			t.Fatalf("%d characters: %v", c.n, err)
		}
		found := false
		for _, p := range Validate(s).Errors() {
			if p.Path == "description" && strings.Contains(p.Message, "characters; a field holds at most") {
				found = true
				if p.Line != 3 {
					t.Errorf("reported at line %d, want 3", p.Line)
				}
			}
		}
		if found != c.want {
			t.Errorf("%d characters: error reported %v, want %v", c.n, found, c.want)
		}
	}
}

func TestCodeAsFileName(t *testing.T) {
	for code, want := range map[string]string{
		"THM2431-001v1": "", "": "", "manifest.json": "",
		"CON": "device name", "con.toml": "device name", "LPT1": "device name",
		"a/b": "one of", `a\\b`: "one of", "x?": "one of", "THM.": "dot or a space",
		strings.Repeat("A", 201): "bytes long", "a\x1bb": "control character",
	} {
		got := notFileName(code)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("notFileName(%.20q) = %q, want it to say %q", code, got, want)
		}
	}
}
