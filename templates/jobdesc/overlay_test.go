package jobdesc

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/standard"
)

func TestLoadOverlayExample(t *testing.T) {
	o, err := LoadOverlay(filepath.Join("..", "..", "examples", "company-overlay.toml"))
	if err != nil {
		t.Fatalf("LoadOverlay: %v", err)
	}
	if o.Standard != "THM2431-001v1" || o.Company != "山嵐度假飯店股份有限公司" || o.Headcount != 2 {
		t.Errorf("header fields: %+v", o)
	}
	if o.DatePosted != "2025-03-03" {
		t.Errorf("date_posted written as a TOML date = %q, want 2025-03-03", o.DatePosted)
	}
	if o.ValidThrough != "2025-04-30" {
		t.Errorf("valid_through = %q", o.ValidThrough)
	}
	if o.Salary != (Salary{Min: 36000, Max: 45000, Unit: "MONTH"}) {
		t.Errorf("salary = %+v", o.Salary)
	}
	if !reflect.DeepEqual(o.Exclude, []string{"T2"}) || len(o.Benefits) != 4 {
		t.Errorf("exclude = %v, benefits = %v", o.Exclude, o.Benefits)
	}
	if o.Location.Region != "花蓮縣" || o.Contact.Email != "jobs@example.com" {
		t.Errorf("location/contact: %+v %+v", o.Location, o.Contact)
	}
	if got := o.Requirements.Tools; !reflect.DeepEqual(got, []string{"Microsoft Excel", "Google 試算表"}) {
		t.Errorf("requirements.tools = %v", got)
	}
	if o.Lines["salary.min"] == 0 || o.Lines["contact.email"] <= o.Lines["salary.min"] {
		t.Errorf("lines not recorded: salary.min=%d contact.email=%d", o.Lines["salary.min"], o.Lines["contact.email"])
	}
	if o.Source == "" {
		t.Error("Source not set")
	}
}

func TestParseOverlayErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		path      string
		want      []string // in the message or hint
	}{
		{"typo at top", "company = \"A\"\ncompnay = \"B\"\n", 2, 1, "compnay", []string{`unknown key "compnay"`, `did you mean "company"?`}},
		{"typo in table", "[salary]\nmin = 1\n  maxx = 2\n", 3, 3, "salary.maxx", []string{`"maxx"`, `did you mean "max"?`}},
		{"typo in inline table", "location = { region = \"臺北市\", adress = \"x\" }\n", 1, 30, "location.adress", []string{`did you mean "address"?`}},
		{"unknown table", "[pay]\nmin = 1\n", 1, 1, "pay", []string{`unknown key "pay"`}},
		{"prefix suggestion", "employment = [\"FULL_TIME\"]\n", 1, 1, "employment", []string{`did you mean "employment_type"?`}},
		{"wrong type", "company = \"A\"\nheadcount = \"2\"\n", 2, 1, "headcount", []string{"headcount must be a whole number, not a string (\"2\")", "remove the quotes"}},
		{"wrong type in table", "[salary]\nmin = \"36000\"\n", 2, 1, "salary.min", []string{"min must be a whole number"}},
		{"wrong type bool", "remote = \"yes\"\n", 1, 1, "remote", []string{"true or false"}},
		{"wrong type list", "benefits = \"勞保\"\n", 1, 1, "benefits", []string{"a list of strings"}},
		{"wrong type table", "salary = 36000\n", 1, 1, "salary", []string{"salary must be a table, not an integer (36000)", "[salary]"}},
		{"wrong type string", "[contact]\nemail = 1\n", 2, 1, "contact.email", []string{"email must be a string, not an integer (1)", `put the value in quotes: email = "…"`}},
		{"date as list", "date_posted = [1]\n", 1, 0, "date_posted", []string{"not a list"}},
		{"syntax", "company = \"A\n", 1, 13, "company", []string{"TOML syntax"}},
		{"date with time", "date_posted = 2025-03-01T10:00:00\n", 1, 15, "date_posted", []string{"no time of day"}},
		{"big5", "company = \"A\"\nunit = \"\xb7\x7e\"\n", 2, 0, "", []string{"not valid UTF-8", "Big5"}},
		{"date as number", "valid_through = 20250301\n", 1, 17, "valid_through", []string{"want a date such as 2025-03-01, not a number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := ParseOverlay([]byte(tt.src), "company.toml")
			if err == nil {
				t.Fatalf("no error; overlay %+v", o)
			}
			var ps standard.Problems
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("error %v is not one problem", err)
			}
			p := ps[0]
			if p.Line != tt.line || (tt.col > 0 && p.Col != tt.col) || p.Path != tt.path || p.File != "company.toml" {
				t.Errorf("placed at %d:%d %q in %q, want %d:%d %q", p.Line, p.Col, p.Path, p.File, tt.line, tt.col, tt.path)
			}
			text := p.String()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("%q lacks %q", text, w)
				}
			}
		})
	}
}

func TestLoadOverlayMissingFile(t *testing.T) {
	_, err := LoadOverlay(filepath.Join(t.TempDir(), "none.toml"))
	if err == nil || !strings.Contains(err.Error(), "read company overlay") {
		t.Errorf("error = %v", err)
	}
}

func TestParseOverlayReportsEveryUnknownKey(t *testing.T) {
	_, err := ParseOverlay([]byte("compnay = \"A\"\n[contact]\nmail = \"x@y.z\"\n[salery]\nmin = 1\n"), "o.toml")
	var ps standard.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v", err)
	}
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	if want := []string{"compnay", "contact.mail", "salery"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("paths = %v, want %v", paths, want)
	}
	if ps[2].Suggestion != "salary" {
		t.Errorf("salery hint = %q", ps[2].Hint)
	}
}

func TestStandardPath(t *testing.T) {
	tests := []struct {
		standard, source, want string
		ok                     bool
	}{
		{"THM2431-001v1", "dir/o.toml", "", false},
		{"", "dir/o.toml", "", false},
		{"../standards/x.toml", filepath.Join("dir", "o.toml"), filepath.Join("standards", "x.toml"), true},
		{"x.toml", "", "x.toml", true},
	}
	for _, tt := range tests {
		o := &Overlay{Standard: tt.standard, Source: tt.source}
		got, ok := o.StandardPath()
		if got != tt.want || ok != tt.ok {
			t.Errorf("StandardPath(%q from %q) = %q, %v; want %q, %v", tt.standard, tt.source, got, ok, tt.want, tt.ok)
		}
	}
}
