// Package importer turns a published 職能基準 (its official PDF, a Word or
// OpenDocument file, or the text extracted from it) into the TOML of
// package standard. A reader per format produces one neutral grid
// (package grid); one interpreter here knows the official form and reads
// the grid; a writer writes TOML that reads like a hand-made file, with a
// comment at every judgement; the result is checked with package
// standard's own validation.
package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/standard"
)

// ReadFunc is a format reader: the bytes of a file in, its grid out. A
// reader whose work grows with the file (PDF) stops with ctx's error when
// ctx is done.
type ReadFunc func(ctx context.Context, data []byte) (*grid.Document, error)

var (
	mu      sync.RWMutex
	readers = map[string]ReadFunc{}
)

// Register makes a reader available for a format named by Sniff ("pdf",
// "docx", "odt", "text"). A program registers the readers it links in.
func Register(format string, read ReadFunc) {
	mu.Lock()
	defer mu.Unlock()
	readers[format] = read
}

// MaxInput is the largest file Import accepts (64 MiB).
const MaxInput = 64 << 20

// Sniff names the format of data from its first bytes: "pdf" (%PDF- in
// the first kilobyte),
// "docx" (a zip with word/document.xml), "odt" (a zip whose mimetype is
// application/vnd.oasis.opendocument.text), "zip" for any other zip, and
// "text" for the rest.
func Sniff(data []byte) string {
	switch {
	case bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		return "pdf" // readers accept a header within the first kilobyte
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return "zip"
		}
		for _, f := range z.File {
			switch f.Name {
			case "word/document.xml":
				return "docx"
			case "mimetype":
				if mimeIs(f, "application/vnd.oasis.opendocument.text") {
					return "odt"
				}
			}
		}
		return "zip"
	}
	return "text"
}

func mimeIs(f *zip.File, want string) bool {
	if f.UncompressedSize64 > 100 {
		return false
	}
	r, err := f.Open()
	if err != nil {
		return false
	}
	defer r.Close()
	got, err := io.ReadAll(io.LimitReader(r, 101))
	return err == nil && string(got) == want
}

// UnusableError reports input the importer cannot read at all: an unknown
// or broken format, or a file that holds no 職能基準.
type UnusableError struct{ Err error }

func (e *UnusableError) Error() string { return e.Err.Error() }
func (e *UnusableError) Unwrap() error { return e.Err }

// Result is an import: the TOML written, the draft it was written from,
// the interpreter's report and the problems `ocs check` finds in it.
type Result struct {
	Format   string
	Draft    *Draft
	TOML     []byte
	Report   []Finding
	Problems standard.Problems
}

// Errors reports whether the result has check errors or text that could
// not be placed.
func (r *Result) Errors() bool {
	if len(r.Problems.Errors()) > 0 {
		return true
	}
	for _, f := range r.Report {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Options name the files of an import.
type Options struct {
	// Source names the input in the TOML's opening comment and in errors.
	Source string
	// Output names the TOML in check problems; Source + ".toml" when empty.
	Output string
}

func (o Options) output() string {
	if o.Output != "" {
		return o.Output
	}
	return o.Source + ".toml"
}

// Import reads a file's bytes in whichever registered format they are,
// interprets the grid and writes and checks the TOML. The error is an
// *UnusableError when the input cannot be read as a standard at all, and
// wraps ctx's error when ctx ends before the import does.
func Import(ctx context.Context, data []byte, opt Options) (*Result, error) {
	name := opt.Source
	if len(data) > MaxInput {
		return nil, &UnusableError{fmt.Errorf("%s is %d MiB, more than the %d MiB an import accepts", name, len(data)>>20, MaxInput>>20)}
	}
	format := Sniff(data)
	if format == "zip" {
		return nil, &UnusableError{fmt.Errorf("%s is a zip file but neither a Word document (.docx) nor an OpenDocument text (.odt)", name)}
	}
	mu.RLock()
	read := readers[format]
	mu.RUnlock()
	if read == nil {
		return nil, &UnusableError{fmt.Errorf("%s is a %s file, and this build of ocs has no %s reader", name, format, format)}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: import stopped: %w", name, err)
	}
	doc, err := read(ctx, data)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return nil, fmt.Errorf("%s: import %w", name, err)
	}
	if err != nil {
		return nil, &UnusableError{fmt.Errorf("%s: %w", name, err)}
	}
	return FromGrid(doc, opt)
}

// FromGrid interprets a grid and writes and checks the TOML.
func FromGrid(doc *grid.Document, opt Options) (*Result, error) {
	name := opt.Source
	d, report, err := Interpret(doc)
	if err != nil {
		if errors.Is(err, ErrNotStandard) {
			return nil, &UnusableError{fmt.Errorf("%s: %w", name, err)}
		}
		return nil, err
	}
	out := WriteTOML(d, name)
	_, probs := standard.CheckData(opt.output(), out)
	return &Result{Format: doc.Format, Draft: d, TOML: out, Report: report, Problems: probs}, nil
}
