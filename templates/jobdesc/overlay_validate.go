package jobdesc

import (
	"fmt"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ocs-project/ocs/internal/lazyre"
	"github.com/ocs-project/ocs/standard"
)

// Overlay rules. Errors stop a posting from being rendered; warnings
// point at what job boards or Taiwan's 就業服務法 expect.
//
//	J01 E  the overlay names another standard than the one given
//	J02 E  include/exclude names a duty or task the standard lacks
//	J03 E  include and exclude name the same code, or leave no task
//	J04 E  salary: negative, min above max, unknown unit
//	J05 W  no salary, or 面議 that the law allows only from NT$40,000 a month
//	J06 E  a date not written YYYY-MM-DD, or valid_through before date_posted
//	J07 W  no date_posted (JobPosting requires it)
//	J08 E  negative headcount
//	J09 E  unknown employment type
//	J10 E  no company (JobPosting requires hiringOrganization)
//	J11 W  no place and not remote; E for a malformed country code
//	J12 E  malformed e-mail or URL; W when no contact is given
//	J13 E  unknown requirements.education_level
//	J14 W  the JobPosting lacks properties Google recommends (see postingData)
//	J15 E  a number JSON-LD readers cannot hold, a year outside 1970–2100,
//	       a text of blanks only, a malformed company_url or logo
var (
	employmentTypes      = []string{"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}
	salaryUnits          = []string{"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
	credentialCategories = []string{"high school", "associate degree", "bachelor degree", "postgraduate degree", "professional certificate"}
	countryCode          = lazyre.New(`^[A-Z]{2}$`)
	emailAddress         = lazyre.New(`^[^@\s"'<>()\[\]\\,;:]+@[^@\s"'<>()\[\]\\,;:]+\.[^@\s"'<>()\[\]\\,;:]+$`)
)

// lawfulNegotiable is the monthly pay from which 就業服務法 第5條 allows a
// posting to say 面議 without a range.
const lawfulNegotiable = 40000

// Validate checks the overlay against the standard it is applied to and
// returns every problem found, placed at the overlay's source lines.
func (o *Overlay) Validate(s *standard.Standard) standard.Problems {
	v := &overlayCheck{o: o}
	v.standard(s)
	v.selection(s)
	v.salary()
	v.dates()
	v.posting()
	v.postingData()
	// In file order, so a user can fix them top to bottom; problems
	// without a line (a missing key) come last.
	sort.SliceStable(v.ps, func(i, j int) bool {
		a, b := v.ps[i].Line, v.ps[j].Line
		return a != 0 && (b == 0 || a < b)
	})
	return v.ps
}

// overlayCheck collects the problems of one overlay.
type overlayCheck struct {
	o  *Overlay
	ps standard.Problems
}

func (v *overlayCheck) add(sev standard.Severity, rule, path, hint, format string, args ...any) {
	v.ps = append(v.ps, standard.Problem{
		Rule: rule, Severity: sev, File: v.o.Source, Line: v.o.line(path), Path: path,
		Message: fmt.Sprintf(format, args...), Hint: hint,
	})
}

// standard checks that the overlay is applied to the standard it names.
func (v *overlayCheck) standard(s *standard.Standard) {
	want := v.o.Standard
	switch {
	case want == "":
		v.add(standard.Warning, "J01", "standard", `write standard = "`+standardCodeOr(s, "CODE")+`" so the overlay cannot be applied to another standard`,
			"the overlay does not say which standard it builds on")
	case isStandardPath(want):
		p, _ := v.o.StandardPath()
		named := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		if !sameFile(p, s.Source) && (s.Code == "" || !strings.EqualFold(named, s.Code)) {
			v.add(standard.Error, "J01", "standard", "render the overlay with the standard it names, or change standard = …",
				"the overlay is written for the standard file %s, but the standard given is %s", p, standardLabel(s))
		}
	case !strings.EqualFold(want, s.Code):
		v.add(standard.Error, "J01", "standard", "render the overlay with the standard it names, or change standard = …",
			"the overlay is written for standard %s, but the standard given is %s", want, standardLabel(s))
	}
}

// sameFile reports whether two file paths name the same file. A file
// named after the standard's code (THM2431-001v1.toml) also matches the
// bundled standard of that code.
func sameFile(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// standardLabel describes a standard for messages: code and name.
func standardLabel(s *standard.Standard) string {
	if s.Code == "" {
		return "《" + s.Name() + "》 (no code)"
	}
	return s.Code + " 《" + s.Name() + "》"
}

func standardCodeOr(s *standard.Standard, alt string) string {
	if s.Code == "" {
		return alt
	}
	return s.Code
}

// selection checks include and exclude against the standard's codes.
func (v *overlayCheck) selection(s *standard.Standard) {
	codes := overlayCodes(s)
	known := make(map[string]bool, len(codes))
	for _, c := range codes {
		known[c] = true
	}
	for _, field := range []struct {
		name  string
		codes []string
	}{{"include", v.o.Include}, {"exclude", v.o.Exclude}} {
		for i, c := range field.codes {
			if known[c] {
				continue
			}
			hint := "codes of this standard: " + strings.Join(codes, ", ")
			if near := standard.Suggest(c, codes); near != "" {
				hint = fmt.Sprintf("did you mean %q?", near)
			}
			v.add(standard.Error, "J02", fmt.Sprintf("%s[%d]", field.name, i), hint,
				"%s names %q, which is not a duty or task of %s", field.name, c, standardLabel(s))
		}
	}
	for i, c := range v.o.Exclude {
		for _, in := range v.o.Include {
			if in == c {
				v.add(standard.Error, "J03", fmt.Sprintf("exclude[%d]", i), "remove it from one of the two lists",
					"%s is both included and excluded", c)
			}
		}
	}
	if len(v.ps.Errors()) == 0 && len(jobTasks(s, v.o)) == 0 {
		v.add(standard.Error, "J03", "exclude", "include at least one task of the standard",
			"include and exclude leave no task of %s in the job", standardLabel(s))
	}
}

// overlayCodes lists the codes of every duty and task, in order.
func overlayCodes(s *standard.Standard) []string {
	var out []string
	for _, d := range s.Duties {
		out = append(out, d.Code)
		for _, t := range d.Tasks {
			out = append(out, t.Code)
		}
	}
	return out
}

// salary checks the pay range and unit.
func (v *overlayCheck) salary() {
	s := v.o.Salary
	if s.Min < 0 {
		v.add(standard.Error, "J04", "salary.min", "write the pay as a positive number of NT$", "salary.min is negative (%d)", s.Min)
	}
	if s.Max < 0 {
		v.add(standard.Error, "J04", "salary.max", "write the pay as a positive number of NT$", "salary.max is negative (%d)", s.Max)
	}
	if s.Max > 0 && s.Min > s.Max {
		v.add(standard.Error, "J04", "salary.min", "swap min and max, or correct one of them",
			"salary.min (%d) is more than salary.max (%d)", s.Min, s.Max)
	}
	if !inList(salaryUnits, s.unit()) {
		v.add(standard.Error, "J04", "salary.unit", "use one of "+strings.Join(salaryUnits, ", "),
			"unknown pay period %q", s.Unit)
	}
	monthly := s.unit() == "MONTH"
	switch {
	case !s.given():
		v.add(standard.Warning, "J05", "salary", "add [salary] with min and max (or negotiable = true from NT$40,000 a month)",
			"the posting says nothing about pay; 就業服務法 第5條 requires the pay range when the regular pay is under NT$40,000 a month")
	case s.Negotiable && monthly && s.Min > 0 && s.Min < lawfulNegotiable:
		v.add(standard.Warning, "J05", "salary.negotiable", "show the range (min and max) instead of 面議",
			"面議 with a monthly minimum under NT$40,000: 就業服務法 第5條 requires showing the range")
	}
}

// dates checks the posting dates.
func (v *overlayCheck) dates() {
	posted, postedOK := v.date("date_posted", v.o.DatePosted)
	through, throughOK := v.date("valid_through", v.o.ValidThrough)
	if postedOK && throughOK && through.Before(posted) {
		v.add(standard.Error, "J06", "valid_through", "the posting must end on or after the day it is posted",
			"valid_through %s is before date_posted %s", v.o.ValidThrough, v.o.DatePosted)
	}
	if v.o.DatePosted == "" {
		v.add(standard.Warning, "J07", "date_posted", "add date_posted = YYYY-MM-DD",
			"no date_posted: the JobPosting data requires it, so the document date is used instead (SOURCE_DATE_EPOCH when set); with none, datePosted is left out")
	}
}

// date parses one optional date field, reporting a malformed one.
func (v *overlayCheck) date(path string, d Date) (time.Time, bool) {
	if d == "" {
		return time.Time{}, false
	}
	t, err := d.parse()
	if err != nil {
		v.add(standard.Error, "J06", path, "write the date as YYYY-MM-DD, e.g. 2025-03-01", "%s: %v", path, err)
		return time.Time{}, false
	}
	return t, true
}

// posting checks the fields a job posting needs.
func (v *overlayCheck) posting() {
	o := v.o
	if o.Headcount < 0 {
		v.add(standard.Error, "J08", "headcount", "write how many people are hired, or leave headcount out", "headcount is negative (%d)", o.Headcount)
	}
	for i, t := range o.EmploymentType {
		if inList(employmentTypes, t) {
			continue
		}
		hint := "use one of " + strings.Join(employmentTypes, ", ")
		if near := standard.Suggest(strings.ToUpper(t), employmentTypes); near != "" {
			hint = fmt.Sprintf("did you mean %q?", near)
		}
		v.add(standard.Error, "J09", fmt.Sprintf("employment_type[%d]", i), hint, "unknown employment type %q", t)
	}
	if strings.TrimSpace(o.Company) == "" {
		v.add(standard.Error, "J10", "company", `add company = "…" (the hiring organisation)`, "the posting names no company")
	}
	if o.Location.empty() && !o.Remote {
		v.add(standard.Warning, "J11", "location", "add [location] with address, region and locality, or remote = true",
			"the posting says neither where the job is nor that it is remote")
	}
	if !countryCode().MatchString(o.Location.country()) {
		v.add(standard.Error, "J11", "location.country", `use a two-letter ISO 3166 code such as "TW"`,
			"country %q is not a two-letter country code", o.Location.Country)
	}
	c := o.Contact
	if c.Email != "" && !emailAddress().MatchString(c.Email) {
		v.add(standard.Error, "J12", "contact.email", "write an address such as hr@example.com", "%q is not an e-mail address", c.Email)
	}
	if c.URL != "" {
		if u, err := url.Parse(c.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v.add(standard.Error, "J12", "contact.url", "write a web address starting with https://", "%q is not a web address", c.URL)
		}
	}
	if c.empty() {
		v.add(standard.Warning, "J12", "contact", "add [contact] with a name and an e-mail, phone or URL",
			"the posting does not say how to apply")
	}
	if l := o.Requirements.EducationLevel; l != "" && !inList(credentialCategories, l) {
		v.add(standard.Error, "J13", "requirements.education_level", "use one of: "+strings.Join(credentialCategories, ", "),
			"unknown education level %q", l)
	}
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
