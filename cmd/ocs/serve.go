package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/server"
)

// serveFlags are the settings of ocs serve.
type serveFlags struct {
	addr       string
	standards  []string
	open       bool
	logFormat  string
	maxBody    string
	timeout    time.Duration
	maxRenders int
	token      string
	grace      time.Duration
	drain      time.Duration
}

// newServeCmd builds ocs serve: the web app and HTTP API.
func newServeCmd(e *env, d flagDefs) *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web app and HTTP API",
		Long: `serve runs a web app for HR staff, assessors and standards authors, and an HTTP API
(documented at /api/openapi.json), on the bundled standards and any folder of TOML files.

The server keeps nothing: every request carries its inputs and every document is
made in memory, so any number of copies can run behind a load balancer. /health
answers 200 when ready and 503 while shutting down. Set OCS_TOKEN (or --token) to
require "Authorization: Bearer TOKEN" on /api.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd, e, f)
		},
	}
	d.add(cmd, func() {
		fl := cmd.Flags()
		fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; 0.0.0.0:8080 for every interface)")
		fl.StringSliceVar(&f.standards, "standards", nil, "folder of standard TOML files to serve besides the bundled ones (repeatable)")
		fl.BoolVar(&f.open, "open", false, "open the web app in the browser")
		fl.StringVar(&f.logFormat, "log-format", "text", "request log format: text or json")
		fl.StringVar(&f.maxBody, "max-body", "20MB", "largest request body (e.g. 20MB, 512KB)")
		fl.DurationVar(&f.timeout, "timeout", 60*time.Second, "longest time one request may take")
		fl.IntVar(&f.maxRenders, "max-renders", runtime.NumCPU(), "documents made at once; more wait briefly, then get 503")
		fl.StringVar(&f.token, "token", "", "bearer token the API requires (default $OCS_TOKEN; none = open)")
		fl.DurationVar(&f.grace, "shutdown-timeout", 30*time.Second, "how long requests in flight may finish after SIGINT or SIGTERM")
		fl.DurationVar(&f.drain, "drain-delay", 0, "after SIGINT or SIGTERM, keep serving this long with /health at 503 so load balancers stop sending requests")
	})
	return cmd
}

// parseSize reads a size such as "20MB", "512KB", "1GB" or a byte count.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("--max-body %q is not a size: write e.g. 20MB or 512KB", s)
	}
	return n * mult, nil
}

func runServe(cmd *cobra.Command, e *env, f *serveFlags) error {
	date, err := e.documentDate()
	if err != nil {
		return err
	}
	maxBody, err := parseSize(f.maxBody)
	if err != nil {
		return err
	}
	if f.logFormat != "text" && f.logFormat != "json" {
		return fmt.Errorf("--log-format %q: choose text or json", f.logFormat)
	}
	token := f.token
	if token == "" {
		token = os.Getenv("OCS_TOKEN")
	}
	log := newLogger(cmd.ErrOrStderr(), f.logFormat)
	enc, err := pipeline.NewEncoder(pipeline.EncoderConfig{})
	if err != nil {
		return err
	}
	srv, err := server.New(server.Config{Standards: f.standards, Encoder: enc, Logger: log, MaxBody: maxBody,
		Timeout: f.timeout, MaxRenders: f.maxRenders, Token: token, Version: version, Date: date})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (choose another port with --addr)", f.addr, err)
	}
	url := "http://" + displayAddr(ln.Addr().String()) + "/"
	fmt.Fprintf(cmd.OutOrStdout(), "ocs serve: %s (Ctrl-C to stop)\n", url)
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: f.timeout,
		WriteTimeout: f.timeout + 10*time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	if f.open {
		openBrowser(url, log)
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	stop()
	srv.SetReady(false)
	if f.drain > 0 {
		log.Info("draining: /health answers 503", "for", f.drain)
		time.Sleep(f.drain)
	}
	log.Info("shutting down: letting requests in flight finish", "within", f.grace)
	sctx, cancel := context.WithTimeout(context.Background(), f.grace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: requests still running after %s were cut off: %w", f.grace, err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newLogger returns the request logger in format text or json.
func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// displayAddr is the address to print: a wildcard host becomes localhost.
func displayAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// openBrowser opens url in the user's browser, logging when it cannot.
func openBrowser(url string, log *slog.Logger) {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		c = exec.Command("open", url)
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	if err := c.Start(); err != nil {
		log.Warn("cannot open the browser: open the address yourself", "url", url, "err", err)
		return
	}
	go func() { _ = c.Wait() }()
}
