//go:build load

package server

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad runs 16 clients for OCS_LOAD_DURATION (default 2m) against a
// loopback server, mixing every route, and reports throughput, latency,
// errors and memory. Run it with: go test -tags load -run Load -v ./server
func TestLoad(t *testing.T) {
	dur := 2 * time.Minute
	if v := os.Getenv("OCS_LOAD_DURATION"); v != "" {
		var err error
		if dur, err = time.ParseDuration(v); err != nil {
			t.Fatal(err)
		}
	}
	srv := newTestServer(t, Config{MaxRenders: runtime.NumCPU(), Queue: 30 * time.Second})
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	overlay := mustRead(t, "../examples/company-overlay.toml")
	std := mustRead(t, "../standards/BAS1219-002v4.toml")
	type req struct {
		name, method, path string
		parts              [][3]string // name, file, value
	}
	mix := []req{
		{"health", "GET", "/health", nil},
		{"standards", "GET", "/api/standards", nil},
		{"library", "GET", "/", nil},
		{"standard page", "GET", "/standards/THM2431-001v1", nil},
		{"posting page", "GET", "/posting/THM2431-001v1", nil},
		{"metrics", "GET", "/metrics", nil},
		{"check", "POST", "/api/check", [][3]string{{"standard", "s.toml", std}}},
		{"render txt", "POST", "/api/render/standard?format=txt", [][3]string{{"code", "", "THM2431-001v1"}}},
		{"render html jobdesc", "POST", "/api/render/jobdesc?format=html", [][3]string{{"code", "", "THM2431-001v1"}, {"overlay", "o.toml", overlay}}},
		{"render docx", "POST", "/api/render/standard?format=docx", [][3]string{{"standard", "s.toml", std}}},
		{"render pdf", "POST", "/api/render/standard?format=pdf", [][3]string{{"code", "", "THM2431-001v1"}}},
		{"roster zip", "POST", "/api/render/assessment?format=txt", [][3]string{{"code", "", "THM2431-001v1"}, {"roster", "r.csv", "姓名\n甲\n乙\n丙\n"}}},
		{"check page", "GET", "/check", nil},
		{"openapi", "GET", "/api/openapi.json", nil},
	}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      atomic.Int64
		count     atomic.Int64
		peakHeap  atomic.Uint64
	)
	var firstErr atomic.Value
	stop := time.Now().Add(dur)
	var heapAt []uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() { // sample memory every 10 s
		defer close(sampled)
		tk := time.NewTicker(10 * time.Second)
		defer tk.Stop()
		for {
			select {
			case <-done:
				return
			case <-tk.C:
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heapAt = append(heapAt, ms.HeapInuse>>20)
				if ms.HeapInuse > peakHeap.Load() {
					peakHeap.Store(ms.HeapInuse)
				}
			}
		}
	}()
	var wg sync.WaitGroup
	client := &http.Client{Timeout: time.Minute}
	for c := range 16 {
		wg.Go(func() {
			var local []time.Duration
			for i := c; time.Now().Before(stop); i++ {
				rq := mix[i%len(mix)]
				var body io.Reader
				ctype := ""
				if rq.parts != nil {
					var b bytes.Buffer
					w := multipart.NewWriter(&b)
					for _, p := range rq.parts {
						if p[1] != "" {
							fw, _ := w.CreateFormFile(p[0], p[1])
							io.WriteString(fw, p[2])
						} else {
							w.WriteField(p[0], p[2])
						}
					}
					w.Close()
					body, ctype = &b, w.FormDataContentType()
				}
				r, _ := http.NewRequest(rq.method, ts.URL+rq.path, body)
				if ctype != "" {
					r.Header.Set("Content-Type", ctype)
				}
				start := time.Now()
				resp, err := client.Do(r)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != 200 {
						err = fmt.Errorf("%s: status %d", rq.name, resp.StatusCode)
					}
				}
				local = append(local, time.Since(start))
				count.Add(1)
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
			}
			mu.Lock()
			latencies = append(latencies, local...)
			mu.Unlock()
		})
	}
	wg.Wait()
	close(done)
	<-sampled
	slices.Sort(latencies)
	n := len(latencies)
	rss := peakRSS()
	t.Logf("%d requests in %s: %.1f/s; p50 %s, p99 %s, max %s; errors %d; peak heap %d MiB, peak RSS %s; heap every 10 s (MiB): %v",
		n, dur, float64(n)/dur.Seconds(), latencies[n/2], latencies[n*99/100], latencies[n-1], errs.Load(),
		peakHeap.Load()>>20, rss, heapAt)
	if e := errs.Load(); e > 0 {
		t.Errorf("%d errors; first: %v", e, firstErr.Load())
	}
}

// peakRSS reads VmHWM, the peak resident set size, from /proc.
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:"))
		}
	}
	return "unknown"
}
