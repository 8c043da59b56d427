package server

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/standard"
)

// seedPath is the bundled THM2431 as text extracted from its table.
const seedPath = "../importer/testdata/THM2431-001v1-seed.txt"

// importAnswer is the JSON of POST /api/import.
type importAnswer struct {
	Format   string
	Name     string
	TOML     string
	Report   []importer.Finding
	Problems []problemJSON
	Errors   bool
}

// thmDOCX renders the bundled THM2431's official table as DOCX through
// the server's own pipeline.
func thmDOCX(t *testing.T, s *Server) []byte {
	t.Helper()
	body, ct := multipartBody(t, part{"code", "", "THM2431-001v1"})
	w := do(s.Handler(), "POST", "/api/render/standard?format=docx", body, ct)
	if w.Code != 200 {
		t.Fatalf("render DOCX: %d %s", w.Code, w.Body)
	}
	return w.Body.Bytes()
}

// postImport sends data as the multipart field file.
func postImport(t *testing.T, s *Server, url, name string, data []byte, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := multipartBody(t, part{"file", name, string(data)})
	return do(s.Handler(), "POST", url, body, ct, hdr...)
}

// wantTHM checks that the imported TOML loads as THM2431.
func wantTHM(t *testing.T, a importAnswer) {
	t.Helper()
	std, err := standard.Parse(a.Name, []byte(a.TOML))
	if err != nil {
		t.Fatalf("the imported TOML does not load: %v\n%s", err, a.TOML)
	}
	if std.Name() != "行銷業務專員" {
		t.Errorf("name %q, want 行銷業務專員", std.Name())
	}
	found := false
	for _, d := range std.Duties {
		for _, task := range d.Tasks {
			if task.Code == "T1.1" && task.Title == "和顧客有效溝通" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no task T1.1 和顧客有效溝通 in\n%s", a.TOML)
	}
	if a.Errors {
		t.Errorf("the import has errors: %+v %+v", a.Report, a.Problems)
	}
}

func decodeImport(t *testing.T, w *httptest.ResponseRecorder) importAnswer {
	t.Helper()
	if w.Code != 200 {
		t.Fatalf("import: %d %s", w.Code, w.Body)
	}
	var a importAnswer
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, w.Body)
	}
	return a
}

func TestImportDOCX(t *testing.T) {
	s := newTestServer(t, Config{})
	a := decodeImport(t, postImport(t, s, "/api/import", "THM2431-001v1.docx", thmDOCX(t, s)))
	if a.Format != "docx" || a.Name != "THM2431-001v1.toml" {
		t.Errorf("format %q name %q, want docx THM2431-001v1.toml", a.Format, a.Name)
	}
	if a.Report == nil || a.Problems == nil {
		t.Errorf("report and problems must be lists, even empty")
	}
	wantTHM(t, a)
}

func TestImportSeedText(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Config{Token: "s3cret"})
	if w := postImport(t, s, "/api/import", "seed.txt", data); w.Code != 401 {
		t.Errorf("no token: %d, want 401", w.Code)
	}
	a := decodeImport(t, postImport(t, s, "/api/import", "seed.txt", data, "Authorization", "Bearer s3cret"))
	if a.Format != "text" {
		t.Errorf("format %q, want text", a.Format)
	}
	wantTHM(t, a)
	// The raw body is an import too.
	w := do(s.Handler(), "POST", "/api/import", bytes.NewReader(data), "application/octet-stream", "Authorization", "Bearer s3cret")
	if b := decodeImport(t, w); b.Name != "upload.toml" || !strings.Contains(b.TOML, "和顧客有效溝通") {
		t.Errorf("raw body: %q\n%s", b.Name, b.TOML)
	}
	if !strings.Contains(do(s.Handler(), "GET", "/metrics", nil, "").Body.String(), `ocs_imports_total{format="text",outcome="ok"} 2`) {
		t.Errorf("metrics do not count the imports")
	}
}

func TestImportUnusable(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, tc := range []struct{ name, data, want string }{
		{"notes.txt", "這不是職能基準。\n只是一份筆記。\n", "notes.txt"},
		{"archive.zip", "PK\x03\x04 not really", "zip"},
	} {
		w := postImport(t, s, "/api/import", tc.name, []byte(tc.data))
		if w.Code != 422 {
			t.Errorf("%s: %d, want 422\n%s", tc.name, w.Code, w.Body)
			continue
		}
		var v struct {
			Error    string
			Problems []problemJSON
		}
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		if len(v.Problems) != 1 || v.Problems[0].Rule != "IMPORT" || !strings.Contains(v.Error, tc.want) || v.Problems[0].Hint == "" {
			t.Errorf("%s: %s", tc.name, w.Body)
		}
	}
	if w := do(s.Handler(), "POST", "/api/import", nil, "application/octet-stream"); w.Code != 400 {
		t.Errorf("empty body: %d, want 400", w.Code)
	}
	body, ct := multipartBody(t, part{"other", "", "x"})
	if w := do(s.Handler(), "POST", "/api/import", body, ct); w.Code != 400 {
		t.Errorf("no field file: %d, want 400", w.Code)
	}
}

func TestImportTooLarge(t *testing.T) {
	s := newTestServer(t, Config{MaxBody: 1 << 20})
	huge := bytes.Repeat([]byte("a"), 2<<20)
	if w := postImport(t, s, "/api/import", "big.pdf", huge); w.Code != 413 {
		t.Errorf("API: %d, want 413", w.Code)
	}
	r := httptest.NewRequest("POST", "/api/import", io.MultiReader(bytes.NewReader(huge)))
	r.ContentLength = -1
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	if w.Code != 413 {
		t.Errorf("streamed: %d, want 413", w.Code)
	}
	if w := postImport(t, s, "/import", "big.pdf", huge); w.Code != 413 {
		t.Errorf("page: %d, want 413", w.Code)
	}
}

func TestImportPage(t *testing.T) {
	s := newTestServer(t, Config{})
	h := s.Handler()
	w := do(h, "GET", "/import?lang=en", nil, "")
	page := w.Body.String()
	if w.Code != 200 || !strings.Contains(page, `action="/import"`) || !strings.Contains(page, `type="file" id="file" name="file"`) ||
		!strings.Contains(page, "Import") {
		t.Fatalf("import page: %d\n%s", w.Code, page)
	}
	if !strings.Contains(do(h, "GET", "/", nil, "").Body.String(), `<a href="/import">匯入</a>`) {
		t.Errorf("the navigation has no import link")
	}

	// A DOCX: the report, the check results, the TOML and the forms to go on.
	w = postImport(t, s, "/import", "THM2431-001v1.docx", thmDOCX(t, s))
	page = w.Body.String()
	for _, want := range []string{"匯入報告", "THM2431-001v1.docx (docx)", "檢查結果", `action="/import/toml"`,
		`action="/check"`, `action="/check/preview"`, "行銷業務專員", `id="L1"`} {
		if !strings.Contains(page, want) {
			t.Errorf("import page after upload lacks %q", want)
		}
	}
	if w.Code != 200 {
		t.Errorf("upload: %d", w.Code)
	}

	// Text with a judgement to report: the seed has findings with places.
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.Import(context.Background(), data, importer.Options{Source: "seed.txt"})
	if err != nil {
		t.Fatal(err)
	}
	page = postImport(t, s, "/import?lang=en", "seed.txt", data).Body.String()
	if len(res.Report) == 0 {
		t.Fatal("the seed import reports nothing; the test needs findings to show")
	}
	for _, f := range res.Report[:3] {
		if !strings.Contains(page, `id="report"`) || !strings.Contains(page, html.EscapeString(f.Where)) || !strings.Contains(page, html.EscapeString(f.Message)) {
			t.Errorf("the report does not show %v", f)
		}
	}

	// The download answers the TOML as an attachment.
	toml := string(decodeImport(t, postImport(t, s, "/api/import", "seed.txt", data)).TOML)
	body, ct := multipartBody(t, part{"name", "", "seed.toml"}, part{"standard", "", toml})
	w = do(h, "POST", "/import/toml", body, ct)
	if w.Code != 200 || w.Body.String() != toml || !strings.Contains(w.Header().Get("Content-Disposition"), `attachment; filename="seed.toml"`) {
		t.Errorf("download: %d %q", w.Code, w.Header().Get("Content-Disposition"))
	}
	// ... and the check page takes it as it is.
	body, ct = multipartBody(t, part{"standard", "", toml})
	if w := do(h, "POST", "/check", body, ct); w.Code != 200 || !strings.Contains(w.Body.String(), "沒有問題") && !strings.Contains(w.Body.String(), "sev-warning") {
		t.Errorf("check of the import: %d", w.Code)
	}

	// Not a standard: 422 and a clear message on the page.
	w = postImport(t, s, "/import?lang=en", "notes.txt", []byte("hello\n"))
	if w.Code != 422 || !strings.Contains(w.Body.String(), `id="unusable"`) || !strings.Contains(w.Body.String(), "notes.txt") {
		t.Errorf("unusable upload: %d\n%s", w.Code, w.Body)
	}
}

// An import that outlives the request's time is a 503 that says so, not
// a 422 blaming the file.
func TestImportTimeout(t *testing.T) {
	s := newTestServer(t, Config{})
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequestWithContext(ctx, "POST", "/api/import", nil)
	_, f := s.runImport(r, importUpload{name: "seed.txt", data: data})
	if f == nil || f.status != 503 || !strings.Contains(f.msg, "--timeout") {
		t.Fatalf("got %+v; want a 503 naming --timeout", f)
	}
}
