package jobdesc

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/html"
	"github.com/ocs-project/ocs/render/text"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// jdBundled loads a bundled standard from the repository.
func jdBundled(t *testing.T, code string) *standard.Standard {
	t.Helper()
	s, err := standard.Load(filepath.Join("..", "..", "standards", code+".toml"))
	if err != nil {
		t.Fatalf("load %s: %v", code, err)
	}
	return s
}

// jdExample loads an overlay of the examples folder.
func jdExample(t *testing.T, name string) *Overlay {
	t.Helper()
	o, err := LoadOverlay(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return o
}

// jdPages renders a document as HTML and text, checking the HTML parses
// as XML and the text holds every text of the body.
func jdPages(t *testing.T, d *render.Document) (page, plain string) {
	t.Helper()
	h, err := html.Render(d, html.Options{})
	if err != nil {
		t.Fatalf("html: %v", err)
	}
	if again, _ := html.Render(d, html.Options{}); !bytes.Equal(h, again) {
		t.Error("two HTML renders differ")
	}
	dec := xml.NewDecoder(bytes.NewReader(h))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("HTML is not well-formed: %v", err)
		}
	}
	txt, err := text.Render(d)
	if err != nil {
		t.Fatalf("text: %v", err)
	}
	flat := strings.Join(strings.Fields(string(txt)), "")
	render.Walk(d, func(where, s string) {
		if strings.HasPrefix(where, "blocks") && !strings.Contains(flat, strings.Join(strings.Fields(s), "")) {
			t.Errorf("text output lacks %s %q", where, s)
		}
	})
	return string(h), string(txt)
}

func TestJobDescriptionBundledPosting(t *testing.T) {
	s := jdBundled(t, "THM2431-001v1")
	o := jdExample(t, "company-overlay.toml")
	if ps := o.Validate(s); len(ps) != 0 {
		t.Fatalf("example overlay has problems:\n%v", ps)
	}
	d := jdBuild(t, s, o, templates.Options{})
	page, plain := jdPages(t, d)

	for _, want := range []string{
		"行銷業務專員（會議及宴會）", "為銷售活動進行準備", "協同處理抱怨", "月薪 36,000～45,000 元",
		"職能基準建議條件：學歷背景：觀光休閒餐旅/商管/傳播系所大專以上畢業，具備旅宿業相關（含實習）工作經歷 2 年以上，且須具外語溝通能力尤佳。",
		"學歷要求：大專以上", "科系要求：觀光休閒餐旅、商管、傳播", "工作經歷：旅宿業相關（含實習）工作經歷 2 年以上",
		"語文條件：英文：聽、說、讀、寫中等", "擅長工具：Microsoft Excel、Google 試算表",
		"本職務說明依據職能基準《行銷業務專員》THM2431-001v1（級別 3）編製。",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(plain, "在團隊環境工作") {
		t.Error("excluded duty T2 is in the text")
	}

	start := strings.Index(page, `<script type="application/ld+json">`)
	end := strings.Index(page, "</script>")
	if start < 0 || end < start {
		t.Fatal("no JSON-LD in the page")
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(page[start+len(`<script type="application/ld+json">`):end]), &ld); err != nil {
		t.Fatalf("JSON-LD in the page: %v", err)
	}
	for _, k := range []string{"title", "description", "datePosted", "hiringOrganization", "jobLocation", "validThrough",
		"employmentType", "baseSalary", "occupationalCategory", "skills", "responsibilities", "qualifications",
		"identifier"} {
		if _, ok := ld[k]; !ok {
			t.Errorf("JobPosting lacks %s", k)
		}
	}
	if jdGet(ld, "educationRequirements", "credentialCategory") != "associate degree" || jdGet(ld, "experienceRequirements", "monthsOfExperience") != 24.0 {
		t.Errorf("requirements the overlay states: %v %v", ld["educationRequirements"], ld["experienceRequirements"])
	}
	if ld["datePosted"] != "2025-03-03" || jdGet(ld, "hiringOrganization", "name") != o.Company {
		t.Errorf("JobPosting values: %v %v", ld["datePosted"], ld["hiringOrganization"])
	}
}

func TestJobDescriptionBundledProfiles(t *testing.T) {
	for _, code := range []string{"THM2431-001v1", "BAS1219-002v4"} {
		t.Run(code, func(t *testing.T) {
			s := jdBundled(t, code)
			d := jdBuild(t, s, nil, templates.Options{})
			_, plain := jdPages(t, d)
			if !strings.Contains(plain, "職業說明") || strings.Contains(plain, "工作待遇") {
				t.Errorf("profile text:\n%s", plain)
			}
			var ld map[string]any
			if err := json.Unmarshal(d.Meta.StructuredData, &ld); err != nil || ld["@type"] != "Occupation" {
				t.Errorf("JSON-LD %v: %s", err, d.Meta.StructuredData)
			}
			// Every task of the standard is listed.
			for _, du := range s.Duties {
				for _, tk := range du.Tasks {
					if !strings.Contains(plain, tk.Title) {
						t.Errorf("profile lacks task %s %s", tk.Code, tk.Title)
					}
				}
			}
		})
	}
}

func TestJobDescriptionMinimalExample(t *testing.T) {
	s := jdBundled(t, "BAS1219-002v4")
	o := jdExample(t, "posting-minimal.toml")
	if errs := o.Validate(s).Errors(); len(errs) != 0 {
		t.Fatalf("minimal example has errors:\n%v", errs)
	}
	d := jdBuild(t, s, o, templates.Options{})
	_, plain := jdPages(t, d)
	for _, want := range []string{"企劃人員", "範例顧問有限公司", "月薪 38,000～42,000 元", "上班地點：臺北市中正區", "職能基準建議條件：大專以上畢業。"} {
		if !strings.Contains(plain, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

func TestJobDescriptionHostileOverlay(t *testing.T) {
	s := jdBundled(t, "THM2431-001v1")
	o, err := ParseOverlay([]byte(`standard = "THM2431-001v1"
company = "<script>alert(1)</script>"
title = "業務</script><script>alert(2)</script>"
benefits = ["<img src=x onerror=alert(3)>"]
date_posted = "2025-03-03"
[salary]
min = 36000
max = 40000
[location]
region = "臺北市"
[contact]
email = "a@example.com"
`), "hostile.toml")
	if err != nil {
		t.Fatal(err)
	}
	d := jdBuild(t, s, o, templates.Options{})
	page, _ := jdPages(t, d)
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d <script elements, want 1", n)
	}
	for _, bad := range []string{"<script>alert", "<img", "</script><script>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(page, "&lt;img src=x onerror=alert(3)&gt;") {
		t.Error("hostile text is not shown escaped")
	}
	var ld map[string]any
	start := strings.Index(page, `<script type="application/ld+json">`) + len(`<script type="application/ld+json">`)
	if err := json.Unmarshal([]byte(page[start:strings.Index(page, "</script>")]), &ld); err != nil {
		t.Fatal(err)
	}
	if jdGet(ld, "hiringOrganization", "name") != "<script>alert(1)</script>" {
		t.Errorf("JSON-LD company = %v", jdGet(ld, "hiringOrganization", "name"))
	}
}
