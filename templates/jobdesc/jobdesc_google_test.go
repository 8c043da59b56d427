package jobdesc

import (
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// Google's JobPosting properties, written out by hand from Google Search
// Central's job posting structured data documentation: what every posting
// must have, and what Google recommends. jobLocation may be replaced by
// jobLocationType TELECOMMUTE with applicantLocationRequirements.
var (
	googleRequired    = []string{"datePosted", "description", "hiringOrganization", "jobLocation", "title"}
	googleRecommended = []string{"applicantLocationRequirements", "baseSalary", "directApply", "employmentType", "identifier", "jobLocationType", "validThrough"}
)

// googleWhy says which overlay problem explains that a property is left
// out: the rule and a word of its message or path.
var googleWhy = map[string][2]string{
	"datePosted":     {"J07", "date_posted"},
	"jobLocation":    {"J11", "location"},
	"baseSalary":     {"J05", "salary"},
	"directApply":    {"J14", "directApply"},
	"employmentType": {"J14", "employmentType"},
	"identifier":     {"J14", "identifier"},
	"validThrough":   {"J14", "validThrough"},
}

// TestJobPostingGoogleProperties checks postings against Google's list:
// every required property is there, and every recommended one is there
// or a warning of the overlay's check says why not.
func TestJobPostingGoogleProperties(t *testing.T) {
	remote := jdOverlay()
	remote.Location, remote.Remote = Location{}, true
	bare := &Overlay{Standard: "THM2431-001v1", Company: "小公司", Source: "bare.toml"}
	for name, tc := range map[string]struct {
		s *standard.Standard
		o *Overlay
	}{
		"complete":        {jdStandard(), jdOverlay()},
		"remote":          {jdStandard(), remote},
		"bare":            {jdStandard(), bare},
		"example":         {jdBundled(t, "THM2431-001v1"), jdExample(t, "company-overlay.toml")},
		"minimal example": {jdBundled(t, "BAS1219-002v4"), jdExample(t, "posting-minimal.toml")},
	} {
		t.Run(name, func(t *testing.T) {
			date := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
			m := jdJSON(t, jdBuild(t, tc.s, tc.o, templates.Options{Date: date}))
			ps := tc.o.Validate(tc.s)
			explained := func(prop string) bool {
				why, ok := googleWhy[prop]
				for _, p := range ps {
					if ok && p.Rule == why[0] && (strings.Contains(p.Message, why[1]) || p.Path == why[1]) {
						return true
					}
				}
				return false
			}
			remote := m["jobLocationType"] == "TELECOMMUTE"
			for _, prop := range googleRequired {
				switch {
				case m[prop] != nil:
				case prop == "jobLocation" && remote && m["applicantLocationRequirements"] != nil:
				case prop == "jobLocation" && explained(prop):
					// No place: the overlay's check says so.
				default:
					t.Errorf("required %s is missing", prop)
				}
			}
			for _, prop := range googleRecommended {
				if (prop == "jobLocationType" || prop == "applicantLocationRequirements") && !remote {
					continue // for jobs done from home only
				}
				if m[prop] == nil && !explained(prop) {
					t.Errorf("recommended %s is missing and no warning says why:\n%v", prop, ps)
				}
			}
			if s, ok := m["baseSalary"].(map[string]any); ok && jdGet(s, "value", "unitText") == nil {
				t.Errorf("baseSalary has no unitText: %v", s)
			}
			if tc.o.DatePosted == "" && m["datePosted"] != "2025-03-01" {
				t.Errorf("datePosted = %v, want the document date", m["datePosted"])
			}
		})
	}
}

// TestJobPostingDatePostedWarning checks that the warning about a missing
// date_posted says which date the posting uses instead.
func TestJobPostingDatePostedWarning(t *testing.T) {
	o := jdOverlay()
	o.DatePosted = ""
	var found bool
	for _, p := range o.Validate(jdStandard()) {
		if p.Rule == "J07" {
			found = true
			if !strings.Contains(p.Message+p.Hint, "document date") {
				t.Errorf("J07 does not say which date is used: %s", p)
			}
		}
	}
	if !found {
		t.Error("no J07 warning for a posting without date_posted")
	}
}

// TestJobPostingOpenGraph checks the Open Graph tags of a posting's HTML
// page, which link previews in LINE or Facebook show.
func TestJobPostingOpenGraph(t *testing.T) {
	o := jdExample(t, "company-overlay.toml")
	page, _ := jdPages(t, jdBuild(t, jdBundled(t, "THM2431-001v1"), o, templates.Options{}))
	for _, want := range []string{
		`<meta property="og:title" content="行銷業務專員（會議及宴會）`,
		`<meta property="og:description" content="` + o.Description + `"/>`,
		`<meta property="og:type" content="website"/>`,
		`<meta name="description" content="` + o.Description + `"/>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestJobPostingDatePostedFallback checks the date a posting without
// date_posted gives: the document date, else SOURCE_DATE_EPOCH.
func TestJobPostingDatePostedFallback(t *testing.T) {
	o := jdOverlay()
	o.DatePosted = ""
	t.Setenv("SOURCE_DATE_EPOCH", "1735689600") // 2025-01-01
	if got := jdJSON(t, jdBuild(t, jdStandard(), o, templates.Options{}))["datePosted"]; got != "2025-01-01" {
		t.Errorf("datePosted = %v, want SOURCE_DATE_EPOCH's day", got)
	}
	d := time.Date(2025, 5, 6, 0, 0, 0, 0, time.UTC)
	if got := jdJSON(t, jdBuild(t, jdStandard(), o, templates.Options{Date: d}))["datePosted"]; got != "2025-05-06" {
		t.Errorf("datePosted = %v, want the document date", got)
	}
}
