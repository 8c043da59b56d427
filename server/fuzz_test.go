package server

import (
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"
)

// fuzzServer is shared by the fuzz targets: making one loads fonts.
var fuzzServer *Server

func fuzzHandler(f *testing.F) *Server {
	if fuzzServer == nil {
		fuzzServer = newTestServer(f, Config{MaxBody: 1 << 20})
	}
	return fuzzServer
}

// allowed are the statuses a handler may answer to any input: never a
// 500, never a crash.
var allowed = map[int]bool{200: true, 400: true, 404: true, 413: true, 422: true}

// FuzzRenderMultipart sends arbitrary multipart bodies to the render API.
func FuzzRenderMultipart(f *testing.F) {
	s := fuzzHandler(f)
	seed := func(parts ...part) {
		body, ct := multipartBody(f, parts...)
		var b bytes.Buffer
		_, _ = b.ReadFrom(body)
		f.Add("jobdesc"[:len(parts)%3+1], strings.TrimPrefix(ct, "multipart/form-data; boundary="), b.Bytes())
	}
	seed(part{"code", "", "THM2431-001v1"}, part{"overlay", "o.toml", "company = \"</script>\"\n[contact]\nemail = \"a@b.tw\"\n"})
	seed(part{"code", "", "THM2431-001v1"}, part{"roster", "../r.csv", "姓名\n王\n"}, part{"format", "", "txt"})
	seed(part{"standard", "C:\\x.toml", "code = \"X\"\n"})
	f.Fuzz(func(t *testing.T, kind, boundary string, body []byte) {
		kinds := []string{"standard", "assessment", "jobdesc", "poster"}
		r := httptest.NewRequest("POST", "/api/render/"+kinds[len(kind)%len(kinds)]+"?format=txt", bytes.NewReader(body))
		r.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		if !allowed[w.Code] && w.Code != 405 {
			t.Fatalf("status %d: %s", w.Code, w.Body)
		}
	})
}

// FuzzPostingForm sends arbitrary URL-encoded posting forms: every
// overlay field may hold anything.
func FuzzPostingForm(f *testing.F) {
	s := fuzzHandler(f)
	f.Add("action=check&company=%3C%2Fscript%3E&contact.email=x%40&salary.min=-5&include=T9")
	f.Add("action=preview&company=A&salary.min=36000&salary.max=1&date_posted=2025-13-01&employment_type=NOPE")
	f.Add("action=save&company=%22%22%22&benefits=a%0Ab%0A%5B%5D&requirements.experience_months=x")
	f.Add("action=download&format=pdf&company=A&title=%00%01")
	f.Fuzz(func(t *testing.T, form string) {
		r := httptest.NewRequest("POST", "/posting/THM2431-001v1", strings.NewReader(form))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		if !allowed[w.Code] {
			t.Fatalf("status %d for %q: %.300s", w.Code, form, w.Body)
		}
		if strings.Contains(w.Header().Get("Content-Type"), "text/html") && strings.Contains(w.Body.String(), "</script><") {
			t.Fatalf("an unescaped </script> in the page for %q", form)
		}
	})
}
