package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates/assessment"
)

// cohort is the work of one roster: the standard, the options and the
// candidates with their file stems.
type cohort struct {
	s     *standard.Standard
	opt   assessment.AssessmentOptions
	cands []assessment.Candidate
	names []string
}

// readCohort reads the roster at path for s.
func readCohort(s *standard.Standard, opt assessment.AssessmentOptions, path string) (*cohort, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read roster: %w", err)
	}
	defer f.Close()
	cands, err := assessment.ReadRoster(f, path)
	if err != nil {
		return nil, err
	}
	return &cohort{s: s, opt: opt, cands: cands, names: assessment.FileNames(cands)}, nil
}

// doc builds candidate i's form set.
func (c *cohort) doc(i int) (*render.Document, error) {
	d, err := assessment.Assessment(c.s, c.opt, &c.cands[i])
	if err != nil {
		return nil, fmt.Errorf("candidate %s (roster line %d): %w", c.cands[i].Name, c.cands[i].Line, err)
	}
	return d, nil
}

// renderRoster renders one form set per candidate of the roster: into a
// folder of files, one per candidate, or with --combine into one file.
// Either all outputs are written or none: files are made in a temporary
// folder and moved into place only when every candidate succeeded.
func renderRoster(cmd *cobra.Command, s *standard.Standard, in input, opt assessment.AssessmentOptions,
	f *renderFlags, format string, enc *encoder) error {
	if err := opt.Check(s); err != nil {
		return err
	}
	c, err := readCohort(s, opt, f.roster)
	if err != nil {
		return err
	}
	stderr := cmd.ErrOrStderr()
	if f.combine {
		data, err := c.combined(cmd.Context(), f.jobs, format, enc, newProgress(stderr, len(c.cands), "forms"))
		if err != nil {
			return err
		}
		out := f.out
		if out == "" {
			out = defaultOutput(in, s, "assessment-cohort", format)
		}
		if err := writeFile(out, data, cmd.OutOrStdout()); err != nil {
			return err
		}
		if out != "-" {
			fmt.Fprintf(stderr, "wrote %s: %d candidates (%d bytes)\n", out, len(c.cands), len(data))
		}
		return nil
	}
	out := f.out
	if out == "-" {
		return errors.New("a roster without --combine writes one file per candidate: give a folder with -o")
	}
	if out == "" {
		out = strings.TrimSuffix(defaultOutput(in, s, "assessment", format), "."+format)
	}
	n, err := c.files(cmd.Context(), f.jobs, out, format, enc, newProgress(stderr, len(c.cands), "forms"))
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %d files to %s\n", n, out)
	return nil
}

// combined renders every candidate's forms as one document.
func (c *cohort) combined(ctx context.Context, workers int, format string, enc *encoder, bar *progress) ([]byte, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	docs := make([]*render.Document, len(c.cands))
	errs := parallel(ctx, workers, len(c.cands), func(i int) error {
		d, err := c.doc(i)
		docs[i] = d
		bar.step()
		return err
	})
	bar.done()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	title := docs[0].Meta.Title
	all, err := assessment.Combine(title, docs...)
	if err != nil {
		return nil, err
	}
	return enc.encode(all, format)
}

// files renders one file per candidate into the folder out and returns
// how many it wrote.
func (c *cohort) files(ctx context.Context, workers int, out, format string, enc *encoder, bar *progress) (int, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, ".ocs-roster-*")
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", out, err)
	}
	defer os.RemoveAll(tmp)
	errs := parallel(ctx, workers, len(c.cands), func(i int) error {
		defer bar.step()
		d, err := c.doc(i)
		if err != nil {
			return err
		}
		data, err := enc.encode(d, format)
		if err != nil {
			return fmt.Errorf("candidate %s (roster line %d): %w", c.cands[i].Name, c.cands[i].Line, err)
		}
		return os.WriteFile(filepath.Join(tmp, c.names[i]+"."+format), data, 0o644)
	})
	bar.done()
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return 0, fmt.Errorf("create %s: %w", out, err)
	}
	for _, name := range c.names {
		file := name + "." + format
		if err := os.Rename(filepath.Join(tmp, file), filepath.Join(out, file)); err != nil {
			return 0, fmt.Errorf("write %s: %w", filepath.Join(out, file), err)
		}
	}
	return len(c.names), nil
}
