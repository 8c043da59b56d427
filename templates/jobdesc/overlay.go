package jobdesc

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/ocs-project/ocs/diag"
)

// Overlay is a company's settings for a job posting built on a standard:
// who hires, where, for how much, and which of the standard's duties and
// tasks the job covers. It lives in its own TOML file (see
// examples/company-overlay.toml); the standard itself never holds pay,
// place or contact details.
type Overlay struct {
	// Standard names the standard the posting builds on: its code (e.g.
	// "THM2431-001v1") or a path to its TOML file, relative to the
	// overlay's folder.
	Standard string `toml:"standard"`
	// Company is the hiring organisation; Unit the department.
	Company string `toml:"company"`
	Unit    string `toml:"unit"`
	// CompanyURL is the company's web site and Logo the address of its
	// logo image (JSON-LD hiringOrganization sameAs and logo).
	CompanyURL string `toml:"company_url"`
	Logo       string `toml:"logo"`
	// JobID is the company's own identifier of the opening (JSON-LD
	// identifier); the standard's code is not one.
	JobID string `toml:"job_id"`
	// DirectApply says whether candidates can apply on the page where the
	// posting is published (JSON-LD directApply); nil = not said.
	DirectApply *bool `toml:"direct_apply"`
	// Title is the job title; empty means the standard's name.
	Title string `toml:"title"`
	// Description is the company's own words about the job, printed after
	// the standard's 工作描述.
	Description string `toml:"description"`

	Location Location `toml:"location"`
	// Remote marks a job done from home (JSON-LD jobLocationType
	// TELECOMMUTE); with an address as well it is a hybrid job.
	Remote bool `toml:"remote"`
	// EmploymentType lists schema.org employment types: FULL_TIME,
	// PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER.
	EmploymentType []string `toml:"employment_type"`
	Salary         Salary   `toml:"salary"`
	// Hours are the working hours in the company's words, e.g.
	// "週一至週五 09:00–18:00".
	Hours string `toml:"hours"`
	// Headcount is how many people are hired (0 = not said).
	Headcount int `toml:"headcount"`
	// Benefits are the 福利 lines.
	Benefits []string `toml:"benefits"`
	// StartDate is when the job starts, a date or words such as 「錄取後一週內」.
	StartDate string  `toml:"start_date"`
	Contact   Contact `toml:"contact"`
	// DatePosted and ValidThrough are YYYY-MM-DD dates; TOML dates
	// (date_posted = 2025-03-01) are accepted too.
	DatePosted   Date `toml:"date_posted"`
	ValidThrough Date `toml:"valid_through"`

	// Include keeps only these duties (T1) and tasks (T1.2); empty keeps
	// all. Exclude then drops duties and tasks.
	Include []string `toml:"include"`
	Exclude []string `toml:"exclude"`
	// ShowIndicators lists each task's 行為指標 under it.
	ShowIndicators bool `toml:"show_indicators"`

	// Requirements add to, or replace, what the standard's prerequisites say.
	Requirements Requirements `toml:"requirements"`

	// Source is the file the overlay was loaded from; set by LoadOverlay.
	Source string `toml:"-"`
	// Lines maps field paths (e.g. "salary.min", "include") to 1-based
	// source lines; set by LoadOverlay, used to place problems.
	Lines diag.Lines `toml:"-"`
}

// Location is where the job is done. Address is the street address;
// Region the county or city (縣市), Locality the district or township
// (鄉鎮市區). Country is an ISO 3166 code; empty means "TW".
type Location struct {
	Address    string `toml:"address"`
	Region     string `toml:"region"`
	Locality   string `toml:"locality"`
	PostalCode string `toml:"postal_code"`
	Country    string `toml:"country"`
}

// empty reports whether no part of the place is given.
func (l Location) empty() bool {
	return l.Address == "" && l.Region == "" && l.Locality == "" && l.PostalCode == ""
}

// country returns the country code, "TW" when none is given.
func (l Location) country() string {
	if l.Country == "" {
		return "TW"
	}
	return l.Country
}

// Salary is the pay in New Taiwan dollars. Min and Max bound the range
// (either may be 0 = not said; equal values mean a fixed pay). Unit is
// HOUR, DAY, WEEK, MONTH or YEAR; empty means MONTH. Negotiable marks
// 面議: the pay is agreed at the interview and left out of the JSON-LD.
type Salary struct {
	Min        int    `toml:"min"`
	Max        int    `toml:"max"`
	Unit       string `toml:"unit"`
	Negotiable bool   `toml:"negotiable"`
}

// given reports whether the overlay says anything about pay.
func (s Salary) given() bool { return s.Min != 0 || s.Max != 0 || s.Negotiable }

// unit returns the pay period, MONTH when none is given.
func (s Salary) unit() string {
	if s.Unit == "" {
		return "MONTH"
	}
	return strings.ToUpper(s.Unit)
}

// Contact is who applicants write to.
type Contact struct {
	Name  string `toml:"name"`
	Email string `toml:"email"`
	Phone string `toml:"phone"`
	URL   string `toml:"url"`
}

// empty reports whether no contact detail is given.
func (c Contact) empty() bool { return c == Contact{} }

// Requirements are the company's 條件要求. Education, Majors, Experience
// and Languages replace what the standard's prerequisites say about the
// same thing; the others add to it.
type Requirements struct {
	Education string `toml:"education"` // 學歷要求, e.g. "大學以上"
	// EducationLevel is the schema.org credential category for
	// Education when it cannot be read from the words: "high school",
	// "associate degree", "bachelor degree", "postgraduate degree" or
	// "professional certificate".
	EducationLevel string   `toml:"education_level"`
	Majors         []string `toml:"majors"`     // 科系要求
	Experience     string   `toml:"experience"` // 工作經歷, e.g. "2 年以上"
	// ExperienceMonths is the experience in months for JSON-LD when
	// Experience does not say it in years or months.
	ExperienceMonths int      `toml:"experience_months"`
	Languages        []string `toml:"languages"` // 語文條件
	Licenses         []string `toml:"licenses"`  // 具備證照
	Tools            []string `toml:"tools"`     // 擅長工具
	Skills           []string `toml:"skills"`    // 工作技能 added to the standard's S
	Other            []string `toml:"other"`     // 其他條件
}

// notADate starts the errors of Date.UnmarshalTOML, so the loader can
// tell them from TOML syntax errors.
const notADate = "not a date: "

// tomlTypeName names the TOML type of a decoded value for messages.
func tomlTypeName(v any) string {
	switch v.(type) {
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true or false"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// Date is a calendar date written YYYY-MM-DD. In TOML it may be a
// string or a TOML local date; Validate reports a malformed one.
type Date string

// UnmarshalTOML accepts a string or a TOML date without a time of day.
func (d *Date) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*d = Date(v)
		return nil
	case time.Time:
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 || v.Nanosecond() != 0 {
			return fmt.Errorf("%sa date takes no time of day: write %s", notADate, v.Format("2006-01-02"))
		}
		*d = Date(v.Format("2006-01-02"))
		return nil
	default:
		return fmt.Errorf("%swant a date such as 2025-03-01, not %s", notADate, tomlTypeName(v))
	}
}

// parse returns the date as a time, or an error for a malformed one.
func (d Date) parse() (time.Time, error) {
	t, err := time.Parse("2006-01-02", string(d))
	switch {
	case err == nil:
		return t, nil
	case len(d) == len("2006-01-02") && d[4] == '-' && d[7] == '-':
		return time.Time{}, fmt.Errorf("%q is not a day of the calendar", string(d))
	}
	return time.Time{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", string(d))
}

// StandardPath returns the path of the standard's TOML file when the
// overlay's standard field is a path rather than a code, resolved against
// the overlay's folder; ok is false for a code or an empty field.
func (o *Overlay) StandardPath() (path string, ok bool) {
	if !isStandardPath(o.Standard) {
		return "", false
	}
	p := filepath.FromSlash(o.Standard)
	if !filepath.IsAbs(p) && o.Source != "" {
		p = filepath.Join(filepath.Dir(o.Source), p)
	}
	return p, true
}

// isStandardPath tells a file path from a standard code: a code has no
// slash and no ".toml" ending.
func isStandardPath(s string) bool {
	return strings.ContainsAny(s, `/\`) || strings.HasSuffix(strings.ToLower(s), ".toml")
}

// line returns the source line of a field path, or of its nearest
// ancestor ("include[2]" → "include"); 0 when unknown.
func (o *Overlay) line(path string) int {
	if o == nil {
		return 0
	}
	return o.Lines.Line(path)
}

// Covers reports whether the job covers a task of the standard: every
// task without an overlay or Include, else the tasks Include names (by
// the task's or its duty's code); then Exclude drops tasks the same way.
func (o *Overlay) Covers(duty, task string) bool {
	if o == nil {
		return true
	}
	in := func(list []string) bool {
		for _, c := range list {
			if c == duty || c == task {
				return true
			}
		}
		return false
	}
	if len(o.Include) > 0 && !in(o.Include) {
		return false
	}
	return !in(o.Exclude)
}
