package jobdesc

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// Problems found in files carry the file's lines, so a user can go
// straight to the line to fix.
func TestOverlayFileProblems(t *testing.T) {
	dir := filepath.Join("testdata", "jobdesc")
	o, err := LoadOverlay(filepath.Join(dir, "invalid.toml"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "invalid.toml")
	want := []string{
		file + `:5: error J09: unknown employment type "PARTTIME" (employment_type[1]) — did you mean "PART_TIME"?`,
		file + `:6: error J08: headcount is negative (-1) (headcount) — write how many people are hired, or leave headcount out`,
		file + `:7: error J06: date_posted: "2025-04-31" is not a day of the calendar (date_posted) — write the date as YYYY-MM-DD, e.g. 2025-03-01`,
		file + `:8: error J06: valid_through: "2025/05/01" is not a date in the form YYYY-MM-DD (valid_through) — write the date as YYYY-MM-DD, e.g. 2025-03-01`,
		file + `:9: error J02: include names "T3.7", which is not a duty or task of THM2431-001v1 《行銷業務專員》 (include[1]) — did you mean "T3.1"?`,
		file + `:10: error J03: T1 is both included and excluded (exclude[0]) — remove it from one of the two lists`,
		file + `:13: error J04: salary.min (45000) is more than salary.max (36000) (salary.min) — swap min and max, or correct one of them`,
		file + `:17: error J12: "jobs(at)example.com" is not an e-mail address (contact.email) — write an address such as hr@example.com`,
		file + `:18: error J12: "javascript:alert(1)" is not a web address (contact.url) — write a web address starting with https://`,
		file + `: warning J11: the posting says neither where the job is nor that it is remote (location) — add [location] with address, region and locality, or remote = true`,
		file + `: warning J14: the posting's JobPosting data leaves out properties Google recommends: identifier (add job_id), directApply (add direct_apply) — Google for Jobs ranks complete postings higher`,
	}
	ps := o.Validate(jdStandard())
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(want), ps)
	}
	for i, p := range ps {
		if p.String() != want[i] {
			t.Errorf("problem %d:\n got %s\nwant %s", i, p, want[i])
		}
	}
	if _, err := JobDescription(jdStandard(), o, templates.Options{}); err == nil {
		t.Error("rendered an invalid overlay")
	}
}

func TestOverlayFileTypos(t *testing.T) {
	file := filepath.Join("testdata", "jobdesc", "typos.toml")
	_, err := LoadOverlay(file)
	var ps standard.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error = %v", err)
	}
	want := []string{
		file + `:2:1: error TOML: unknown key "compnay" (compnay) — did you mean "company"?`,
		file + `:5:1: error TOML: unknown key "minimum" (salary.minimum) — did you mean "min"?`,
		file + `:7:1: error TOML: unknown key "locaton" (locaton) — did you mean "location"?`,
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(want), ps)
	}
	for i, p := range ps {
		if p.String() != want[i] {
			t.Errorf("problem %d:\n got %s\nwant %s", i, p, want[i])
		}
	}
}
