package jobdesc

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// The schema.org types below are written with encoding/json, so keys come
// out in field order and the output is the same every time. json.Marshal
// escapes <, > and & inside strings, which keeps the data safe to embed
// in an HTML <script> element.

// jobPostingLD is a schema.org JobPosting with the properties Google for
// Jobs requires and recommends.
type jobPostingLD struct {
	Context                       string         `json:"@context"`
	Type                          string         `json:"@type"`
	Title                         string         `json:"title"`
	Description                   string         `json:"description"`
	Identifier                    *propertyValue `json:"identifier,omitempty"`
	DatePosted                    string         `json:"datePosted,omitempty"`
	ValidThrough                  string         `json:"validThrough,omitempty"`
	DirectApply                   *bool          `json:"directApply,omitempty"`
	EmploymentType                []string       `json:"employmentType,omitempty"`
	HiringOrganization            organizationLD `json:"hiringOrganization"`
	JobLocation                   *placeLD       `json:"jobLocation,omitempty"`
	JobLocationType               string         `json:"jobLocationType,omitempty"`
	ApplicantLocationRequirements *countryLD     `json:"applicantLocationRequirements,omitempty"`
	BaseSalary                    *salaryLD      `json:"baseSalary,omitempty"`
	JobStartDate                  string         `json:"jobStartDate,omitempty"`
	TotalJobOpenings              int            `json:"totalJobOpenings,omitempty"`
	WorkHours                     string         `json:"workHours,omitempty"`
	JobBenefits                   string         `json:"jobBenefits,omitempty"`
	OccupationalCategory          textList       `json:"occupationalCategory,omitempty"`
	Industry                      textList       `json:"industry,omitempty"`
	Responsibilities              []string       `json:"responsibilities,omitempty"`
	Skills                        []string       `json:"skills,omitempty"`
	Qualifications                []string       `json:"qualifications,omitempty"`
	EducationRequirements         *credentialLD  `json:"educationRequirements,omitempty"`
	ExperienceRequirements        *experienceLD  `json:"experienceRequirements,omitempty"`
}

// occupationLD is a schema.org Occupation: the company-neutral profile.
type occupationLD struct {
	Context                string         `json:"@context"`
	Type                   string         `json:"@type"`
	Name                   string         `json:"name"`
	Description            string         `json:"description,omitempty"`
	Identifier             *propertyValue `json:"identifier,omitempty"`
	OccupationalCategory   textList       `json:"occupationalCategory,omitempty"`
	Responsibilities       []string       `json:"responsibilities,omitempty"`
	Skills                 []string       `json:"skills,omitempty"`
	Qualifications         []string       `json:"qualifications,omitempty"`
	EducationRequirements  *credentialLD  `json:"educationRequirements,omitempty"`
	ExperienceRequirements *experienceLD  `json:"experienceRequirements,omitempty"`
}

type propertyValue struct {
	Type  string `json:"@type"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

type organizationLD struct {
	Type       string          `json:"@type"`
	Name       string          `json:"name"`
	SameAs     string          `json:"sameAs,omitempty"`
	Logo       string          `json:"logo,omitempty"`
	Department *organizationLD `json:"department,omitempty"`
}

type placeLD struct {
	Type    string          `json:"@type"`
	Address postalAddressLD `json:"address"`
}

type postalAddressLD struct {
	Type            string `json:"@type"`
	StreetAddress   string `json:"streetAddress,omitempty"`
	AddressLocality string `json:"addressLocality,omitempty"`
	AddressRegion   string `json:"addressRegion,omitempty"`
	PostalCode      string `json:"postalCode,omitempty"`
	AddressCountry  string `json:"addressCountry"`
}

type countryLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type salaryLD struct {
	Type     string            `json:"@type"`
	Currency string            `json:"currency"`
	Value    quantitativeValue `json:"value"`
}

type quantitativeValue struct {
	Type     string `json:"@type"`
	Value    int    `json:"value,omitempty"`
	MinValue int    `json:"minValue,omitempty"`
	MaxValue int    `json:"maxValue,omitempty"`
	UnitText string `json:"unitText"`
}

type credentialLD struct {
	Type               string `json:"@type"`
	CredentialCategory string `json:"credentialCategory,omitempty"`
	Description        string `json:"description,omitempty"`
}

type experienceLD struct {
	Type               string `json:"@type"`
	MonthsOfExperience int    `json:"monthsOfExperience,omitempty"`
	Description        string `json:"description,omitempty"`
}

// textList is a schema.org property with one or more text values: one is
// written as a string, several as an array.
type textList []string

// MarshalJSON writes a single value as a string.
func (t textList) MarshalJSON() ([]byte, error) {
	if len(t) == 1 {
		return json.Marshal(t[0])
	}
	return json.Marshal([]string(t))
}

// structuredData builds the JSON-LD of the document: a JobPosting for a
// posting, an Occupation for a profile.
func (b *jobDesc) structuredData(blocks []render.Block, opt templates.Options) ([]byte, error) {
	var v any
	if b.posting() {
		v = b.jobPosting(blocks, opt)
	} else {
		v = b.occupation()
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("job description: write JSON-LD: %w", err)
	}
	return data, nil
}

// jobPosting is the JobPosting of the overlay's job. The description is
// the HTML of the whole visible text but the title, as Google asks.
func (b *jobDesc) jobPosting(blocks []render.Block, opt templates.Options) jobPostingLD {
	o := b.o
	p := jobPostingLD{
		Context:          "https://schema.org",
		Type:             "JobPosting",
		Title:            b.title(),
		Description:      descriptionHTML(blocks[1:], b.l.Get("term_sep")),
		Identifier:       b.jobIdentifier(),
		DatePosted:       string(o.DatePosted),
		ValidThrough:     string(o.ValidThrough),
		DirectApply:      o.DirectApply,
		EmploymentType:   o.EmploymentType,
		JobStartDate:     o.StartDate,
		TotalJobOpenings: o.Headcount,
		WorkHours:        o.Hours,
		JobBenefits:      b.join(o.Benefits),
		HiringOrganization: organizationLD{
			Type:   "Organization",
			Name:   o.Company,
			SameAs: o.CompanyURL,
			Logo:   o.Logo,
		},
	}
	if p.DatePosted == "" {
		p.DatePosted = documentDate(opt)
	}
	if o.Unit != "" {
		p.HiringOrganization.Department = &organizationLD{Type: "Organization", Name: o.Unit}
	}
	l := o.Location
	if !l.empty() {
		p.JobLocation = &placeLD{Type: "Place", Address: postalAddressLD{
			Type:            "PostalAddress",
			StreetAddress:   l.Address,
			AddressLocality: l.Locality,
			AddressRegion:   l.Region,
			PostalCode:      l.PostalCode,
			AddressCountry:  l.country(),
		}}
	}
	if o.Remote {
		p.JobLocationType = "TELECOMMUTE"
		p.ApplicantLocationRequirements = &countryLD{Type: "Country", Name: l.country()}
	}
	if s := o.Salary; !s.Negotiable && (s.Min > 0 || s.Max > 0) {
		q := quantitativeValue{Type: "QuantitativeValue", MinValue: s.Min, MaxValue: s.Max, UnitText: s.unit()}
		if s.Min == s.Max {
			q = quantitativeValue{Type: "QuantitativeValue", Value: s.Min, UnitText: s.unit()}
		}
		p.BaseSalary = &salaryLD{Type: "MonetaryAmount", Currency: "TWD", Value: q}
	}
	p.OccupationalCategory = b.categoryTexts(b.s.Category.Occupation)
	p.Industry = b.categoryNames(b.s.Category.Industry)
	p.Responsibilities = b.responsibilities()
	p.Skills = plainTexts(append(b.skills(), b.req.Skills...))
	p.Qualifications = b.qualifications()
	p.EducationRequirements = b.education()
	p.ExperienceRequirements = b.experience()
	return p
}

// occupation is the Occupation of a company-neutral profile.
func (b *jobDesc) occupation() occupationLD {
	return occupationLD{
		Context:                "https://schema.org",
		Type:                   "Occupation",
		Name:                   b.s.Name(),
		Description:            plainText(b.s.Description),
		Identifier:             b.identifier(),
		OccupationalCategory:   b.categoryTexts(b.s.Category.Occupation),
		Responsibilities:       b.responsibilities(),
		Skills:                 plainTexts(b.skills()),
		Qualifications:         b.qualifications(),
		EducationRequirements:  b.education(),
		ExperienceRequirements: b.experience(),
	}
}

// jobIdentifier is the company's own identifier of the opening, from the
// overlay's job_id; the standard's code identifies the occupation, not
// the opening.
func (b *jobDesc) jobIdentifier() *propertyValue {
	if b.o.JobID == "" {
		return nil
	}
	return &propertyValue{Type: "PropertyValue", Name: b.o.Company, Value: b.o.JobID}
}

// identifier names the standard by its code.
func (b *jobDesc) identifier() *propertyValue {
	if b.s.Code == "" {
		return nil
	}
	return &propertyValue{Type: "PropertyValue", Name: b.l.Get("ld_identifier"), Value: b.s.Code}
}

// categoryTexts are classification rows as 「2431 廣告及行銷專業人員」.
func (b *jobDesc) categoryTexts(cs []standard.Class) textList {
	var out textList
	for _, c := range cs {
		out = append(out, strings.TrimSpace(c.Code+" "+c.Name))
	}
	return out
}

// categoryNames are the names of classification rows.
func (b *jobDesc) categoryNames(cs []standard.Class) textList {
	var out textList
	for _, c := range cs {
		if c.Name != "" {
			out = append(out, c.Name)
		}
	}
	return out
}

// responsibilities are the kept tasks as 「duty：task」.
func (b *jobDesc) responsibilities() []string {
	var out []string
	for _, jd := range b.duties {
		for _, t := range jd.tasks {
			out = append(out, plainText(jd.duty.Title+b.l.Get("term_sep")+t.Title))
		}
	}
	return out
}

// qualifications are the requirements in words, one per line of the
// visible 條件要求, labelled.
func (b *jobDesc) qualifications() []string {
	r := b.req
	var out []string
	add := func(key string, values ...string) {
		sep := b.l.Get("list_sep")
		if len(values) > 1 && (key == "languages" || key == "other" || key == "prerequisites") {
			sep = b.l.Get("clause_sep") // items that hold 「、」 themselves
		}
		var kept []string
		for _, v := range values {
			if v != "" {
				kept = append(kept, plainText(v))
			}
		}
		if len(kept) > 0 {
			out = append(out, b.l.Get(key)+b.l.Get("term_sep")+strings.Join(kept, sep))
		}
	}
	add("education", r.Education)
	add("majors", r.Majors...)
	add("experience", r.Experience)
	add("languages", r.Languages...)
	add("licenses", r.Licenses...)
	add("tools", r.Tools...)
	add("other", r.Other...)
	add("prerequisites", r.Prerequisites...)
	return out
}

// education is the credential the job asks for, when the overlay states
// it.
func (b *jobDesc) education() *credentialLD {
	if b.req.Education == "" && b.req.Credential == "" {
		return nil
	}
	return &credentialLD{Type: "EducationalOccupationalCredential", CredentialCategory: b.req.Credential, Description: b.req.Education}
}

// experience is the experience the job asks for, when the overlay states
// it.
func (b *jobDesc) experience() *experienceLD {
	if b.req.Experience == "" && b.req.Months == 0 {
		return nil
	}
	return &experienceLD{Type: "OccupationalExperienceRequirements", MonthsOfExperience: b.req.Months, Description: plainText(b.req.Experience)}
}

// plainText drops 【註N】 references, which mean nothing without the notes.
func plainText(s string) string {
	var b strings.Builder
	for _, p := range standard.SplitNotes(s) {
		if p.Note == 0 {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func plainTexts(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = plainText(s)
	}
	return out
}

// documentDate is the date a posting without date_posted gives as its
// datePosted: the document's date (Options.Date), else the build's
// SOURCE_DATE_EPOCH, else none ("" leaves datePosted out; the overlay's
// J07 warning says so).
func documentDate(opt templates.Options) string {
	if !opt.Date.IsZero() {
		return opt.Date.UTC().Format("2006-01-02")
	}
	if sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil && sec >= 0 && sec < 253402300800 {
		return time.Unix(sec, 0).UTC().Format("2006-01-02")
	}
	return ""
}
