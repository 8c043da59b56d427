package server

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"fmt"
	"maps"
	"math"
	"net/http"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// durationBuckets are the upper bounds, in seconds, of the request
// duration histogram's buckets.
var durationBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// metrics are the server's counters, gauge and histogram, exposed with the
// Go runtime's and the process's in the Prometheus text format (version
// 0.0.4), under the metric names the Prometheus Go client gives them, so
// that dashboards made for Go services work. They are written here rather
// than with a metrics library: the libraries set themselves up when the
// program starts, which every ocs command paid for (1.7 ms of a 50 ms
// render), while only the server uses them.
type metrics struct {
	mu       sync.Mutex
	requests map[[2]string]uint64  // by status code and route
	duration map[string]*histogram // by route
	docs     map[[2]string]uint64  // by format and kind
	imports  map[[2]string]uint64  // by format and outcome
	inFlight atomic.Int64
}

// histogram counts observations in durationBuckets (each bucket on its
// own; the exposition sums them), with their count and sum.
type histogram struct {
	buckets []uint64
	count   uint64
	sum     float64
}

func newMetrics() *metrics {
	return &metrics{
		requests: make(map[[2]string]uint64),
		duration: make(map[string]*histogram),
		docs:     make(map[[2]string]uint64),
		imports:  make(map[[2]string]uint64),
	}
}

// observe records one answered request.
func (m *metrics) observe(route string, code int, d time.Duration) {
	s := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[2]string{strconv.Itoa(code), route}]++
	h := m.duration[route]
	if h == nil {
		h = &histogram{buckets: make([]uint64, len(durationBuckets))}
		m.duration[route] = h
	}
	if i, _ := slices.BinarySearch(durationBuckets, s); i < len(durationBuckets) {
		h.buckets[i]++ // the first bucket whose bound is at least s
	}
	h.count++
	h.sum += s
}

// rendered counts n documents of the given kind and format.
func (m *metrics) rendered(kind, format string, n int) {
	m.mu.Lock()
	m.docs[[2]string{format, kind}] += uint64(n)
	m.mu.Unlock()
}

// imported counts one import of a file in the given format, with its
// outcome.
func (m *metrics) imported(format, outcome string) {
	m.mu.Lock()
	m.imports[[2]string{format, outcome}]++
	m.mu.Unlock()
}

// handler serves the metrics, gzip-compressed when the scraper accepts it.
func (m *metrics) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var out bytes.Buffer
		m.write(&out)
		h := w.Header()
		h.Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		h.Add("Vary", "Accept-Encoding")
		if !acceptsGzip(r.Header.Get("Accept-Encoding")) {
			w.Write(out.Bytes())
			return
		}
		h.Set("Content-Encoding", "gzip")
		z := gzip.NewWriter(w)
		z.Write(out.Bytes())
		z.Close()
	})
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q, ok := strings.CutPrefix(strings.TrimSpace(params), "q=")
		if v, err := strconv.ParseFloat(q, 64); ok && err == nil && v == 0 {
			return false
		}
		return true
	}
	return false
}

// write writes every metric family in name order, as the Prometheus
// client does; a family of the server's with no sample yet is left out.
func (m *metrics) write(out *bytes.Buffer) {
	goMetrics(out)
	m.mu.Lock()
	counter(out, "ocs_documents_rendered_total", "Documents made, by kind and format.", m.docs, "format", "kind")
	m.histograms(out)
	gauge(out, "ocs_http_requests_in_flight", "Requests being answered now.", float64(m.inFlight.Load()))
	counter(out, "ocs_http_requests_total", "HTTP requests answered, by route and status code.", m.requests, "code", "route")
	counter(out, "ocs_imports_total", "Published standards imported, by format and outcome (ok, errors, unusable, timeout).", m.imports, "format", "outcome")
	m.mu.Unlock()
	processMetrics(out)
}

// histograms writes the request durations, route by route.
func (m *metrics) histograms(out *bytes.Buffer) {
	const name = "ocs_http_request_duration_seconds"
	if len(m.duration) == 0 {
		return
	}
	family(out, name, "histogram", "Time to answer a request, by route.")
	for _, route := range slices.Sorted(maps.Keys(m.duration)) {
		h := m.duration[route]
		var sum uint64
		for i, le := range durationBuckets {
			sum += h.buckets[i]
			sample(out, name+"_bucket", labels("route", route, "le", formatFloat(le)), float64(sum))
		}
		sample(out, name+"_bucket", labels("route", route, "le", "+Inf"), float64(h.count))
		sample(out, name+"_sum", labels("route", route), h.sum)
		sample(out, name+"_count", labels("route", route), float64(h.count))
	}
}

// counter writes a counter family whose series are named by two labels.
func counter(out *bytes.Buffer, name, help string, series map[[2]string]uint64, label1, label2 string) {
	if len(series) == 0 {
		return
	}
	family(out, name, "counter", help)
	for _, k := range pairsInOrder(series) {
		sample(out, name, labels(label1, k[0], label2, k[1]), float64(series[k]))
	}
}

// goMetrics writes the Go runtime's metrics.
func goMetrics(out *bytes.Buffer) {
	var gc debug.GCStats
	gc.PauseQuantiles = make([]time.Duration, 5) // minimum, quartiles, maximum
	debug.ReadGCStats(&gc)
	family(out, "go_gc_duration_seconds", "summary", "Pauses of the garbage collector's cycles.")
	for i, q := range []string{"0", "0.25", "0.5", "0.75", "1"} {
		sample(out, "go_gc_duration_seconds", labels("quantile", q), gc.PauseQuantiles[i].Seconds())
	}
	sample(out, "go_gc_duration_seconds_sum", "", gc.PauseTotal.Seconds())
	sample(out, "go_gc_duration_seconds_count", "", float64(gc.NumGC))

	gauge(out, "go_goroutines", "Goroutines that exist now.", float64(runtime.NumGoroutine()))
	family(out, "go_info", "gauge", "The version of Go the server was built with.")
	sample(out, "go_info", labels("version", runtime.Version()), 1)

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	for _, s := range []struct {
		name, kind, help string
		v                float64
	}{
		{"go_memstats_alloc_bytes", "gauge", "Bytes of heap objects allocated and not yet freed.", float64(ms.Alloc)},
		{"go_memstats_alloc_bytes_total", "counter", "Bytes of heap objects allocated in all.", float64(ms.TotalAlloc)},
		{"go_memstats_frees_total", "counter", "Heap objects freed in all.", float64(ms.Frees)},
		{"go_memstats_heap_alloc_bytes", "gauge", "Bytes of heap objects allocated and not yet freed.", float64(ms.HeapAlloc)},
		{"go_memstats_heap_idle_bytes", "gauge", "Bytes of heap spans holding no object.", float64(ms.HeapIdle)},
		{"go_memstats_heap_inuse_bytes", "gauge", "Bytes of heap spans holding objects.", float64(ms.HeapInuse)},
		{"go_memstats_heap_objects", "gauge", "Heap objects allocated and not yet freed.", float64(ms.HeapObjects)},
		{"go_memstats_heap_released_bytes", "gauge", "Bytes of heap returned to the system.", float64(ms.HeapReleased)},
		{"go_memstats_heap_sys_bytes", "gauge", "Bytes of heap obtained from the system.", float64(ms.HeapSys)},
		{"go_memstats_last_gc_time_seconds", "gauge", "When the last garbage collection ended, in seconds since 1970.", float64(ms.LastGC) / 1e9},
		{"go_memstats_mallocs_total", "counter", "Heap objects allocated in all.", float64(ms.Mallocs)},
		{"go_memstats_next_gc_bytes", "gauge", "Heap size at which the next garbage collection starts.", float64(ms.NextGC)},
		{"go_memstats_stack_inuse_bytes", "gauge", "Bytes of goroutine stacks in use.", float64(ms.StackInuse)},
		{"go_memstats_sys_bytes", "gauge", "Bytes obtained from the system in all.", float64(ms.Sys)},
	} {
		family(out, s.name, s.kind, s.help)
		sample(out, s.name, "", s.v)
	}
	if n, ok := threads(); ok {
		gauge(out, "go_threads", "Operating system threads of the process.", float64(n))
	}
}

// gauge writes a gauge family of one sample.
func gauge(out *bytes.Buffer, name, help string, v float64) {
	family(out, name, "gauge", help)
	sample(out, name, "", v)
}

// family writes the HELP and TYPE lines of a metric family.
func family(out *bytes.Buffer, name, kind, help string) {
	fmt.Fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", name, helpEscaper.Replace(help), name, kind)
}

// sample writes a sample line: name, labels ("" or {…}) and value.
func sample(out *bytes.Buffer, name, labels string, v float64) {
	out.WriteString(name)
	out.WriteString(labels)
	out.WriteByte(' ')
	out.WriteString(formatFloat(v))
	out.WriteByte('\n')
}

// formatFloat writes a value as the text format has it.
func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// labels returns the label set {k1="v1",...} of label names and values in
// pairs.
func labels(pairs ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		if i == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(pairs[i])
		b.WriteString(`="`)
		labelEscaper.WriteString(&b, pairs[i+1])
		b.WriteByte('"')
	}
	if len(pairs) >= 2 {
		b.WriteByte('}')
	}
	return b.String()
}

// pairsInOrder returns the keys of m in order.
func pairsInOrder(m map[[2]string]uint64) [][2]string {
	return slices.SortedFunc(maps.Keys(m), func(a, b [2]string) int {
		return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
	})
}

// labelEscaper escapes a label value for the text format: backslash,
// double quote and line feed.
var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// helpEscaper escapes a HELP text for the text format: backslash and line
// feed.
var helpEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
