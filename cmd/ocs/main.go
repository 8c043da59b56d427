// Command ocs turns Taiwan's occupational competency standards (職能基準)
// into the documents people print and post: the official standard table,
// assessment forms and job descriptions, as PDF, DOCX and HTML.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/standard"
)

// exitError carries an exit status without printing anything more: the
// command has already told the user what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// commands registers the subcommands; each file of this package adds its own.
var commands []func() *cobra.Command

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "ocs",
		Short: "Render occupational competency standards (職能基準) as PDF, DOCX and HTML",
		Long: `ocs turns Taiwan's occupational competency standards (職能基準, iCAP), written in TOML,
into the official standard table, assessment forms and job descriptions.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	addSettingsFlag(root)
	setVersionFlag(root)
	for _, c := range commands {
		root.AddCommand(c())
	}
	return root
}

func main() {
	os.Exit(execute(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// execute runs the command line with the given output streams and returns
// the exit status: 0 success, 1 problems found (invalid input, failed
// outputs), 2 the command could not run (usage, unreadable files).
func execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ps standard.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "ocs: %d errors; nothing written (run ocs check for every problem)\n", len(ps.Errors()))
		return 1
	}
	fmt.Fprintln(stderr, "ocs:", err)
	var missing *fonts.MissingError
	if errors.As(err, &missing) {
		return 1
	}
	return 2
}
