package server

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
)

// Config are the settings of a Server. Zero values take the defaults
// noted on each field.
type Config struct {
	// Standards are folders of standard TOML files served besides the
	// bundled standards. A file that does not load is logged and left out.
	Standards []string
	// Encoder makes the documents; nil means the embedded fonts only.
	Encoder *pipeline.Encoder
	// Logger receives one line per request; nil discards them.
	Logger *slog.Logger
	// MaxBody bounds a request body in bytes; 0 means 20 MiB.
	MaxBody int64
	// Timeout bounds the handling of one request; 0 means 60 seconds.
	Timeout time.Duration
	// MaxRenders bounds the documents made at once; 0 means 4.
	MaxRenders int
	// Queue is how long a render waits for a free slot before the server
	// answers 503; 0 means 5 seconds.
	Queue time.Duration
	// Token, when set, must be sent as "Authorization: Bearer TOKEN" to
	// every /api route.
	Token string
	// Version is what GET /version reports.
	Version string
	// Date is the date documents carry; zero means the backends' fixed
	// default, so answers are reproducible.
	Date time.Time
}

// entry is a standard the server offers.
type entry struct {
	Code   string // the code, or the file stem for a standard without one
	Src    pipeline.Source
	Std    *standard.Standard
	Warns  standard.Problems
	Origin string // "bundled" or the folder it came from
}

// Server is the web app and API. Make one with New.
type Server struct {
	cfg     Config
	enc     *pipeline.Encoder
	log     *slog.Logger
	list    []*entry
	byCode  map[string]*entry
	renders chan struct{}
	ready   atomic.Bool
	met     *metrics
	handler http.Handler
}

// New loads the bundled standards and those of cfg.Standards and returns
// a ready server.
func New(cfg Config) (*Server, error) {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 20 << 20
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 60 * time.Second
	}
	if cfg.MaxRenders <= 0 {
		cfg.MaxRenders = 4
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 5 * time.Second
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	s := &Server{cfg: cfg, enc: cfg.Encoder, log: cfg.Logger, byCode: map[string]*entry{},
		renders: make(chan struct{}, cfg.MaxRenders)}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.enc == nil {
		enc, err := pipeline.NewEncoder(pipeline.EncoderConfig{})
		if err != nil {
			return nil, err
		}
		s.enc = enc
	}
	if err := s.loadCatalogue(); err != nil {
		return nil, err
	}
	s.met = newMetrics()
	s.handler = s.routes()
	s.ready.Store(true)
	return s, nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// SetReady marks the server ready or not: GET /health answers 503 while
// it is not (during shutdown, so load balancers stop sending requests).
func (s *Server) SetReady(ok bool) { s.ready.Store(ok) }

// loadCatalogue reads the bundled standards and the configured folders.
func (s *Server) loadCatalogue() error {
	srcs, err := pipeline.AllBundled()
	if err != nil {
		return err
	}
	for _, src := range srcs {
		s.add(src, "bundled")
	}
	for _, dir := range s.cfg.Standards {
		if _, err := os.Stat(dir); err != nil {
			return fmt.Errorf("standards folder: %w (check --standards)", err)
		}
		names, err := fs.Glob(os.DirFS(dir), "*.toml")
		if err != nil {
			return fmt.Errorf("standards folder %s: %w", dir, err)
		}
		for _, n := range names {
			path := filepath.Join(dir, n)
			data, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("read standard: %w", err)
			}
			s.add(pipeline.Source{Name: path, Data: data}, dir)
		}
	}
	slices.SortFunc(s.list, func(a, b *entry) int { return strings.Compare(a.Code, b.Code) })
	return nil
}

// add loads src into the catalogue, logging why when it cannot.
func (s *Server) add(src pipeline.Source, origin string) {
	std, warns, err := pipeline.Load(src)
	if err != nil {
		var ps standard.Problems
		n := 0
		if errors.As(err, &ps) {
			n = len(ps.Errors())
		}
		s.log.Warn("standard left out: it has errors (run ocs check on it)", "file", src.Name, "errors", n, "err", firstLine(err.Error()))
		return
	}
	code := pipeline.RawStem(std, src)
	if _, dup := s.byCode[code]; dup {
		s.log.Warn("standard left out: its code is taken by another one", "file", src.Name, "code", code)
		return
	}
	e := &entry{Code: code, Src: src, Std: std, Warns: warns, Origin: origin}
	s.byCode[code] = e
	s.list = append(s.list, e)
}

// firstLine returns s up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
