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
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/fonts"
	_ "github.com/ocs-project/ocs/internal/hugeheap"
	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/standard"
)

// exitError carries an exit status without printing anything more: the
// command has already told the user what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// contentError is an error in what the user's files say (a roster, an
// overlay), as opposed to a command that cannot run: exit status 1.
type contentError struct{ err error }

func (e contentError) Error() string { return e.err.Error() }
func (e contentError) Unwrap() error { return e.err }

// env is what a run takes from its surroundings, read once at start so
// that no later step reads the environment.
type env struct {
	// date is the documents' date, from SOURCE_DATE_EPOCH; zero means the
	// backends' fixed default.
	date time.Time
	// dateErr is why SOURCE_DATE_EPOCH could not be used; commands that
	// make documents refuse to start with it.
	dateErr error
	// epoch is SOURCE_DATE_EPOCH as given, for build fingerprints.
	epoch string
}

// readEnv reads the environment of a run.
func readEnv() *env {
	e := &env{epoch: os.Getenv("SOURCE_DATE_EPOCH")}
	e.date, e.dateErr = pipeline.ParseEpoch(e.epoch)
	return e
}

// documentDate returns the date documents carry, or the error that stops
// every command that makes documents before it makes any.
func (e *env) documentDate() (time.Time, error) { return e.date, e.dateErr }

// newRoot builds the command tree: the root command, with its flags, and
// each subcommand, whose flags the returned flagDefs define.
func newRoot(e *env) (*cobra.Command, flagDefs) {
	d := flagDefs{}
	root := &cobra.Command{
		Use:   "ocs",
		Short: "Render occupational competency standards (職能基準) as PDF, DOCX and HTML",
		Long: `ocs turns Taiwan's occupational competency standards (職能基準, iCAP), written in TOML,
into the official standard table, assessment forms and job descriptions.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	addSettingsFlag(root)
	root.PersistentFlags().Int64("max-input", pipeline.DefaultMaxInput>>20, "largest input file to read, in MiB (standards, overlays, rosters, templates, files to import)")
	setVersionFlag(root)
	root.AddCommand(
		newRenderCmd(e, d),
		newBuildCmd(e, d),
		newCheckCmd(d),
		newFontsCmd(d),
		newSchemaCmd(d),
		newVersionCmd(),
		newImportCmd(d),
		newNewCmd(d),
		newFillCmd(d),
		newDiffCmd(d),
		newServeCmd(e, d),
	)
	return root, d
}

func main() {
	tuneGC(os.Args[1:])
	ctx, stop := notifySignals(context.Background(), os.Stderr)
	code := execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// tuneGC lets the heap of a command grow to three times what is live
// before collecting (GOGC=200) instead of twice: a command is a short run
// whose heap is mostly the documents it makes, and a 100-candidate roster
// then takes some 12 % less CPU for a peak of about 85 MB instead of 65.
// The server, which runs for long, keeps Go's default, and GOGC in the
// environment wins.
func tuneGC(args []string) {
	if os.Getenv("GOGC") == "" && (len(args) == 0 || args[0] != "serve") {
		debug.SetGCPercent(200)
	}
}

// oneDocument readies the heap of a command that makes one document, a
// short run. Its first megabytes are in huge pages from the start, where
// the system gives them (hugeheap): a cold render of the THM2431 standard
// table then takes some 15 % less time on a virtual machine, whose page
// faults are dear. The heap grows to five times what is live before
// collecting (GOGC=400): the standard table then needs no collection at
// all, and takes some 7 % less time for a peak RSS about 1 MB higher. So
// that a very large document does not take five times its memory,
// collections then keep the heap under heapLimit while they can (a soft
// limit: the heap outgrows it only when more than that is live). GOGC and
// GOMEMLIMIT in the environment win.
func oneDocument() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(heapLimit)
		}
	}
}

// heapLimit is the soft memory limit of a command making one document:
// well above what a standard takes (the THM2431 assessment pack peaks at
// some 30 MB), and below the three times its live heap that GOGC=200
// lets a document of a hundred megabytes take.
const heapLimit = 256 << 20

// execute runs the command line with the given output streams and returns
// the exit status: 0 success, 1 problems found (invalid input, failed
// outputs), 2 the command could not run (usage, unreadable files), 130 or
// 143 interrupted by SIGINT or SIGTERM. On a terminal, control characters
// from input files are shown escaped.
func execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	stdout, stderr = safeTerminal(stdout), safeTerminal(stderr)
	root, flags := newRoot(readEnv())
	flags.defineFor(root, args)
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
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "ocs: interrupted; nothing written")
		return interruptCode(ctx)
	}
	var ps standard.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "ocs: %s; nothing written (run ocs check for every problem)\n", plural(len(ps.Errors()), "error"))
		return 1
	}
	fmt.Fprintln(stderr, "ocs:", err)
	var missing *fonts.MissingError
	var ce contentError
	if errors.As(err, &missing) || errors.As(err, &ce) {
		return 1
	}
	return 2
}

// maxInput is the --max-input limit in bytes.
func maxInput(cmd *cobra.Command) int64 {
	mib, err := cmd.Flags().GetInt64("max-input")
	if err != nil || mib <= 0 {
		return pipeline.DefaultMaxInput
	}
	return mib << 20
}
