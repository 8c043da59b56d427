package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestMetricsCount(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	body, ct := multipartBody(t, part{"code", "", "THM2431-001v1"}, part{"roster", "r.csv", "姓名\n甲\n乙\n丙\n"})
	if w := do(h, "POST", "/api/render/assessment?format=txt", body, ct); w.Code != 200 {
		t.Fatal(w.Code)
	}
	w := do(h, "GET", "/metrics", nil, "")
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type %q, want the text format 0.0.4", ct)
	}
	m := w.Body.String()
	for _, want := range []string{
		`ocs_documents_rendered_total{format="txt",kind="assessment"} 3`,
		`ocs_http_requests_total{code="200",route="POST /api/render/{kind}"} 1`,
		`ocs_http_request_duration_seconds_count{route="POST /api/render/{kind}"} 1`,
		`ocs_http_request_duration_seconds_bucket{route="POST /api/render/{kind}",le="30"} 1`,
		`ocs_http_request_duration_seconds_bucket{route="POST /api/render/{kind}",le="+Inf"} 1`,
		`ocs_http_requests_in_flight 1`, // the /metrics request itself
		"# HELP ocs_http_requests_total HTTP requests answered, by route and status code.\n# TYPE ocs_http_requests_total counter\n",
		"# TYPE ocs_http_request_duration_seconds histogram\n",
		"# TYPE ocs_http_requests_in_flight gauge\n",
		"go_goroutines ",
		"process_cpu_seconds_total ",
		"process_open_fds ",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(m, "ocs_imports_total") {
		t.Error("a family with no sample yet is listed")
	}
	checkExposition(t, m)
}

// TestMetricsLabelEscape checks that a label value with a quote, a
// backslash and a line feed is escaped in the text format.
func TestMetricsLabelEscape(t *testing.T) {
	m := newMetrics()
	m.imported("a\"b\\c\nd", "ok")
	h := newTestServer(t, Config{})
	h.met = m
	text := do(h.routes(), "GET", "/metrics", nil, "").Body.String()
	if want := `ocs_imports_total{format="a\"b\\c\nd",outcome="ok"} 1`; !strings.Contains(text, want) {
		t.Errorf("metrics lack %s", want)
	}
	checkExposition(t, text)
}

// sampleLine is a sample in the text format: name, optional labels, value,
// optional timestamp.
var sampleLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",? ?)*\})? (\S+)( -?\d+)?$`)

// leLabel is the le label of a histogram bucket.
var leLabel = regexp.MustCompile(`,?le="([^"]*)"`)

// checkExposition checks that text is valid Prometheus text format:
// every line a HELP, a TYPE or a sample; a family's TYPE before its
// samples and its samples together; no series twice; each histogram's
// buckets cumulative and ending in +Inf equal to its count.
func checkExposition(t *testing.T, text string) {
	t.Helper()
	if !strings.HasSuffix(text, "\n") {
		t.Error("the exposition does not end in a line feed")
	}
	types := map[string]string{} // family → type
	done := map[string]bool{}    // families whose samples are over
	seen := map[string]bool{}    // series
	type hist struct {
		last  float64
		le    []string
		inf   float64
		count float64
	}
	hists := map[string]*hist{} // histogram series without le → buckets
	current := ""
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if f, ok := strings.CutPrefix(line, "# TYPE "); ok {
			name, typ, _ := strings.Cut(f, " ")
			if _, dup := types[name]; dup || done[name] || name == current {
				t.Errorf("line %d: TYPE of %s after its samples or twice", i+1, name)
			}
			switch typ {
			case "counter", "gauge", "histogram", "summary", "untyped":
			default:
				t.Errorf("line %d: type %q", i+1, typ)
			}
			types[name] = typ
			continue
		}
		if strings.HasPrefix(line, "#") { // HELP, or a comment
			continue
		}
		m := sampleLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("line %d is not a sample: %q", i+1, line)
			continue
		}
		name, labels, value := m[1], m[2], m[3]
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			t.Errorf("line %d: value %q: %v", i+1, value, err)
		}
		if seen[name+labels] {
			t.Errorf("line %d: series %s%s twice", i+1, name, labels)
		}
		seen[name+labels] = true
		family := name
		for _, suffix := range []string{"_bucket", "_sum", "_count"} {
			if base, ok := strings.CutSuffix(name, suffix); ok && (types[base] == "histogram" || types[base] == "summary") {
				family = base
			}
		}
		if family != current {
			if done[family] {
				t.Errorf("line %d: samples of %s are not together", i+1, family)
			}
			done[current] = true
			current = family
		}
		if types[family] != "histogram" {
			continue
		}
		key := strings.Replace(leLabel.ReplaceAllString(labels, ""), "{,", "{", 1)
		key = family + strings.TrimSuffix(key, "{}")
		h := hists[key]
		if h == nil {
			h = &hist{}
			hists[key] = h
		}
		switch {
		case strings.HasSuffix(name, "_bucket"):
			le := leLabel.FindStringSubmatch(labels)
			if le == nil {
				t.Errorf("line %d: a bucket without le", i+1)
				continue
			}
			if v < h.last {
				t.Errorf("line %d: buckets of %s are not cumulative", i+1, key)
			}
			h.last = v
			h.le = append(h.le, le[1])
			if le[1] == "+Inf" {
				h.inf = v
			}
		case strings.HasSuffix(name, "_count"):
			h.count = v
		}
	}
	for key, h := range hists {
		if len(h.le) == 0 || h.le[len(h.le)-1] != "+Inf" {
			t.Errorf("histogram %s does not end in le=\"+Inf\": %v", key, h.le)
		} else if h.inf != h.count {
			t.Errorf("histogram %s: +Inf bucket %v, count %v", key, h.inf, h.count)
		}
	}
}

func TestMetricsHistogram(t *testing.T) {
	// A duration on a bucket's bound counts in that bucket; the buckets
	// are cumulative; one beyond the last bound counts in +Inf only.
	m := newMetrics()
	for _, d := range []time.Duration{5 * time.Millisecond, 7 * time.Millisecond, 2 * time.Second, 100 * time.Second} {
		m.observe("GET /", 200, d)
	}
	var out bytes.Buffer
	m.write(&out)
	text := out.String()
	for _, want := range []string{
		`ocs_http_request_duration_seconds_bucket{route="GET /",le="0.005"} 1`,
		`ocs_http_request_duration_seconds_bucket{route="GET /",le="0.01"} 2`,
		`ocs_http_request_duration_seconds_bucket{route="GET /",le="1"} 2`,
		`ocs_http_request_duration_seconds_bucket{route="GET /",le="2.5"} 3`,
		`ocs_http_request_duration_seconds_bucket{route="GET /",le="30"} 3`,
		`ocs_http_request_duration_seconds_bucket{route="GET /",le="+Inf"} 4`,
		`ocs_http_request_duration_seconds_sum{route="GET /"} 102.012`,
		`ocs_http_request_duration_seconds_count{route="GET /"} 4`,
		`ocs_http_requests_total{code="200",route="GET /"} 4`,
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("metrics lack %s", want)
		}
	}
	checkExposition(t, text)
}

func TestMetricsRuntime(t *testing.T) {
	// The Go runtime's and the process's metrics, under the Prometheus
	// client's names, with values that make sense for this process.
	var out bytes.Buffer
	newMetrics().write(&out)
	text := out.String()
	checkExposition(t, text)
	value := func(name string) float64 {
		t.Helper()
		for line := range strings.Lines(text) {
			if v, ok := strings.CutPrefix(line, name+" "); ok {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				return f
			}
		}
		t.Fatalf("no sample %s", name)
		return 0
	}
	if !strings.Contains(text, `go_info{version="`+runtime.Version()+`"} 1`) {
		t.Error("go_info lacks the Go version")
	}
	for _, c := range []struct {
		name     string
		min, max float64
	}{
		{"go_goroutines", 1, 1e5},
		{"go_threads", 1, 1e4},
		{"go_memstats_heap_alloc_bytes", 1 << 10, 1 << 34},
		{"go_memstats_sys_bytes", 1 << 20, 1 << 36},
		{"go_gc_duration_seconds_count", 0, 1e9},
		{"process_cpu_seconds_total", 0.001, 1e6},
		{"process_resident_memory_bytes", 1 << 20, 1 << 36},
		{"process_virtual_memory_bytes", 1 << 20, 1 << 50},
		{"process_open_fds", 3, 1e6},
		{"process_max_fds", 3, 1 << 31},
	} {
		if v := value(c.name); v < c.min || v > c.max {
			t.Errorf("%s = %v, want between %v and %v", c.name, v, c.min, c.max)
		}
	}
	start := value("process_start_time_seconds")
	if now := float64(time.Now().Unix()); start > now+1 || start < now-24*3600 {
		t.Errorf("process_start_time_seconds = %v, now is %v", start, now)
	}
}

func TestMetricsGzip(t *testing.T) {
	h := newTestServer(t, Config{}).Handler()
	for _, tc := range []struct {
		accept string
		gzip   bool
	}{
		{"", false},
		{"gzip", true},
		{"deflate, gzip;q=0.5", true},
		{"br, GZIP", true},
		{"gzip;q=0", false},
		{"identity", false},
	} {
		req := httptest.NewRequest("GET", "/metrics", nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		body := w.Body.Bytes()
		if got := w.Header().Get("Content-Encoding") == "gzip"; got != tc.gzip {
			t.Errorf("Accept-Encoding %q: gzip %v, want %v", tc.accept, got, tc.gzip)
		}
		if tc.gzip {
			z, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("Accept-Encoding %q: %v", tc.accept, err)
			}
			if body, err = io.ReadAll(z); err != nil {
				t.Fatalf("Accept-Encoding %q: %v", tc.accept, err)
			}
		}
		if !strings.Contains(string(body), "\ngo_goroutines ") {
			t.Errorf("Accept-Encoding %q: the body is not the exposition", tc.accept)
		}
	}
}
