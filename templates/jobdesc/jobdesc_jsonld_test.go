package jobdesc

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates"
)

// jdJSON decodes the document's JSON-LD.
func jdJSON(t *testing.T, d *render.Document) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(d.Meta.StructuredData, &m); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, d.Meta.StructuredData)
	}
	return m
}

// jdGet follows a path of keys through decoded JSON.
func jdGet(m any, path ...string) any {
	for _, k := range path {
		mm, ok := m.(map[string]any)
		if !ok {
			return nil
		}
		m = mm[k]
	}
	return m
}

func TestJobPostingJSONLD(t *testing.T) {
	o := jdOverlay()
	o.Exclude = []string{"T2"}
	d := jdBuild(t, jdStandard(), o, templates.Options{})
	m := jdJSON(t, d)
	want := map[string]any{
		"@context":                            "https://schema.org",
		"@type":                               "JobPosting",
		"title":                               "行銷業務專員（會議及宴會）",
		"datePosted":                          "2025-03-03",
		"validThrough":                        "2025-04-30",
		"hiringOrganization.@type":            "Organization",
		"hiringOrganization.name":             "山嵐度假飯店股份有限公司",
		"hiringOrganization.department.name":  "業務行銷部",
		"jobLocation.@type":                   "Place",
		"jobLocation.address.@type":           "PostalAddress",
		"jobLocation.address.streetAddress":   "花蓮縣花蓮市海岸路 88 號",
		"jobLocation.address.addressRegion":   "花蓮縣",
		"jobLocation.address.addressLocality": "花蓮市",
		"jobLocation.address.postalCode":      "970",
		"jobLocation.address.addressCountry":  "TW",
		"baseSalary.@type":                    "MonetaryAmount",
		"baseSalary.currency":                 "TWD",
		"baseSalary.value.@type":              "QuantitativeValue",
		"baseSalary.value.minValue":           36000.0,
		"baseSalary.value.maxValue":           45000.0,
		"baseSalary.value.unitText":           "MONTH",
		"occupationalCategory":                "2431 廣告及行銷專業人員",
		"industry":                            "住宿及餐飲業/住宿業",
		"identifier.value":                    "SALES-2025-07",
		"identifier.name":                     "山嵐度假飯店股份有限公司",
		"hiringOrganization.sameAs":           "https://example.com/",
		"hiringOrganization.logo":             "https://example.com/logo.png",
		"directApply":                         true,
		"totalJobOpenings":                    2.0,
		"jobStartDate":                        "錄取後兩週內",
		"workHours":                           "週一至週五 09:00–18:00",
		"jobBenefits":                         "勞保、健保、年終獎金",
	}
	for path, v := range want {
		if got := jdGet(m, strings.Split(path, ".")...); !reflect.DeepEqual(got, v) {
			t.Errorf("%s = %#v, want %#v", path, got, v)
		}
	}
	if got := jdGet(m, "employmentType"); !reflect.DeepEqual(got, []any{"FULL_TIME"}) {
		t.Errorf("employmentType = %v", got)
	}
	if _, ok := m["jobLocationType"]; ok {
		t.Error("an on-site job has jobLocationType")
	}
	resp, _ := m["responsibilities"].([]any)
	if len(resp) != 4 || resp[0] != "人際溝通與協調：和顧客有效溝通" {
		t.Errorf("responsibilities = %v", resp)
	}
	skills, _ := m["skills"].([]any)
	if len(skills) != 3 || skills[2] != "應用各種溝通技巧" {
		t.Errorf("skills (catalogue order, no note marks) = %v", skills)
	}
	desc, _ := m["description"].(string)
	for _, w := range []string{"<h3>工作內容</h3>", "<li>和顧客有效溝通</li>", "<strong>工作待遇</strong>：月薪 36,000～45,000 元",
		"<sup>【註15】</sup>", "THM2431-001v1"} {
		if !strings.Contains(desc, w) {
			t.Errorf("description lacks %q", w)
		}
	}
	if strings.Contains(desc, "在團隊環境工作") {
		t.Error("description holds an excluded duty")
	}
	if !strings.Contains(string(d.Meta.StructuredData), `\u003ch3\u003e`) {
		t.Error("JSON-LD does not escape < in strings")
	}
}

func TestJobPostingVariants(t *testing.T) {
	t.Run("remote", func(t *testing.T) {
		o := jdOverlay()
		o.Remote = true
		o.Location = Location{}
		d := jdBuild(t, jdStandard(), o, templates.Options{})
		m := jdJSON(t, d)
		if m["jobLocationType"] != "TELECOMMUTE" || jdGet(m, "applicantLocationRequirements", "name") != "TW" ||
			jdGet(m, "applicantLocationRequirements", "@type") != "Country" {
			t.Errorf("remote JSON-LD: %v %v", m["jobLocationType"], m["applicantLocationRequirements"])
		}
		if _, ok := m["jobLocation"]; ok {
			t.Error("remote job without address has jobLocation")
		}
		if !strings.Contains(jdBlocksText(d), "上班地點遠端工作") {
			t.Error("visible text does not say the job is remote")
		}
	})
	t.Run("hybrid", func(t *testing.T) {
		o := jdOverlay()
		o.Remote = true
		d := jdBuild(t, jdStandard(), o, templates.Options{})
		m := jdJSON(t, d)
		if m["jobLocationType"] != "TELECOMMUTE" || m["jobLocation"] == nil {
			t.Error("hybrid job lacks jobLocation or TELECOMMUTE")
		}
		if !strings.Contains(jdBlocksText(d), "海岸路 88 號（可部分遠端工作）") {
			t.Error("visible text does not say the job is partly remote")
		}
	})
	t.Run("negotiable", func(t *testing.T) {
		o := jdOverlay()
		o.Salary = Salary{Negotiable: true}
		d := jdBuild(t, jdStandard(), o, templates.Options{})
		if _, ok := jdJSON(t, d)["baseSalary"]; ok {
			t.Error("面議 has baseSalary")
		}
		if !strings.Contains(jdBlocksText(d), "工作待遇面議") {
			t.Error("visible text does not say 面議")
		}
	})
	t.Run("negotiable from", func(t *testing.T) {
		o := jdOverlay()
		o.Salary = Salary{Min: 40000, Negotiable: true}
		d := jdBuild(t, jdStandard(), o, templates.Options{})
		if !strings.Contains(jdBlocksText(d), "工作待遇面議（月薪 40,000 元以上）") {
			t.Error("visible text lacks the negotiable minimum")
		}
	})
	t.Run("fixed hourly", func(t *testing.T) {
		o := jdOverlay()
		o.Salary = Salary{Min: 200, Max: 200, Unit: "HOUR"}
		d := jdBuild(t, jdStandard(), o, templates.Options{})
		m := jdJSON(t, d)
		if jdGet(m, "baseSalary", "value", "value") != 200.0 || jdGet(m, "baseSalary", "value", "unitText") != "HOUR" ||
			jdGet(m, "baseSalary", "value", "minValue") != nil {
			t.Errorf("baseSalary = %v", m["baseSalary"])
		}
		if !strings.Contains(jdBlocksText(d), "工作待遇時薪 200 元") {
			t.Error("visible hourly pay wrong")
		}
	})
	t.Run("date from options", func(t *testing.T) {
		o := jdOverlay()
		o.DatePosted, o.ValidThrough = "", ""
		d := jdBuild(t, jdStandard(), o, templates.Options{Date: time.Date(2025, 5, 6, 0, 0, 0, 0, time.UTC)})
		if got := jdJSON(t, d)["datePosted"]; got != "2025-05-06" {
			t.Errorf("datePosted = %v", got)
		}
	})
}
