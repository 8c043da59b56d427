package server

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
)

// durationBuckets are the upper bounds, in seconds, of the request
// duration histogram's buckets.
var durationBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// metrics are the server's counters, gauge and histogram. Each metric
// family has a set of its own, not the metrics library's global one, so
// that two servers in one process do not collide, and so that the
// exposition can put each family's HELP and TYPE lines before its samples
// (the library writes samples only).
type metrics struct {
	requests *family // ocs_http_requests_total{code,route}
	duration *family // ocs_http_request_duration_seconds{route}
	docs     *family // ocs_documents_rendered_total{format,kind}
	imports  *family // ocs_imports_total{format,outcome}
	inFlight *vm.Gauge
	families []*family // in the order they are exposed
}

// family is one metric family: its samples and what the exposition says
// of it.
type family struct {
	name, help, kind string // kind: counter, gauge or histogram
	set              *vm.Set
}

func newFamily(name, kind, help string) *family {
	return &family{name: name, help: help, kind: kind, set: vm.NewSet()}
}

func newMetrics() *metrics {
	m := &metrics{
		docs:     newFamily("ocs_documents_rendered_total", "counter", "Documents made, by kind and format."),
		duration: newFamily("ocs_http_request_duration_seconds", "histogram", "Time to answer a request, by route."),
		requests: newFamily("ocs_http_requests_total", "counter", "HTTP requests answered, by route and status code."),
		imports:  newFamily("ocs_imports_total", "counter", "Published standards imported, by format and outcome (ok, errors, unusable, timeout)."),
	}
	inFlight := newFamily("ocs_http_requests_in_flight", "gauge", "Requests being answered now.")
	m.inFlight = inFlight.set.NewGauge(inFlight.name, nil)
	m.families = []*family{m.docs, m.duration, inFlight, m.requests, m.imports}
	return m
}

// observe records one answered request.
func (m *metrics) observe(route string, code int, d time.Duration) {
	m.requests.set.GetOrCreateCounter(series(m.requests.name, "code", strconv.Itoa(code), "route", route)).Inc()
	m.duration.set.GetOrCreatePrometheusHistogramExt(series(m.duration.name, "route", route), durationBuckets).Update(d.Seconds())
}

// rendered counts n documents of the given kind and format.
func (m *metrics) rendered(kind, format string, n int) {
	m.docs.set.GetOrCreateCounter(series(m.docs.name, "format", format, "kind", kind)).Add(n)
}

// imported counts one import of a file in the given format, with its
// outcome.
func (m *metrics) imported(format, outcome string) {
	m.imports.set.GetOrCreateCounter(series(m.imports.name, "format", format, "outcome", outcome)).Inc()
}

// handler serves the metrics in the Prometheus text format (version
// 0.0.4): the server's families, each with its HELP and TYPE, then the Go
// runtime's and the process's metrics as the library writes them.
func (m *metrics) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		var out bytes.Buffer
		m.write(&out)
		vm.WriteGoMetrics(&out)
		vm.WriteProcMetrics(&out)
		vm.WriteFDMetrics(&out)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		w.Write(out.Bytes())
	})
}

// write writes the server's metric families; one with no sample yet is
// left out, as the Prometheus client did.
func (m *metrics) write(out *bytes.Buffer) {
	var samples bytes.Buffer
	for _, f := range m.families {
		samples.Reset()
		f.set.WritePrometheus(&samples)
		if samples.Len() == 0 {
			continue
		}
		fmt.Fprintf(out, "# HELP %s %s\n# TYPE %s %s\n", f.name, escapeHelp(f.help), f.name, f.kind)
		out.Write(samples.Bytes())
	}
}

// series returns the name of one series of a family: name{k1="v1",...},
// from label names and values in pairs, given in the order of the names
// (the order the Prometheus client used).
func series(name string, labels ...string) string {
	var b strings.Builder
	b.WriteString(name)
	for i := 0; i+1 < len(labels); i += 2 {
		if i == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(labels[i])
		b.WriteString(`="`)
		labelEscaper.WriteString(&b, labels[i+1])
		b.WriteByte('"')
	}
	if len(labels) >= 2 {
		b.WriteByte('}')
	}
	return b.String()
}

// labelEscaper escapes a label value for the text format: backslash,
// double quote and line feed.
var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// escapeHelp escapes a HELP text for the text format: backslash and line
// feed.
func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}
