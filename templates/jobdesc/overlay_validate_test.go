package jobdesc

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/standard"
)

func TestValidateCleanOverlay(t *testing.T) {
	if ps := jdOverlay().Validate(jdStandard()); len(ps) != 0 {
		t.Errorf("a complete overlay has problems:\n%v", ps)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(o *Overlay)
		rule   string
		sev    standard.Severity
		path   string
		want   string // in the message or hint
	}{
		{"other standard", func(o *Overlay) { o.Standard = "BAS1219-002v4" }, "J01", standard.Error, "standard", "written for standard BAS1219-002v4"},
		{"no standard", func(o *Overlay) { o.Standard = "" }, "J01", standard.Warning, "standard", `standard = "THM2431-001v1"`},
		{"other file", func(o *Overlay) { o.Standard = "other.toml" }, "J01", standard.Error, "standard", "standard file"},
		{"missing task", func(o *Overlay) { o.Include = []string{"T1", "T3.9"} }, "J02", standard.Error, "include[1]", `"T3.9"`},
		{"task typo", func(o *Overlay) { o.Exclude = []string{"T1.3"} }, "J02", standard.Error, "exclude[0]", "did you mean"},
		{"both lists", func(o *Overlay) { o.Include = []string{"T1"}; o.Exclude = []string{"T1"} }, "J03", standard.Error, "exclude[0]", "both included and excluded"},
		{"nothing left", func(o *Overlay) { o.Exclude = []string{"T1", "T2", "T3"} }, "J03", standard.Error, "exclude", "leave no task"},
		{"min above max", func(o *Overlay) { o.Salary = Salary{Min: 50000, Max: 40000} }, "J04", standard.Error, "salary.min", "more than salary.max"},
		{"negative pay", func(o *Overlay) { o.Salary = Salary{Min: -1} }, "J04", standard.Error, "salary.min", "negative"},
		{"bad unit", func(o *Overlay) { o.Salary.Unit = "FORTNIGHT" }, "J04", standard.Error, "salary.unit", "HOUR, DAY, WEEK, MONTH, YEAR"},
		{"no pay", func(o *Overlay) { o.Salary = Salary{} }, "J05", standard.Warning, "salary", "就業服務法"},
		{"low negotiable", func(o *Overlay) { o.Salary = Salary{Min: 30000, Negotiable: true} }, "J05", standard.Warning, "salary.negotiable", "40,000"},
		{"bad date", func(o *Overlay) { o.DatePosted = "2025/03/03" }, "J06", standard.Error, "date_posted", "YYYY-MM-DD"},
		{"impossible date", func(o *Overlay) { o.ValidThrough = "2025-02-30" }, "J06", standard.Error, "valid_through", "not a day of the calendar"},
		{"ends before start", func(o *Overlay) { o.ValidThrough = "2025-03-01" }, "J06", standard.Error, "valid_through", "before date_posted"},
		{"no date", func(o *Overlay) { o.DatePosted = "" }, "J07", standard.Warning, "date_posted", "requires it"},
		{"negative headcount", func(o *Overlay) { o.Headcount = -2 }, "J08", standard.Error, "headcount", "negative"},
		{"employment typo", func(o *Overlay) { o.EmploymentType = []string{"FULLTIME"} }, "J09", standard.Error, "employment_type[0]", `did you mean "FULL_TIME"?`},
		{"no company", func(o *Overlay) { o.Company = " " }, "J10", standard.Error, "company", "no company"},
		{"no place", func(o *Overlay) { o.Location = Location{} }, "J11", standard.Warning, "location", "remote"},
		{"bad country", func(o *Overlay) { o.Location.Country = "Taiwan" }, "J11", standard.Error, "location.country", "two-letter"},
		{"bad email", func(o *Overlay) { o.Contact.Email = "jobs at example" }, "J12", standard.Error, "contact.email", "e-mail"},
		{"script url", func(o *Overlay) { o.Contact.URL = "javascript:alert(1)" }, "J12", standard.Error, "contact.url", "not a web address"},
		{"no contact", func(o *Overlay) { o.Contact = Contact{} }, "J12", standard.Warning, "contact", "how to apply"},
		{"bad credential", func(o *Overlay) { o.Requirements.EducationLevel = "college" }, "J13", standard.Error, "requirements.education_level", "bachelor degree"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := jdOverlay()
			o.Lines = map[string]int{tt.path: 7}
			if i := strings.IndexByte(tt.path, '['); i > 0 {
				o.Lines = map[string]int{tt.path[:i]: 7}
			}
			tt.change(o)
			ps := o.Validate(jdStandard())
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %d:\n%v", len(ps), ps)
			}
			p := ps[0]
			if p.Rule != tt.rule || p.Severity != tt.sev || p.Path != tt.path {
				t.Errorf("got %s %s at %q, want %s %s at %q", p.Severity, p.Rule, p.Path, tt.sev, tt.rule, tt.path)
			}
			if p.Line != 7 || p.File != "company.toml" {
				t.Errorf("placed at %s:%d, want company.toml:7", p.File, p.Line)
			}
			if s := p.String(); !strings.Contains(s, tt.want) {
				t.Errorf("%q lacks %q", s, tt.want)
			}
		})
	}
}

func TestValidateStandardPath(t *testing.T) {
	s := jdStandard()
	s.Source = jdWriteFile(t, "std.toml", "")
	o := jdOverlay()
	o.Source = s.Source[:len(s.Source)-len("std.toml")] + "company.toml"
	o.Standard = "./std.toml"
	if ps := o.Validate(s); len(ps) != 0 {
		t.Errorf("overlay naming the standard's file has problems:\n%v", ps)
	}
	o.Standard = "../standards/THM2431-001v1.toml" // a file named after the code
	if ps := o.Validate(s); len(ps) != 0 {
		t.Errorf("overlay naming a file after the code has problems:\n%v", ps)
	}
	o.Standard = "THM2431-001V1" // codes match without regard to case
	if ps := o.Validate(s); len(ps) != 0 {
		t.Errorf("overlay naming the code in capitals has problems:\n%v", ps)
	}
}
