package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/fonts"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3"
// (make dist does it from the git tag or git describe). A plain go build
// or go run leaves "dev", and buildInfo adds the commit.
var version = "dev"

// revision is the commit, stamped by make dist with -X main.revision=…
// for builds where the go command records none.
var revision = ""

// build describes this executable: its version, the commit it was built
// from and the Go toolchain.
type build struct {
	Version  string // v1.2.3, or dev+<revision> for an unreleased build
	Revision string // the git commit, when the build knows it
	Modified bool   // built from a work tree with uncommitted changes
	Go       string // e.g. go1.26.8 linux/amd64
}

// buildInfo reads the version stamped at link time and the VCS settings
// the go command records.
func buildInfo() build {
	b := build{Version: version, Revision: revision, Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Revision = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if b.Version == "dev" && b.Revision != "" {
		b.Version = "dev+" + short(b.Revision)
	}
	return b
}

func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

// printVersion writes what `ocs version` and `ocs --version` print: the
// version, the commit, the Go toolchain and the embedded fonts.
func printVersion(w io.Writer) {
	b := buildInfo()
	fmt.Fprintf(w, "ocs %s\n", b.Version)
	if b.Revision != "" {
		mod := ""
		if b.Modified {
			mod = " (with uncommitted changes)"
		}
		fmt.Fprintf(w, "revision %s%s\n", b.Revision, mod)
	}
	fmt.Fprintf(w, "go       %s\n", b.Go)
	for _, f := range fonts.Embedded() {
		fmt.Fprintf(w, "font     %s, %s (%s embedded)\n", f.Name, f.Version, size(f.Bytes))
	}
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of ocs, its commit, Go version and embedded fonts",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			printVersion(cmd.OutOrStdout())
		},
	}
}

// setVersionFlag makes `ocs --version` print the same as `ocs version`.
func setVersionFlag(root *cobra.Command) {
	root.Flags().Bool("version", false, "print the version of ocs and exit")
	root.RunE = func(cmd *cobra.Command, args []string) error {
		if v, _ := cmd.Flags().GetBool("version"); v {
			printVersion(cmd.OutOrStdout())
			return nil
		}
		return cmd.Help()
	}
}

// size writes a byte count the way people read it: 6.5 MB, 98 KB.
func size(n int) string {
	if n >= 1e6 {
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%d KB", (n+500)/1000)
}
