package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/internal/pipeline"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/templates/assessment"
)

// cohort is the work of one roster: the job, the pack its documents are
// made from, and the candidates with their file stems.
type cohort struct {
	j     *renderJob
	pack  *assessment.Pack
	cands []assessment.Candidate
	names []string
}

// readCohort reads the roster at path for j.
func readCohort(j *renderJob, path string) (*cohort, error) {
	data, err := pipeline.ReadFile(path, pipeline.DefaultMaxInput, nil)
	if err != nil {
		return nil, fmt.Errorf("read roster: %w", err)
	}
	cands, err := pipeline.ParseRoster(path, data)
	if err != nil {
		return nil, contentError{err}
	}
	pack, err := assessment.NewPack(j.s, j.opt.Assessment)
	if err != nil {
		return nil, err
	}
	return &cohort{j: j, pack: pack, cands: cands, names: assessment.FileNames(cands)}, nil
}

// candidateError places err at candidate i's roster line.
func (c *cohort) candidateError(i int, err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	return contentError{fmt.Errorf("candidate %s (roster line %d): %w", c.cands[i].Name, c.cands[i].Line, err)}
}

// doc builds candidate i's form set from the pack built once for the
// roster: only the blocks naming the candidate are made for each. (A
// roster is never rendered from a draft, which pipeline.Build would
// mark.)
func (c *cohort) doc(i int) *render.Document { return c.pack.Assessment(&c.cands[i]) }

// encoder returns the encoder of the candidates' files: for PDF, one
// with the forms of a candidate whose fields are empty as the template,
// so that the files share their fonts and page bodies, compressed once.
// The template depends on the roster's columns only: a candidate's file
// is the same whoever else the roster lists, in any order, with any
// number of workers (it differs from the candidate's forms rendered on
// their own by the font of the candidate's own characters).
func (c *cohort) encoder() *pipeline.Encoder {
	if c.j.format != pipeline.PDF || len(c.cands) == 0 {
		return c.j.enc
	}
	var blank assessment.Candidate
	for _, f := range c.cands[0].Extra {
		blank.Extra = append(blank.Extra, assessment.Field{Label: f.Label})
	}
	return c.j.enc.WithTemplate(c.pack.Assessment(&blank))
}

// renderRoster renders one form set per candidate of the roster: into a
// folder of files, one per candidate, or with --combine into one file.
// Either all outputs are written or none.
func renderRoster(cmd *cobra.Command, j *renderJob, f *renderFlags) error {
	if err := j.opt.Assessment.Check(j.s); err != nil {
		return err
	}
	c, err := readCohort(j, f.roster)
	if err != nil {
		return err
	}
	ctx, stderr := cmd.Context(), cmd.ErrOrStderr()
	if j.format == pipeline.PDF {
		warnTo(stderr, j.enc.FallbackWarnings(rosterTexts(f.roster, c.cands)))
	}
	bar := newProgress(stderr, len(c.cands), "forms")
	if f.combine {
		data, err := c.combined(ctx, f.jobs, bar, stderr)
		if ctx.Err() != nil {
			return interrupted(ctx, stderr, "nothing written")
		}
		if err != nil {
			return err
		}
		out := f.out
		if out == "" {
			out = defaultOutput(j.src, j.s, "assessment-cohort", j.format)
		}
		if err := writeFile(out, data, cmd.OutOrStdout()); err != nil {
			return err
		}
		if out != "-" {
			fmt.Fprintf(stderr, "wrote %s: %s (%s)\n", out, plural(len(c.cands), "candidate"), plural(len(data), "byte"))
		}
		return nil
	}
	out := f.out
	if out == "-" {
		return errors.New("a roster without --combine writes one file per candidate: give a folder with -o")
	}
	if out == "" {
		out = strings.TrimSuffix(defaultOutput(j.src, j.s, "assessment", j.format), "."+string(j.format))
	}
	n, err := c.files(ctx, f.jobs, out, bar, stderr)
	if ctx.Err() != nil {
		return interrupted(ctx, stderr, "nothing written")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %s to %s\n", plural(n, "file"), out)
	return nil
}

// combined renders every candidate's forms as one document.
func (c *cohort) combined(ctx context.Context, workers int, bar *progress, stderr io.Writer) ([]byte, error) {
	docs := make([]*render.Document, len(c.cands))
	errs := parallel(ctx, workers, len(c.cands), func(i int) error {
		defer bar.step()
		docs[i] = c.doc(i)
		return nil
	})
	bar.done()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	all, err := assessment.Combine(docs[0].Meta.Title, docs...)
	if err != nil {
		return nil, err
	}
	data, warns, err := c.j.enc.Encode(ctx, all, c.j.format)
	if !c.j.quiet {
		warnTo(stderr, warns)
	}
	return data, err
}

// files renders one file per candidate into the folder out and returns
// how many it wrote. Files are made in a hidden temporary folder beside
// out and moved into place only when every candidate succeeded; see
// commitFiles.
func (c *cohort) files(ctx context.Context, workers int, out string, bar *progress, stderr io.Writer) (int, error) {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, fmt.Errorf("create %s: %w", parent, err)
	}
	if info, err := os.Stat(out); err == nil && !info.IsDir() {
		return 0, fmt.Errorf("%s is a file: a roster without --combine writes one file per candidate into a folder; name a folder with -o, or add --combine", out)
	}
	temps.wait()
	tmp, err := os.MkdirTemp(parent, ".ocs-roster-*")
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", out, err)
	}
	if !temps.add(tmp) {
		os.RemoveAll(tmp)
		return 0, context.Canceled
	}
	defer func() {
		os.RemoveAll(tmp)
		temps.done(tmp)
	}()
	files := make([]string, len(c.names))
	for i, name := range c.names {
		files[i] = name + "." + string(c.j.format)
	}
	enc := c.encoder()
	// One file a candidate keeps little alive (a pack per worker and the
	// stream cache) but allocates much: a soft limit has the collector run
	// sooner near 90 MiB, keeping a 500-candidate roster's peak near 100 MB
	// instead of 110–120 MB for no measurable time. (Not for --combine,
	// which holds the whole cohort.) GOMEMLIMIT wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(90 << 20))
	}
	warns := make([][]string, len(c.cands))
	errs := parallel(ctx, workers, len(c.cands), func(i int) error {
		defer bar.step()
		data, w, err := enc.Encode(ctx, c.doc(i), c.j.format)
		warns[i] = w
		if err != nil {
			return c.candidateError(i, err)
		}
		// Synced all together below, once every file is written.
		if err := create(filepath.Join(tmp, files[i]), data, false); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(out, files[i]), unwrapPath(err))
		}
		return nil
	})
	bar.done()
	for i, ws := range warns {
		if c.j.quiet {
			break
		}
		for _, w := range ws {
			fmt.Fprintf(stderr, "warning: %s: %s\n", files[i], w)
		}
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := errors.Join(errs...); err != nil {
		failed := 0
		for _, e := range errs {
			if e != nil {
				failed++
			}
		}
		return 0, fmt.Errorf("%w\nnothing written: %d of %s failed", err, failed, plural(len(files), "file"))
	}
	written := make([]string, len(files))
	for i, f := range files {
		written[i] = filepath.Join(tmp, f)
	}
	if err := syncFiles(written); err != nil {
		return 0, fmt.Errorf("write %s: %w; nothing written", out, unwrapPath(err))
	}
	if err := commitFiles(tmp, out, files, os.Rename); err != nil {
		return 0, err
	}
	return len(files), nil
}

// commitFiles moves files from the folder tmp into the folder out, all or
// none. It first checks every target, so that a folder in the way is
// named before anything moves; then it moves each file, keeping the file
// it replaces in tmp; when a move fails it puts every file back as it was
// and names the target that blocked it. rename is os.Rename (a parameter
// so that tests can make it fail).
func commitFiles(tmp, out string, files []string, rename func(from, to string) error) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	for _, file := range files {
		target := filepath.Join(out, file)
		if info, err := os.Lstat(target); err == nil && info.IsDir() {
			return fmt.Errorf("cannot write %s: a folder of that name is in the way; nothing written (move it away and run again)", target)
		}
	}
	old := filepath.Join(tmp, ".replaced")
	if err := os.Mkdir(old, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	type move struct{ target, backup string }
	var done []move
	undo := func() {
		for i := len(done) - 1; i >= 0; i-- {
			os.Remove(done[i].target)
			if done[i].backup != "" {
				os.Rename(done[i].backup, done[i].target)
			}
		}
	}
	for _, file := range files {
		target := filepath.Join(out, file)
		m := move{target: target}
		if _, err := os.Lstat(target); err == nil {
			m.backup = filepath.Join(old, file)
			if err := rename(target, m.backup); err != nil {
				undo()
				return fmt.Errorf("cannot replace %s: %v; nothing written", target, unwrapPath(err))
			}
		}
		if err := rename(filepath.Join(tmp, file), target); err != nil {
			if m.backup != "" {
				os.Rename(m.backup, target)
			}
			undo()
			return fmt.Errorf("cannot write %s: %v; nothing written", target, unwrapPath(err))
		}
		done = append(done, m)
	}
	syncDir(out)
	return nil
}

// unwrapPath drops the paths of a *os.LinkError or *os.PathError, which
// name hidden temporary files, keeping the reason.
func unwrapPath(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// rosterTexts yields the texts of a roster's candidates, each with its
// file and line.
func rosterTexts(path string, cands []assessment.Candidate) fonts.Texts {
	return func(fn func(where, text string)) {
		for _, c := range cands {
			where := fmt.Sprintf("%s:%d", path, c.Line)
			for _, t := range []string{c.Name, c.ID, c.Organization, c.Date, c.Place, c.Assessor} {
				fn(where, t)
			}
			for _, x := range c.Extra {
				fn(where, x.Value)
			}
		}
	}
}
