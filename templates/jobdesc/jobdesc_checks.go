package jobdesc

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/ocs-project/ocs/standard"
)

// Bounds of the overlay's numbers: past them a value is a typo, and JSON-LD
// readers (JavaScript numbers hold integers exactly up to 2^53) may not
// even hold it.
const (
	maxSalary    = 1_000_000_000 // NT$ per pay period
	maxHeadcount = 1_000_000
	maxMonths    = 1200 // 100 years of experience
	minYear      = 1970
	maxYear      = 2100
)

// postingData checks what the JobPosting JSON-LD is built from: numbers
// and years its readers can hold (J15), texts that are not blanks only
// (J15), the company's web addresses (J15), and the properties Google
// recommends that the overlay leaves out (J14, one warning naming them
// all, so the posting says why its data is not complete).
func (v *overlayCheck) postingData() {
	o := v.o
	for _, n := range []struct {
		path       string
		value, max int
	}{
		{"salary.min", o.Salary.Min, maxSalary},
		{"salary.max", o.Salary.Max, maxSalary},
		{"headcount", o.Headcount, maxHeadcount},
		{"requirements.experience_months", o.Requirements.ExperienceMonths, maxMonths},
	} {
		if n.value > n.max {
			v.add(standard.Error, "J15", n.path, "check the number for a typo",
				"%s is %d, more than any real posting (at most %d)", n.path, n.value, n.max)
		}
	}
	for _, d := range []struct {
		path string
		date Date
	}{{"date_posted", o.DatePosted}, {"valid_through", o.ValidThrough}} {
		if t, err := d.date.parse(); d.date != "" && err == nil && (t.Year() < minYear || t.Year() > maxYear) {
			v.add(standard.Error, "J15", d.path, "write the real date, YYYY-MM-DD",
				"%s is in the year %04d, outside %d–%d", d.path, t.Year(), minYear, maxYear)
		}
	}
	for _, f := range []struct{ path, text string }{
		{"company", o.Company}, {"unit", o.Unit}, {"title", o.Title}, {"description", o.Description},
		{"hours", o.Hours}, {"contact.name", o.Contact.Name}, {"job_id", o.JobID},
	} {
		if f.text != "" && blank(f.text) && (f.path != "company" || strings.TrimSpace(f.text) != "") { // J10 reports an empty company
			v.add(standard.Error, "J15", f.path, "write the text, or leave the key out",
				"%s holds only blanks (ideographic or zero-width spaces)", f.path)
		}
	}
	for _, f := range []struct{ path, addr string }{{"company_url", o.CompanyURL}, {"logo", o.Logo}} {
		if f.addr == "" {
			continue
		}
		if u, err := url.Parse(f.addr); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(f.addr, "\"<> ") {
			v.add(standard.Error, "J15", f.path, "write a web address starting with https://", "%q is not a web address", f.addr)
		}
	}
	var missing []string
	for _, p := range []struct {
		lacks      bool
		prop, hint string
	}{
		{o.JobID == "", "identifier", "job_id"},
		{o.ValidThrough == "", "validThrough", "valid_through"},
		{o.DirectApply == nil, "directApply", "direct_apply"},
		{len(o.EmploymentType) == 0, "employmentType", "employment_type"},
	} {
		if p.lacks {
			missing = append(missing, p.prop+" (add "+p.hint+")")
		}
	}
	if len(missing) > 0 {
		v.add(standard.Warning, "J14", "", "Google for Jobs ranks complete postings higher",
			"the posting's JobPosting data leaves out properties Google recommends: %s", strings.Join(missing, ", "))
	}
}

// blank reports whether s holds nothing but white space and invisible
// characters: ideographic spaces, zero-width spaces and joiners, BOMs.
func blank(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
	}) == ""
}
