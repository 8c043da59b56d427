# ocs — common tasks. `make test` is the README's test command and what CI runs.
GO ?= go
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

.PHONY: all build test lint bench docs dist fonts fuzz clean

all: build

build:
	$(GO) build -o bin/ocs ./cmd/ocs

# lint: formatting and vet must be clean.
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# test runs every test and lists the ones that skipped (a missing tool, see
# internal/testtool; OCS_REQUIRE_TOOLS=1 makes those failures instead),
# ending with go test's usual line per package.
test: lint
	$(GO) test -count=1 -timeout 30m -json ./... | $(GO) run ./internal/testsum

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# dist builds the release archives (linux, darwin, windows × amd64, arm64;
# static, no cgo) with README, licences and font notices, and SHA256SUMS,
# into release/. Reproducible: the same commit gives the same bytes.
# VERSION=v1.2.3 overrides git describe.
dist:
	$(GO) run ./internal/release -o release $(if $(VERSION),-version $(VERSION))

# docs renders every bundled standard into dist/.
docs:
	$(GO) run ./cmd/ocs build -o dist

# fonts rebuilds the embedded font subset from Debian packages (not needed for CI).
fonts:
	sh fonts/build.sh
	sh fonts/latin.sh

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 60s ./standard

clean:
	rm -rf bin dist release
