// Command dist builds the release archives of ocs: one per operating
// system and architecture, each holding the static executable, the README,
// the licences and the font notices, plus a SHA256SUMS file. The archives
// are reproducible: built twice from the same commit with the same Go,
// they have the same bytes.
//
//	go run ./internal/release               # every target into release/
//	go run ./internal/release -o out -only linux/amd64
//
// The version comes from -version, else `git describe --tags`, else
// dev+<revision>. File times in the archives are SOURCE_DATE_EPOCH, else
// the commit's time.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// targets are the platforms a release covers: static executables, no cgo.
var targets = []string{
	"linux/amd64", "linux/arm64",
	"darwin/amd64", "darwin/arm64",
	"windows/amd64", "windows/arm64",
}

// docs are the files every archive carries beside the executable, by
// their path in the repository and their name in the archive.
var docs = [][2]string{
	{"README.md", "README.md"},
	{"LICENSE", "LICENSE"},
	{"fonts/README.md", "fonts/README.md"},
	{"fonts/LATIN.md", "fonts/LATIN.md"},
	{"fonts/LICENSE-OGDL-TW", "fonts/LICENSE-OGDL-TW"},
	{"fonts/LICENSE-OFL", "fonts/LICENSE-OFL"},
}

func main() {
	out := flag.String("o", "release", "folder to write the archives and SHA256SUMS into")
	ver := flag.String("version", "", "version to stamp (default: git describe --tags, else dev+<revision>)")
	only := flag.String("only", "", "comma-separated targets to build, e.g. linux/amd64 (default: all)")
	flag.Parse()
	if err := run(context.Background(), *out, *ver, *only); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out, ver, only string) error {
	if ver == "" {
		ver = describe(ctx)
	}
	mtime, err := sourceDate(ctx)
	if err != nil {
		return err
	}
	list := targets
	if only != "" {
		list = strings.Split(only, ",")
		for _, t := range list {
			if !known(t) {
				return fmt.Errorf("unknown target %q (known: %s)", t, strings.Join(targets, ", "))
			}
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "ocs-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	var names []string
	for _, t := range list {
		goos, goarch, _ := strings.Cut(t, "/")
		exe := filepath.Join(tmp, t, binaryName(goos))
		if err := compile(ctx, goos, goarch, ver, exe); err != nil {
			return err
		}
		files, err := archiveFiles(exe, goos)
		if err != nil {
			return err
		}
		name := archiveName(ver, goos, goarch)
		if err := writeArchive(filepath.Join(out, name), strings.TrimSuffix(strings.TrimSuffix(name, ".zip"), ".tar.gz"), files, mtime); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Println(filepath.Join(out, name))
		names = append(names, name)
	}
	return writeSums(out, names)
}

func known(t string) bool {
	for _, k := range targets {
		if k == t {
			return true
		}
	}
	return false
}

func binaryName(goos string) string {
	if goos == "windows" {
		return "ocs.exe"
	}
	return "ocs"
}

// archiveName is ocs_<version>_<os>_<arch>.tar.gz, or .zip for Windows.
func archiveName(ver, goos, goarch string) string {
	ext := ".tar.gz"
	if goos == "windows" {
		ext = ".zip"
	}
	return fmt.Sprintf("ocs_%s_%s_%s%s", ver, goos, goarch, ext)
}

// compile builds a static, stripped, reproducible executable.
func compile(ctx context.Context, goos, goarch, ver, exe string) error {
	ldflags := "-s -w -buildid= -X main.version=" + ver
	if out, err := exec.CommandContext(ctx, "git", "rev-parse", "HEAD").Output(); err == nil {
		ldflags += " -X main.revision=" + strings.TrimSpace(string(out))
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-buildvcs=true",
		"-ldflags", ldflags, "-o", exe, "./cmd/ocs")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch, "GOFLAGS=")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build for %s/%s: %w", goos, goarch, err)
	}
	return nil
}

// archiveFiles lists an archive's members: the executable first, then the
// documents.
func archiveFiles(exe, goos string) ([]member, error) {
	data, err := os.ReadFile(exe)
	if err != nil {
		return nil, err
	}
	files := []member{{Name: binaryName(goos), Data: data, Exec: true}}
	for _, d := range docs {
		b, err := os.ReadFile(d[0])
		if err != nil {
			return nil, fmt.Errorf("run dist from the repository root: %w", err)
		}
		files = append(files, member{Name: d[1], Data: b})
	}
	return files, nil
}

// describe names the version: the tag or `git describe` of HEAD, else
// dev+<revision>, else dev.
func describe(ctx context.Context) string {
	if out, err := exec.CommandContext(ctx, "git", "describe", "--tags", "--dirty").Output(); err == nil {
		return strings.TrimSpace(string(out))
	}
	if out, err := exec.CommandContext(ctx, "git", "rev-parse", "--short=12", "HEAD").Output(); err == nil {
		v := "dev+" + strings.TrimSpace(string(out))
		if st, err := exec.CommandContext(ctx, "git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
			v += "-dirty"
		}
		return v
	}
	return "dev"
}

// sourceDate is the time stamped on archive members: SOURCE_DATE_EPOCH,
// else the time of the last commit, else 2000-01-01.
func sourceDate(ctx context.Context) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 315532800 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want seconds since 1970, from 1980 on (zip cannot hold earlier dates)", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if out, err := exec.CommandContext(ctx, "git", "log", "-1", "--format=%ct").Output(); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64); err == nil {
			return time.Unix(n, 0).UTC(), nil
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), nil
}
