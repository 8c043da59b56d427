package pipeline

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/assessment"
)

func TestParseEpoch(t *testing.T) {
	for _, c := range []struct {
		in      string
		want    time.Time
		wantErr string
	}{
		{in: "", want: time.Time{}},
		{in: "1700000000", want: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		{in: " 315532800 ", want: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{in: "253402300799", want: time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)},
		{in: "abc", wantErr: "not a whole number"},
		{in: "1.5", wantErr: "not a whole number"},
		{in: "-1", wantErr: "outside"},
		{in: "315532799", wantErr: "outside"},
		{in: "253402300800", wantErr: "outside"},
		{in: "99999999999999999999", wantErr: "not a whole number"},
	} {
		got, err := ParseEpoch(c.in)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
				t.Errorf("ParseEpoch(%q) = %v, %v; want an error naming SOURCE_DATE_EPOCH with %q", c.in, got, err, c.wantErr)
			}
			continue
		}
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseEpoch(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestFormatOf(t *testing.T) {
	for _, c := range []struct {
		flag, out string
		want      Format
		wantErr   string
	}{
		{"", "", PDF, ""},
		{"", "-", PDF, ""},
		{"", "a.docx", DOCX, ""},
		{"", "a.HTM", HTML, ""},
		{"", "a.text", TXT, ""},
		{"text", "-", TXT, ""},
		{"docx", "", DOCX, ""},
		{".PDF", "a.pdf", PDF, ""},
		{"pdf", "report", PDF, ""},
		{"pdf", "report.v2", PDF, ""},
		{"", "report", "", "cannot tell the format"},
		{"", "a.odt", "", "cannot tell the format"},
		{"docx", "x.pdf", "", "does not match"},
		{"rtf", "", "", `unknown format "rtf"`},
	} {
		got, err := FormatOf(c.flag, c.out)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("FormatOf(%q, %q) = %q, %v; want error %q", c.flag, c.out, got, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("FormatOf(%q, %q) = %q, %v; want %q", c.flag, c.out, got, err, c.want)
		}
	}
}

func TestParseKind(t *testing.T) {
	for in, want := range map[string]Kind{"standard": Standard, "Assessment": Assessment, "jobdesc": JobDesc, "profile": Profile} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseKind("poster"); err == nil || !strings.Contains(err.Error(), "standard, assessment, jobdesc") {
		t.Errorf("ParseKind(poster) = %v, want an error listing the kinds", err)
	}
}

func TestLoad(t *testing.T) {
	src, err := Bundled("THM2431-001v1")
	if err != nil {
		t.Fatal(err)
	}
	if src.Name != "bundled:THM2431-001v1.toml" || src.Stem() != "THM2431-001v1" || !src.IsBundled() {
		t.Errorf("bundled source is %q (stem %q)", src.Name, src.Stem())
	}
	s, _, err := Load(src)
	if err != nil {
		t.Fatal(err)
	}
	if s.Code != "THM2431-001v1" {
		t.Errorf("code %q", s.Code)
	}

	bad := Source{Name: "upload.toml", Data: []byte("code = \"X\"\nlevel = 9\n")}
	s, _, err = Load(bad)
	var ps standard.Problems
	if s != nil || !errors.As(err, &ps) || len(ps.Errors()) == 0 {
		t.Fatalf("Load(bad) = %v, %v; want problems", s, err)
	}
	if ps[0].File != "upload.toml" {
		t.Errorf("problem names %q, want the source's name", ps[0].File)
	}

	if _, _, err := Load(Source{Name: "empty.toml"}); err == nil {
		t.Error("an empty source loaded")
	}
}

func TestOpen(t *testing.T) {
	if _, err := Open("NOPE-001v1"); err == nil || !strings.Contains(err.Error(), "THM2431-001v1") {
		t.Errorf("Open(unknown code) = %v, want an error listing the bundled codes", err)
	}
	if _, err := Open("no/such/file.toml"); err == nil || !strings.Contains(err.Error(), "no/such/file.toml") {
		t.Errorf("Open(missing file) = %v, want an error naming it", err)
	}
}

// bundled loads a bundled standard.
func bundled(t *testing.T, code string) *standard.Standard {
	t.Helper()
	src, err := Bundled(code)
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := Load(src)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRenderText(t *testing.T) {
	s := bundled(t, "THM2431-001v1")
	enc, err := NewEncoder(EncoderConfig{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := enc.Render(context.Background(), s, Standard, Options{}, TXT)
	if err != nil {
		t.Fatal(err)
	}
	// Sentences of the official PDF (the seed text).
	for _, want := range []string{"行銷業務專員", "THM2431-001v1", "和顧客有效溝通", "辨識使用合宜的溝通策略", "根據既有程序"} {
		if !bytes.Contains(res.Data, []byte(want)) {
			t.Errorf("text output lacks %q", want)
		}
	}
	res, err = enc.Render(context.Background(), s, JobDesc, Options{}, TXT)
	if err != nil || !bytes.Contains(res.Data, []byte("行銷業務專員")) {
		t.Errorf("profile: %v, %d bytes", err, len(res.Data))
	}
	if Suffix(JobDesc, Options{}) != "profile" {
		t.Errorf("a job description without overlay is named %q, want profile", Suffix(JobDesc, Options{}))
	}
}

func TestRenderLang(t *testing.T) {
	s := bundled(t, "THM2431-001v1")
	enc, err := NewEncoder(EncoderConfig{})
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Assessment: assessment.AssessmentOptions{Options: templates.Options{Lang: "en"}}}
	res, err := enc.Render(context.Background(), s, Standard, opt, HTML)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(res.Data, []byte(`lang="en"`)) {
		t.Error(`English HTML lacks lang="en"`)
	}
}

// TestConcurrent renders one standard from many goroutines with one
// encoder: every result has the same bytes (run with -race).
func TestConcurrent(t *testing.T) {
	s := bundled(t, "THM2431-001v1")
	enc, err := NewEncoder(EncoderConfig{})
	if err != nil {
		t.Fatal(err)
	}
	formats := []Format{PDF, DOCX, HTML, TXT}
	first := map[Format][]byte{}
	for _, f := range formats {
		res, err := enc.Render(context.Background(), s, Standard, Options{}, f)
		if err != nil {
			t.Fatal(err)
		}
		first[f] = res.Data
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := formats[i%len(formats)]
			res, err := enc.Render(context.Background(), s, Standard, Options{}, f)
			if err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(res.Data, first[f]) {
				t.Errorf("%s rendered concurrently differs from the first render", f)
			}
		}()
	}
	wg.Wait()
}

func TestEncodeCancelled(t *testing.T) {
	s := bundled(t, "THM2431-001v1")
	enc, err := NewEncoder(EncoderConfig{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := enc.Render(ctx, s, Standard, Options{}, PDF)
	if !errors.Is(err, context.Canceled) || res.Data != nil {
		t.Errorf("cancelled render = %d bytes, %v; want no bytes and context.Canceled", len(res.Data), err)
	}
}

func TestDate(t *testing.T) {
	s := bundled(t, "THM2431-001v1")
	enc, err := NewEncoder(EncoderConfig{})
	if err != nil {
		t.Fatal(err)
	}
	date, _ := ParseEpoch("1700000000")
	opt := Options{Assessment: assessment.AssessmentOptions{Options: templates.Options{Date: date}}}
	doc, _, err := Build(s, Standard, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Meta.Date.Equal(date) {
		t.Errorf("document date %v, want %v", doc.Meta.Date, date)
	}
	res, err := enc.Render(context.Background(), s, Standard, opt, PDF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(res.Data, []byte("D:20231114221320")) {
		t.Error("PDF lacks the date 2023-11-14 22:13:20 given in the options")
	}
}

func TestParseLabels(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     map[string]string
		wantErr  string
	}{
		{"top.toml", "knowledge = \"知識\"\n", map[string]string{"knowledge": "知識"}, ""},
		{"table.toml", "[labels]\nskills = \"技能\"\n", map[string]string{"skills": "技能"}, ""},
		{"num.toml", "skills = 3\n", nil, "num.toml:1:1: error TOML: label skills must be a string, not an integer (3)"},
		{"bad.toml", "skills = \n", nil, "bad.toml:1:10: error TOML: TOML syntax"},
	} {
		got, err := ParseLabels(c.name, []byte(c.in))
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("ParseLabels(%s) = %v, %v; want error %q", c.name, got, err, c.wantErr)
			}
			continue
		}
		if err != nil || len(got) != len(c.want) {
			t.Errorf("ParseLabels(%s) = %v, %v; want %v", c.name, got, err, c.want)
		}
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("ParseLabels(%s)[%s] = %q, want %q", c.name, k, got[k], v)
			}
		}
	}
}
