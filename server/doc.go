// Package server is the web app and HTTP API of `ocs serve`: the same
// pipeline as the command line (internal/pipeline), behind net/http.
//
// The server is stateless: every request carries its inputs, every
// document is made in memory and answered, and nothing is written to
// disk, so any number of copies can run behind a load balancer. New
// makes a Server from a Config; Server.Handler is the http.Handler to
// serve.
//
// Routes:
//
//	GET  /                      library (searchable list of standards)
//	GET  /standards/{code}      a standard: the table, downloads, checks
//	GET  /posting/{code}        job posting form (POST: check, preview, save, download)
//	GET  /assessment/{code}     assessment form (POST: download)
//	GET  /check                 check a TOML (POST: the problems and the source)
//	GET  /import                import a published standard (POST: report, problems, TOML)
//	GET  /health, /version, /metrics
//	GET  /api/openapi.json, /api/standards
//	POST /api/check, /api/render/{kind}, /api/import
package server
