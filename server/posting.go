package server

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

// input is one field of a form: its key (the overlay's field path), its
// label in both languages and its kind.
type input struct {
	Key   string
	Label [2]string
	Kind  string   // text, textarea, number, date, check, lines, select, multi
	Opts  []string // choices of a select or multi
}

// group is a titled set of fields.
type group struct {
	Title  string // a key of words
	Inputs []input
}

// postingForm lists every overlay field (see jobdesc.Overlay), in the
// order an HR officer fills them in. Include is drawn from the standard.
var postingForm = []group{
	{"company", []input{
		{Key: "company", Label: [2]string{"公司名稱（必填）", "Company (required)"}, Kind: "text"},
		{Key: "unit", Label: [2]string{"部門", "Department"}, Kind: "text"},
		{Key: "title", Label: [2]string{"職稱（預設為職能基準名稱）", "Job title (default: the standard's name)"}, Kind: "text"},
		{Key: "description", Label: [2]string{"工作說明", "About the job"}, Kind: "textarea"},
	}},
	{"place", []input{
		{Key: "location.address", Label: [2]string{"地址", "Address"}, Kind: "text"},
		{Key: "location.region", Label: [2]string{"縣市", "County or city"}, Kind: "text"},
		{Key: "location.locality", Label: [2]string{"鄉鎮市區", "District"}, Kind: "text"},
		{Key: "location.postal_code", Label: [2]string{"郵遞區號", "Postal code"}, Kind: "text"},
		{Key: "location.country", Label: [2]string{"國家代碼（預設 TW）", "Country code (default TW)"}, Kind: "text"},
		{Key: "remote", Label: [2]string{"可遠端工作", "Can be done from home"}, Kind: "check"},
	}},
	{"pay", []input{
		{Key: "salary.min", Label: [2]string{"最低薪資（新臺幣）", "Lowest pay (NT$)"}, Kind: "number"},
		{Key: "salary.max", Label: [2]string{"最高薪資（新臺幣）", "Highest pay (NT$)"}, Kind: "number"},
		{Key: "salary.unit", Label: [2]string{"計薪單位", "Per"}, Kind: "select", Opts: []string{"", "MONTH", "HOUR", "DAY", "WEEK", "YEAR"}},
		{Key: "salary.negotiable", Label: [2]string{"面議", "Negotiable (面議)"}, Kind: "check"},
	}},
	{"work", []input{
		{Key: "employment_type", Label: [2]string{"工作性質", "Employment type"}, Kind: "multi",
			Opts: []string{"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}},
		{Key: "hours", Label: [2]string{"上班時段", "Working hours"}, Kind: "text"},
		{Key: "headcount", Label: [2]string{"需求人數", "Headcount"}, Kind: "number"},
		{Key: "start_date", Label: [2]string{"到職日", "Start"}, Kind: "text"},
		{Key: "benefits", Label: [2]string{"福利", "Benefits"}, Kind: "lines"},
	}},
	{"contact", []input{
		{Key: "contact.name", Label: [2]string{"聯絡人", "Name"}, Kind: "text"},
		{Key: "contact.email", Label: [2]string{"電子郵件", "E-mail"}, Kind: "email"},
		{Key: "contact.phone", Label: [2]string{"電話", "Phone"}, Kind: "text"},
		{Key: "contact.url", Label: [2]string{"網址", "Web address"}, Kind: "url"},
	}},
	{"dates", []input{
		{Key: "date_posted", Label: [2]string{"刊登日期（YYYY-MM-DD）", "Posted on (YYYY-MM-DD)"}, Kind: "date"},
		{Key: "valid_through", Label: [2]string{"截止日期（YYYY-MM-DD）", "Open until (YYYY-MM-DD)"}, Kind: "date"},
	}},
	{"duties", []input{
		{Key: "include", Label: [2]string{"包含的職責與任務", "Duties and tasks the job covers"}, Kind: "scope"},
		{Key: "exclude", Label: [2]string{"排除的職責或任務代碼", "Duty or task codes to leave out"}, Kind: "lines"},
		{Key: "show_indicators", Label: [2]string{"列出行為指標", "List the performance indicators"}, Kind: "check"},
	}},
	{"reqs", []input{
		{Key: "requirements.education", Label: [2]string{"學歷要求", "Education"}, Kind: "text"},
		{Key: "requirements.education_level", Label: [2]string{"學歷類別", "Education level"}, Kind: "select",
			Opts: []string{"", "high school", "associate degree", "bachelor degree", "postgraduate degree", "professional certificate"}},
		{Key: "requirements.majors", Label: [2]string{"科系要求", "Majors"}, Kind: "lines"},
		{Key: "requirements.experience", Label: [2]string{"工作經歷", "Experience"}, Kind: "text"},
		{Key: "requirements.experience_months", Label: [2]string{"工作經歷（月）", "Experience (months)"}, Kind: "number"},
		{Key: "requirements.languages", Label: [2]string{"語文條件", "Languages"}, Kind: "lines"},
		{Key: "requirements.licenses", Label: [2]string{"具備證照", "Licences"}, Kind: "lines"},
		{Key: "requirements.tools", Label: [2]string{"擅長工具", "Tools"}, Kind: "lines"},
		{Key: "requirements.skills", Label: [2]string{"工作技能", "Skills"}, Kind: "lines"},
		{Key: "requirements.other", Label: [2]string{"其他條件", "Other"}, Kind: "lines"},
	}},
}

// formInputs returns every input of groups.
func formInputs(groups []group) []input {
	var out []input
	for _, g := range groups {
		out = append(out, g.Inputs...)
	}
	return out
}

// overlayTOML writes the posting form's values as an overlay file for
// standard code: only the fields filled in, numbers as numbers when they
// are numbers (else as written, so the overlay's own check reports them
// at their field), lists one item a line.
func overlayTOML(code string, form url.Values) []byte {
	root := map[string]any{"standard": code}
	for _, in := range formInputs(postingForm) {
		var v any
		switch in.Kind {
		case "check":
			if form.Get(in.Key) != "" {
				v = true
			}
		case "multi", "scope":
			if vs := nonEmpty(form[in.Key]); len(vs) > 0 {
				v = vs
			}
		case "lines":
			if vs := nonEmpty(strings.Split(strings.ReplaceAll(form.Get(in.Key), "\r", ""), "\n")); len(vs) > 0 {
				v = vs
			}
		case "number":
			t := strings.TrimSpace(form.Get(in.Key))
			if n, err := strconv.ParseInt(t, 10, 64); err == nil {
				v = n
			} else if t != "" {
				v = t
			}
		default:
			if t := strings.TrimSpace(form.Get(in.Key)); t != "" {
				v = t
			}
		}
		if v == nil {
			continue
		}
		m := root
		parts := strings.Split(in.Key, ".")
		for _, p := range parts[:len(parts)-1] {
			sub, _ := m[p].(map[string]any)
			if sub == nil {
				sub = map[string]any{}
				m[p] = sub
			}
			m = sub
		}
		m[parts[len(parts)-1]] = v
	}
	var b bytes.Buffer
	b.WriteString("# Company details for a job posting (ocs overlay), saved from ocs serve.\n")
	_ = toml.NewEncoder(&b).Encode(root)
	return b.Bytes()
}

// nonEmpty returns the trimmed values that are not empty.
func nonEmpty(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// overlayForm turns a loaded overlay back into form values.
func overlayForm(o *jobdesc.Overlay) url.Values {
	f := url.Values{}
	set := func(k, v string) {
		if v != "" {
			f.Set(k, v)
		}
	}
	num := func(k string, n int) {
		if n != 0 {
			f.Set(k, strconv.Itoa(n))
		}
	}
	chk := func(k string, b bool) {
		if b {
			f.Set(k, "on")
		}
	}
	lines := func(k string, vs []string) { set(k, strings.Join(vs, "\n")) }
	set("company", o.Company)
	set("unit", o.Unit)
	set("title", o.Title)
	set("description", o.Description)
	set("location.address", o.Location.Address)
	set("location.region", o.Location.Region)
	set("location.locality", o.Location.Locality)
	set("location.postal_code", o.Location.PostalCode)
	set("location.country", o.Location.Country)
	chk("remote", o.Remote)
	num("salary.min", o.Salary.Min)
	num("salary.max", o.Salary.Max)
	set("salary.unit", strings.ToUpper(o.Salary.Unit))
	chk("salary.negotiable", o.Salary.Negotiable)
	f["employment_type"] = slices.Clone(o.EmploymentType)
	set("hours", o.Hours)
	num("headcount", o.Headcount)
	set("start_date", o.StartDate)
	lines("benefits", o.Benefits)
	set("contact.name", o.Contact.Name)
	set("contact.email", o.Contact.Email)
	set("contact.phone", o.Contact.Phone)
	set("contact.url", o.Contact.URL)
	set("date_posted", string(o.DatePosted))
	set("valid_through", string(o.ValidThrough))
	f["include"] = slices.Clone(o.Include)
	lines("exclude", o.Exclude)
	chk("show_indicators", o.ShowIndicators)
	rq := o.Requirements
	set("requirements.education", rq.Education)
	set("requirements.education_level", rq.EducationLevel)
	lines("requirements.majors", rq.Majors)
	set("requirements.experience", rq.Experience)
	num("requirements.experience_months", rq.ExperienceMonths)
	lines("requirements.languages", rq.Languages)
	lines("requirements.licenses", rq.Licenses)
	lines("requirements.tools", rq.Tools)
	lines("requirements.skills", rq.Skills)
	lines("requirements.other", rq.Other)
	return f
}

// fieldOf is the form field a problem's path belongs to: the path
// without list indexes ("employment_type[1]" → "employment_type").
func fieldOf(path string) string {
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
}

// scopeItem is a duty or task to tick.
type scopeItem struct {
	Code, Title string
	Task        bool
}

// scopeItems lists the duties and tasks of s.
func scopeItems(s *standard.Standard) []scopeItem {
	var out []scopeItem
	for _, d := range s.Duties {
		out = append(out, scopeItem{Code: d.Code, Title: d.Title})
		for _, t := range d.Tasks {
			out = append(out, scopeItem{Code: t.Code, Title: t.Title, Task: true})
		}
	}
	return out
}

// postingView is what the posting page shows.
type postingView struct {
	S        standardJSON
	Groups   []group
	Scope    []scopeItem
	Form     url.Values
	ByField  map[string]standard.Problems
	Problems standard.Problems
	Checked  bool
	Formats  []pipeline.Format
}

// Has reports whether the form has value v for key.
func (v postingView) Has(key, val string) bool { return slices.Contains(v.Form[key], val) }

func (s *Server) pagePosting(w http.ResponseWriter, r *http.Request) {
	e := s.entryOf(w, r)
	if e == nil {
		return
	}
	s.showPosting(w, r, e, url.Values{}, nil, false, http.StatusOK)
}

func (s *Server) showPosting(w http.ResponseWriter, r *http.Request, e *entry, form url.Values, ps standard.Problems, checked bool, status int) {
	v := postingView{S: e.json(), Groups: postingForm, Scope: scopeItems(e.Std), Form: form,
		ByField: map[string]standard.Problems{}, Problems: ps, Checked: checked, Formats: pipeline.Formats()}
	for i := range ps {
		ps[i].Line = 0 // lines of the form's own TOML mean nothing to its user
		p := ps[i]
		k := fieldOf(p.Path)
		v.ByField[k] = append(v.ByField[k], p)
	}
	s.render(w, r, status, "posting", word(pageLang(r), "posting")+" · "+e.Std.Name(), v)
}

// postPosting answers the posting form's buttons: check, preview, save,
// load and download.
func (s *Server) postPosting(w http.ResponseWriter, r *http.Request) {
	e := s.formEntry(w, r)
	if e == nil {
		return
	}
	action := r.FormValue("action")
	if action == "load" {
		data, name, ok, f := field(r, "details", "details.toml")
		if f != nil {
			s.pageFailure(w, r, f)
			return
		}
		if !ok {
			s.showPosting(w, r, e, r.Form, nil, false, http.StatusOK)
			return
		}
		ov, err := pipeline.ParseOverlay(name, data)
		if err != nil {
			s.showPosting(w, r, e, r.Form, contentFailure("overlay", err).problems, true, http.StatusUnprocessableEntity)
			return
		}
		ps := ov.Validate(e.Std)
		s.showPosting(w, r, e, overlayForm(ov), ps, true, http.StatusOK)
		return
	}
	code := e.Code
	data := overlayTOML(code, r.Form)
	if action == "save" {
		sendDocument(w, &output{data: data, media: "application/toml; charset=utf-8", name: pipeline.Stem(e.Std, e.Src) + "-overlay.toml"}, "attachment")
		return
	}
	ov, err := pipeline.ParseOverlay("posting form", data)
	var ps standard.Problems
	if err != nil {
		ps = contentFailure("overlay", err).problems
	} else {
		ps = ov.Validate(e.Std)
	}
	switch action {
	case "preview", "download":
		if len(ps.Errors()) > 0 {
			if action == "preview" {
				s.render(w, r, http.StatusUnprocessableEntity, "problems", word(pageLang(r), "problems"), ps)
				return
			}
			s.showPosting(w, r, e, r.Form, ps, true, http.StatusUnprocessableEntity)
			return
		}
		j := s.pageJob(r, pipeline.JobDesc, pipeline.HTML, e.Std, e.Src)
		j.opt.Overlay = ov
		disp := "inline"
		if action == "download" {
			if j.format, err = pipeline.ParseFormat(r.FormValue("format")); err != nil {
				s.pageFailure(w, r, badRequest("%v", err))
				return
			}
			disp = "attachment"
		}
		out, f := s.produce(r.Context(), j)
		if f != nil {
			s.pageFailure(w, r, f)
			return
		}
		sendDocument(w, out, disp)
	default:
		status := http.StatusOK
		if len(ps.Errors()) > 0 {
			status = http.StatusUnprocessableEntity
		}
		s.showPosting(w, r, e, r.Form, ps, true, status)
	}
}
