// Command ocs turns Taiwan's occupational competency standards (職能基準)
// into the documents people print and post: the official standard table,
// assessment forms and job descriptions, as PDF, DOCX and HTML.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

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
	for _, c := range commands {
		root.AddCommand(c())
	}
	return root
}

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and returns the exit status.
func run(args []string) int {
	root := newRoot()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintln(os.Stderr, "ocs:", err)
	return 2
}

func init() {
	commands = append(commands, func() *cobra.Command {
		return &cobra.Command{
			Use:   "version",
			Short: "Print the version of ocs",
			Args:  cobra.NoArgs,
			Run: func(cmd *cobra.Command, _ []string) {
				fmt.Fprintln(cmd.OutOrStdout(), "ocs", version)
			},
		}
	})
}
