package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// pageCSP is the Content-Security-Policy of every page and API answer:
// nothing but this origin's own scripts, styles and frames.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"

// docCSP is the policy of a rendered HTML document shown in a frame: no
// script runs at all (sandbox), and the document's own <style> element
// and style attributes apply.
const docCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-same-origin; base-uri 'none'; frame-ancestors 'self'"

// recorder remembers the status a handler answered.
type recorder struct {
	http.ResponseWriter
	code int
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

type ctxKey int

const requestIDKey ctxKey = 0

// requestID returns the id of the request ctx belongs to.
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// newID returns a random request id.
func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// validID reports whether a client's X-Request-Id can be echoed: short,
// printable ASCII without spaces.
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

// wrap adds to every request: a request id (X-Request-Id, kept from the
// client when sane), security headers, the body limit, the timeout, the
// bearer token on /api, metrics and one log line.
func (s *Server) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if !validID(id) {
			id = newID()
		}
		h := w.Header()
		h.Set("X-Request-Id", id)
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")

		ctx, cancel := context.WithTimeout(context.WithValue(r.Context(), requestIDKey, id), s.cfg.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)

		s.met.inFlight.Add(1)
		rec := &recorder{ResponseWriter: w}
		if strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/api/openapi.json" && !s.authorized(r) {
			h.Set("WWW-Authenticate", `Bearer realm="ocs"`)
			writeError(rec, http.StatusUnauthorized, "this API needs a token: send the header Authorization: Bearer TOKEN")
		} else if r.ContentLength > s.cfg.MaxBody {
			writeError(rec, http.StatusRequestEntityTooLarge, tooLarge(s.cfg.MaxBody))
		} else {
			next.ServeHTTP(rec, r)
		}
		s.met.inFlight.Add(-1)
		if rec.code == 0 {
			rec.code = http.StatusOK
		}
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		d := time.Since(start)
		s.met.observe(route, rec.code, d)
		level := slog.LevelInfo
		if rec.code >= 500 && route != "GET /health" {
			level = slog.LevelError
		}
		s.log.LogAttrs(ctx, level, "request", slog.String("id", id), slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.String("route", route), slog.Int("status", rec.code),
			slog.Duration("duration", d), slog.String("remote", r.RemoteAddr))
	})
}

// authorized reports whether r carries the configured token, or no token
// is configured.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) == 1
}

// acquire takes a render slot, waiting at most the configured queue time.
// It returns false (the caller answers 503) when none frees up in time.
func (s *Server) acquire(ctx context.Context) bool {
	select {
	case s.renders <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(s.cfg.Queue)
	defer t.Stop()
	select {
	case s.renders <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

// release frees a render slot.
func (s *Server) release() { <-s.renders }
