package server

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

// newTestServer returns a server on the bundled standards.
func newTestServer(t testing.TB, c Config) *Server {
	t.Helper()
	s, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// part is a multipart field: a file when file is not empty.
type part struct{ name, file, value string }

// multipartBody builds a multipart body of parts.
func multipartBody(t testing.TB, parts ...part) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, p := range parts {
		var err error
		var fw io.Writer
		if p.file != "" {
			fw, err = w.CreateFormFile(p.name, p.file)
		} else {
			fw, err = w.CreateFormField(p.name)
		}
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.WriteString(fw, p.value)
	}
	_ = w.Close()
	return &b, w.FormDataContentType()
}

// do sends a request to h and returns the recorded answer.
func do(h http.Handler, method, url string, body io.Reader, ctype string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, url, body)
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// problemsOf decodes a problems answer.
func problemsOf(t *testing.T, w *httptest.ResponseRecorder) []problemJSON {
	t.Helper()
	var v struct{ Problems []problemJSON }
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("answer is not problems JSON: %v\n%s", err, w.Body)
	}
	return v.Problems
}

func TestRoutes(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	for _, tc := range []struct {
		method, url string
		status      int
		ctype, body string // body: a piece the answer must hold
	}{
		{"GET", "/health", 200, "application/json", `"status": "up"`},
		{"HEAD", "/health", 200, "application/json", ""},
		{"GET", "/version", 200, "application/json", `"version": "dev"`},
		{"GET", "/api/openapi.json", 200, "application/json", `"openapi": "3.1.0"`},
		{"GET", "/api/standards", 200, "application/json", `"code": "THM2431-001v1"`},
		{"GET", "/api/standards", 200, "application/json", `"name": "行銷業務專員"`},
		{"GET", "/metrics", 200, "text/plain", "ocs_http_requests_total"},
		{"GET", "/", 200, "text/html", "THM2431-001v1"},
		{"GET", "/?q=BAS", 200, "text/html", "BAS1219-002v4"},
		{"GET", "/standards/THM2431-001v1", 200, "text/html", "行銷業務專員"},
		{"GET", "/standards/THM2431-001v1/document", 200, "text/html", "依照不同客戶型態安排客戶服務活動"},
		{"GET", "/standards/THM2431-001v1/document?format=txt", 200, "text/plain", "行銷業務專員"},
		{"GET", "/standards/NOPE", 404, "text/html", ""},
		{"GET", "/posting/THM2431-001v1", 200, "text/html", `name="contact.email"`},
		{"GET", "/assessment/THM2431-001v1", 200, "text/html", `name="roster"`},
		{"GET", "/assessment/THM2431-001v1", 200, "text/html", `value="checklist" > 實作觀察檢核表`},
		{"GET", "/assessment/THM2431-001v1?lang=en", 200, "text/html", `value="checklist" > Observation checklist`},
		{"GET", "/check", 200, "text/html", `name="standard"`},
		{"GET", "/static/style.css", 200, "text/css", "--accent"},
		{"GET", "/static/app.js", 200, "javascript", "requestSubmit"},
		{"GET", "/nothing/here", 404, "text/html", ""},
		{"POST", "/health", 405, "", ""},
		{"GET", "/api/render/standard", 404, "application/json", "openapi.json"},
		{"GET", "/api/nothing", 404, "application/json", "openapi.json"},
		{"POST", "/api/render/poster", 404, "application/json", "no document kind"},
	} {
		w := do(h, tc.method, tc.url, nil, "")
		if w.Code != tc.status {
			t.Errorf("%s %s: status %d, want %d\n%s", tc.method, tc.url, w.Code, tc.status, w.Body)
			continue
		}
		if ct := w.Header().Get("Content-Type"); !strings.Contains(ct, tc.ctype) {
			t.Errorf("%s %s: Content-Type %q, want %q", tc.method, tc.url, ct, tc.ctype)
		}
		if !strings.Contains(w.Body.String(), tc.body) {
			t.Errorf("%s %s: answer lacks %q", tc.method, tc.url, tc.body)
		}
		for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Request-Id"} {
			if w.Header().Get(k) == "" {
				t.Errorf("%s %s: no %s header", tc.method, tc.url, k)
			}
		}
		if csp := w.Header().Get("Content-Security-Policy"); strings.Contains(csp, "http") || strings.Contains(csp, "*") {
			t.Errorf("%s %s: CSP allows other origins: %s", tc.method, tc.url, csp)
		}
	}
}

func TestHealthNotReady(t *testing.T) {
	s := newTestServer(t, Config{})
	s.SetReady(false)
	if w := do(s.Handler(), "GET", "/health", nil, ""); w.Code != 503 || !strings.Contains(w.Body.String(), "down") {
		t.Errorf("not ready: %d %s, want 503 down", w.Code, w.Body)
	}
}

func TestRequestID(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	if got := do(h, "GET", "/health", nil, "", "X-Request-Id", "abc-123").Header().Get("X-Request-Id"); got != "abc-123" {
		t.Errorf("echoed id %q, want abc-123", got)
	}
	if got := do(h, "GET", "/health", nil, "", "X-Request-Id", "bad id\x01").Header().Get("X-Request-Id"); got == "" || strings.ContainsAny(got, " \x01") {
		t.Errorf("a bad client id gave %q, want a fresh one", got)
	}
}

func TestCheck(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	bad := "code = \"X\"\nname = [\n"
	w := do(h, "POST", "/api/check", strings.NewReader(bad), "application/toml")
	ps := problemsOf(t, w)
	if w.Code != 200 || len(ps) != 1 || ps[0].Line != 2 || ps[0].Rule != "TOML" || ps[0].Severity != "error" {
		t.Errorf("check of a broken TOML: %d %+v, want one TOML error on line 2", w.Code, ps)
	}
	body, ct := multipartBody(t, part{"standard", "draft.toml", bad})
	if ps := problemsOf(t, do(h, "POST", "/api/check", body, ct)); len(ps) != 1 || ps[0].Line != 2 {
		t.Errorf("multipart check: %+v, want the same problem", ps)
	}
	good, err := os.ReadFile("../standards/THM2431-001v1.toml")
	if err != nil {
		t.Fatal(err)
	}
	w = do(h, "POST", "/api/check", bytes.NewReader(good), "application/toml")
	for _, p := range problemsOf(t, w) {
		if p.Severity == "error" {
			t.Errorf("the bundled standard has an error: %+v", p)
		}
	}
	if w := do(h, "POST", "/api/check", strings.NewReader(""), "application/toml"); w.Code != 400 {
		t.Errorf("empty check: %d, want 400", w.Code)
	}
}

func TestRender(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	for _, tc := range []struct {
		name, url string
		parts     []part
		hdr       []string
		status    int
		ctype     string
		file      string // the UTF-8 file name in Content-Disposition
		body      string
	}{
		{"pdf by code", "/api/render/standard?format=pdf", []part{{"code", "", "THM2431-001v1"}}, nil, 200, "application/pdf", "THM2431-001v1-standard.pdf", "%PDF-"},
		{"docx by Accept", "/api/render/standard", []part{{"code", "", "THM2431-001v1"}},
			[]string{"Accept", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}, 200, "wordprocessingml", "THM2431-001v1-standard.docx", "PK"},
		{"txt in English", "/api/render/standard?format=txt", []part{{"code", "", "THM2431-001v1"}, {"lang", "", "en"}}, nil, 200, "text/plain", "", "Occupational Competency Standard"},
		{"uploaded standard", "/api/render/standard?format=txt", []part{{"standard", "../../etc/passwd", mustRead(t, "../standards/BAS1219-002v4.toml")}}, nil, 200, "text/plain", "BAS1219-002v4-standard.txt", ""},
		{"profile", "/api/render/jobdesc?format=html", []part{{"code", "", "THM2431-001v1"}}, nil, 200, "text/html", "THM2431-001v1-profile.html", "行銷業務專員"},
		{"posting", "/api/render/jobdesc?format=html", []part{{"code", "", "THM2431-001v1"}, {"overlay", "co.toml", mustRead(t, "../examples/company-overlay.toml")}}, nil, 200, "text/html", "THM2431-001v1-jobdesc.html", "山嵐度假飯店"},
		{"assessment blank", "/api/render/assessment?format=txt", []part{{"code", "", "THM2431-001v1"}, {"config", "a.toml", "scope = [\"T1\"]\n"}}, nil, 200, "text/plain", "THM2431-001v1-assessment.txt", "T1.1"},
		{"roster combined", "/api/render/assessment?format=pdf", []part{{"code", "", "THM2431-001v1"}, {"roster", "r.csv", "姓名\n王小明\n李美華\n"}, {"combine", "", "true"}}, nil, 200, "application/pdf", "THM2431-001v1-assessment.pdf", "%PDF-"},
		{"no standard", "/api/render/standard", []part{{"lang", "", "en"}}, nil, 400, "application/json", "", "say which standard"},
		{"unknown code", "/api/render/standard", []part{{"code", "", "NOPE"}}, nil, 404, "application/json", "", "no standard"},
		{"bad format", "/api/render/standard?format=odt", []part{{"code", "", "THM2431-001v1"}}, nil, 400, "application/json", "", "unknown format"},
		{"bad lang", "/api/render/standard", []part{{"code", "", "THM2431-001v1"}, {"lang", "", "fr"}}, nil, 400, "application/json", "", "unknown language"},
		{"roster with standard kind", "/api/render/standard", []part{{"code", "", "THM2431-001v1"}, {"roster", "r.csv", "姓名\nA\n"}}, nil, 400, "application/json", "", "roster goes with"},
		{"broken standard", "/api/render/standard", []part{{"standard", "s.toml", "code = [\n"}}, nil, 422, "application/json", "", `"rule": "TOML"`},
		{"overlay J12", "/api/render/jobdesc", []part{{"code", "", "THM2431-001v1"}, {"overlay", "o.toml", "company = \"A\"\n[contact]\nemail = \"x@\"\n"}}, nil, 422, "application/json", "", `"rule": "J12"`},
		{"overlay unknown key", "/api/render/jobdesc", []part{{"code", "", "THM2431-001v1"}, {"overlay", "o.toml", "compnay = \"A\"\n"}}, nil, 422, "application/json", "", `"line": 1`},
		{"bad config", "/api/render/assessment", []part{{"code", "", "THM2431-001v1"}, {"config", "a.toml", "parts = [\"poster\"]\n"}}, nil, 422, "application/json", "", `"path": "parts"`},
		{"roster without names", "/api/render/assessment", []part{{"code", "", "THM2431-001v1"}, {"roster", "r.csv", "姓名,編號\n王小明,A1\n,A2\n"}}, nil, 422, "application/json", "", `"line": 3`},
	} {
		body, ct := multipartBody(t, tc.parts...)
		w := do(h, "POST", tc.url, body, ct, tc.hdr...)
		if w.Code != tc.status {
			t.Errorf("%s: status %d, want %d\n%.400s", tc.name, w.Code, tc.status, w.Body)
			continue
		}
		if got := w.Header().Get("Content-Type"); !strings.Contains(got, tc.ctype) {
			t.Errorf("%s: Content-Type %q, want %q", tc.name, got, tc.ctype)
		}
		if tc.file != "" && !strings.Contains(w.Header().Get("Content-Disposition"), "filename*=UTF-8''"+tc.file) {
			t.Errorf("%s: Content-Disposition %q, want file %s", tc.name, w.Header().Get("Content-Disposition"), tc.file)
		}
		if !strings.Contains(w.Body.String(), tc.body) {
			t.Errorf("%s: answer lacks %q\n%.400s", tc.name, tc.body, w.Body)
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRenderRosterZIP(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	big5, err := traditionalchinese.Big5.NewEncoder().String("姓名,編號\n王小明,A001\n李美華,A002\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []struct{ name, data string }{
		{"utf-8", "姓名,編號\n王小明,A001\n李美華,A002\n"},
		{"big5", big5},
		{"utf-16le", utf16le("\ufeff姓名,編號\r\n王小明,A001\r\n李美華,A002\r\n")},
	} {
		body, ct := multipartBody(t, part{"code", "", "THM2431-001v1"}, part{"roster", "名冊.csv", enc.data})
		w := do(h, "POST", "/api/render/assessment?format=txt", body, ct)
		if w.Code != 200 || w.Header().Get("Content-Type") != "application/zip" {
			t.Fatalf("%s roster: %d %s\n%.300s", enc.name, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
		zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
			rc, _ := f.Open()
			text, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(text), strings.TrimSuffix(strings.SplitN(f.Name, "_", 2)[1], ".txt")) {
				t.Errorf("%s: %s does not name its candidate", enc.name, f.Name)
			}
		}
		if got := strings.Join(names, " "); got != "A001_王小明.txt A002_李美華.txt" {
			t.Errorf("%s roster: ZIP holds %q", enc.name, got)
		}
	}
}

// utf16le encodes s as UTF-16 little-endian (BMP only).
func utf16le(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func TestDeterministic(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	var first []byte
	for i := range 2 {
		body, ct := multipartBody(t, part{"code", "", "THM2431-001v1"}, part{"roster", "r.csv", "姓名\n甲\n乙\n"})
		w := do(h, "POST", "/api/render/assessment?format=docx", body, ct)
		if w.Code != 200 {
			t.Fatalf("%d %s", w.Code, w.Body)
		}
		if i == 0 {
			first = w.Body.Bytes()
		} else if !bytes.Equal(first, w.Body.Bytes()) {
			t.Error("the same request gave different bytes")
		}
	}
}

func TestLimits(t *testing.T) {
	s := newTestServer(t, Config{MaxBody: 1 << 20, Token: "s3cret"})
	h := s.Handler()
	huge := strings.Repeat("a", 2<<20)
	auth := []string{"Authorization", "Bearer s3cret"}
	body, ct := multipartBody(t, part{"standard", "s.toml", huge})
	if w := do(h, "POST", "/api/render/standard", body, ct, auth...); w.Code != 413 {
		t.Errorf("2 MiB body with a 1 MiB limit: %d, want 413", w.Code)
	}
	// A body without Content-Length is cut at the limit too.
	r := httptest.NewRequest("POST", "/api/check", io.MultiReader(strings.NewReader(huge)))
	r.ContentLength = -1
	r.Header.Set("Content-Type", "application/toml")
	r.Header.Set("Authorization", "Bearer s3cret")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 413 {
		t.Errorf("streamed 2 MiB body: %d, want 413", w.Code)
	}
	if w := do(h, "POST", "/api/render/standard", strings.NewReader("--x\r\nbroken"), "multipart/form-data; boundary=x", auth...); w.Code != 400 {
		t.Errorf("malformed multipart: %d, want 400", w.Code)
	}
	if w := do(h, "GET", "/api/standards", nil, ""); w.Code != 401 || w.Header().Get("WWW-Authenticate") == "" {
		t.Errorf("no token: %d, want 401 with WWW-Authenticate", w.Code)
	}
	if w := do(h, "GET", "/api/standards", nil, "", "Authorization", "Bearer wrong"); w.Code != 401 {
		t.Errorf("wrong token: %d, want 401", w.Code)
	}
	for _, u := range []string{"/api/standards", "/health"} {
		hdr := auth
		if u == "/health" {
			hdr = nil // never needs the token
		}
		if w := do(h, "GET", u, nil, "", hdr...); w.Code != 200 {
			t.Errorf("%s: %d, want 200", u, w.Code)
		}
	}
}

func TestBusy(t *testing.T) {
	s := newTestServer(t, Config{MaxRenders: 1, Queue: 50 * 1e6})
	s.renders <- struct{}{} // every slot taken
	body, ct := multipartBody(t, part{"code", "", "THM2431-001v1"})
	w := do(s.Handler(), "POST", "/api/render/standard?format=txt", body, ct)
	if w.Code != 503 || w.Header().Get("Retry-After") == "" {
		t.Errorf("busy: %d Retry-After %q, want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	<-s.renders
	body, ct = multipartBody(t, part{"code", "", "THM2431-001v1"})
	if w := do(s.Handler(), "POST", "/api/render/standard?format=txt", body, ct); w.Code != 200 {
		t.Errorf("after the slot frees: %d, want 200", w.Code)
	}
}

func TestContentDisposition(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"THM2431-001v1-standard.pdf", `attachment; filename="THM2431-001v1-standard.pdf"; filename*=UTF-8''THM2431-001v1-standard.pdf`},
		{"王小明.pdf", `attachment; filename="___.pdf"; filename*=UTF-8''%E7%8E%8B%E5%B0%8F%E6%98%8E.pdf`},
		{`a"b\c%.txt`, `attachment; filename="a_b_c_.txt"; filename*=UTF-8''a%22b%5Cc%25.txt`},
	} {
		if got := contentDisposition("attachment", tc.name); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestUploadName(t *testing.T) {
	for in, want := range map[string]string{
		"../../etc/passwd": "passwd", `C:\Users\hr\名冊.csv`: "名冊.csv", "..": "x.csv", "a\x00b\nc.csv": "abc.csv", "": "x.csv",
	} {
		if got := uploadName(in, "x.csv"); got != want {
			t.Errorf("uploadName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHostileOverlay puts markup in every field of the posting form and
// checks that no page or document carries it as markup.
func TestHostileOverlay(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	const evil = `</script><b id=x>"'&`
	form := []string{"company=A"}
	for _, in := range formInputs(postingForm) {
		if in.Kind == "number" || in.Kind == "check" || in.Key == "company" {
			continue
		}
		form = append(form, in.Key+"="+url.QueryEscape(evil))
	}
	for _, action := range []string{"check", "preview", "save"} {
		body := strings.Join(append(form, "action="+action), "&")
		w := do(h, "POST", "/posting/THM2431-001v1", strings.NewReader(body), "application/x-www-form-urlencoded")
		if w.Code >= 500 {
			t.Fatalf("%s: %d", action, w.Code)
		}
		if action == "save" {
			// A TOML download keeps the text as typed, never shown as a page.
			if !strings.HasPrefix(w.Header().Get("Content-Disposition"), "attachment;") || !strings.Contains(w.Body.String(), `company = "A"`) {
				t.Errorf("save: %s\n%s", w.Header().Get("Content-Disposition"), w.Body)
			}
			continue
		}
		if strings.Contains(w.Body.String(), "<b id=x>") {
			t.Errorf("%s: the answer (%s) carries the field's markup unescaped", action, w.Header().Get("Content-Type"))
		}
		if action == "check" && !strings.Contains(w.Body.String(), "&lt;/script&gt;&lt;b id=x&gt;") {
			t.Errorf("%s: the form does not show the value back escaped", action)
		}
	}
	// A posting whose text fields all hold markup still renders, escaped.
	clean := []string{"company=" + url.QueryEscape(evil), "title=" + url.QueryEscape(evil), "description=" + url.QueryEscape(evil),
		"hours=" + url.QueryEscape(evil), "benefits=" + url.QueryEscape(evil), "contact.name=" + url.QueryEscape(evil), "action=preview"}
	w := do(h, "POST", "/posting/THM2431-001v1", strings.NewReader(strings.Join(clean, "&")), "application/x-www-form-urlencoded")
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("preview of a hostile posting: %d %s\n%.500s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if strings.Contains(w.Body.String(), "<b id=x>") || strings.Contains(w.Body.String(), "</script><b") {
		t.Error("the posting document carries the field's markup unescaped")
	}
	if got := w.Header().Get("Content-Security-Policy"); !strings.Contains(got, "sandbox") {
		t.Errorf("a rendered document's CSP is %q, want a sandbox", got)
	}
}

// TestPostingSaveLoad saves the form's details as TOML and loads them
// back: the form shows the same values.
func TestPostingSaveLoad(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	form := "action=save&company=" + url.QueryEscape("山嵐度假飯店") + "&salary.min=36000&salary.max=45000&salary.unit=MONTH" +
		"&employment_type=FULL_TIME&employment_type=PART_TIME&benefits=" + url.QueryEscape("勞保\n年終獎金\n") +
		"&include=T1&include=T3.2&contact.email=hr%40example.com&date_posted=2025-03-03"
	w := do(h, "POST", "/posting/THM2431-001v1", strings.NewReader(form), "application/x-www-form-urlencoded")
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Disposition"), "THM2431-001v1-overlay.toml") {
		t.Fatalf("save: %d %s", w.Code, w.Header().Get("Content-Disposition"))
	}
	saved := w.Body.String()
	for _, want := range []string{`standard = "THM2431-001v1"`, `company = "山嵐度假飯店"`, `employment_type = ["FULL_TIME", "PART_TIME"]`,
		`benefits = ["勞保", "年終獎金"]`, `include = ["T1", "T3.2"]`, "[salary]", "min = 36000"} {
		if !strings.Contains(saved, want) {
			t.Errorf("saved TOML lacks %s:\n%s", want, saved)
		}
	}
	body, ct := multipartBody(t, part{"action", "", "load"}, part{"details", "saved.toml", saved})
	w = do(h, "POST", "/posting/THM2431-001v1", body, ct)
	page := w.Body.String()
	for _, want := range []string{`value="山嵐度假飯店"`, `value="36000"`, `value="hr@example.com"`, "勞保\n年終獎金",
		`value="FULL_TIME" checked`, `value="T3.2" checked`, `<option value="MONTH" selected>`} {
		if !strings.Contains(page, want) {
			t.Errorf("loaded form lacks %s", want)
		}
	}
	// The API renders the saved file as it is.
	body, ct = multipartBody(t, part{"code", "", "THM2431-001v1"}, part{"overlay", "saved.toml", saved})
	if w := do(h, "POST", "/api/render/jobdesc?format=txt", body, ct); w.Code != 200 || !strings.Contains(w.Body.String(), "山嵐度假飯店") {
		t.Errorf("the saved overlay does not render: %d %.300s", w.Code, w.Body)
	}
}

// TestAssessmentPage checks the assessment form's answers: a roster
// error shows on the form with its line.
func TestAssessmentPage(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	body, ct := multipartBody(t, part{"format", "", "txt"}, part{"roster", "r.csv", "姓名,編號\n王小明,A1\n,A2\n"})
	w := do(h, "POST", "/assessment/THM2431-001v1", body, ct)
	if w.Code != 422 || !strings.Contains(w.Body.String(), "r.csv:3") {
		t.Errorf("roster without a name on line 3: %d\n%.2000s", w.Code, w.Body)
	}
	body, ct = multipartBody(t, part{"format", "", "txt"}, part{"scope", "", "T1"}, part{"parts", "", "checklist"},
		part{"points", "", "5"}, part{"methods", "", "T1.1 = written、oral"})
	w = do(h, "POST", "/assessment/THM2431-001v1", body, ct)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "T1.1") || strings.Contains(w.Body.String(), "T3.1") {
		t.Errorf("scope T1: %d, want T1.1 and not T3.1\n%.500s", w.Code, w.Body)
	}
	body, ct = multipartBody(t, part{"format", "", "txt"}, part{"methods", "", "T1.1 = dancing"})
	if w := do(h, "POST", "/assessment/THM2431-001v1", body, ct); w.Code != 422 || !strings.Contains(w.Body.String(), "dancing") {
		t.Errorf("unknown method: %d", w.Code)
	}
}

// TestOpenAPI checks that the OpenAPI file is JSON of version 3.1 and
// documents every API route with the statuses the server answers.
func TestOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openapi, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	for path, statuses := range map[string][]string{
		"/health": {"200", "503"}, "/version": {"200"}, "/metrics": {"200"}, "/api/standards": {"200", "401"},
		"/api/check": {"200", "400", "401", "413"}, "/api/render/{kind}": {"200", "400", "401", "404", "413", "422", "503"},
		"/api/import": {"200", "400", "401", "413", "422", "503"},
	} {
		ops := doc.Paths[path]
		if len(ops) == 0 {
			t.Errorf("%s is not documented", path)
			continue
		}
		for method, op := range ops {
			for _, st := range statuses {
				if _, ok := op.Responses[st]; !ok {
					t.Errorf("%s %s does not document status %s", method, path, st)
				}
			}
		}
	}
}

func TestStandardsFolder(t *testing.T) {
	dir := t.TempDir()
	good := strings.Replace(mustRead(t, "../standards/BAS1219-002v4.toml"), `"BAS1219-002v4"`, `"ZZZ0001-001v1"`, 1)
	if err := os.WriteFile(dir+"/mine.toml", []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/broken.toml", []byte("code = [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newTestServer(t, Config{Standards: []string{dir}}).Handler()
	w := do(h, "GET", "/api/standards", nil, "")
	if !strings.Contains(w.Body.String(), `"code": "ZZZ0001-001v1"`) || !strings.Contains(w.Body.String(), `"source": "`+dir+`"`) {
		t.Errorf("the folder's standard is not listed:\n%s", w.Body)
	}
	if strings.Contains(w.Body.String(), "broken") {
		t.Errorf("a standard with errors is listed:\n%s", w.Body)
	}
	if _, err := New(Config{Standards: []string{dir + "/missing"}}); err == nil {
		t.Error("a missing standards folder gave no error")
	}
}

// TestNoTempFiles sends an upload near the body limit and checks that
// nothing was written to the temporary folder.
func TestNoTempFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	h := newTestServer(t, Config{MaxBody: 4 << 20}).Handler()
	roster := "姓名\n" + strings.Repeat("王小明\n", (3<<20)/10)
	body, ct := multipartBody(t, part{"code", "", "THM2431-001v1"}, part{"roster", "r.csv", roster}, part{"overlay", "o.toml", strings.Repeat("#", 1<<19)})
	w := do(h, "POST", "/api/render/standard?format=txt", body, ct)
	if w.Code != 400 { // a roster with the standard kind: read, then refused
		t.Errorf("status %d, want 400", w.Code)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the upload was written to disk: %v", left)
	}
}
