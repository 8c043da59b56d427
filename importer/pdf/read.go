// Package pdf reads a PDF for import: the text it shows and the tables
// its ruling lines draw, page by page, into a neutral grid.Document.
//
// It is a self-contained reader: one forward scan of the file finds every
// object (so damaged cross-reference tables and incremental updates read
// alike), fonts are read through their ToUnicode maps and widths, and the
// content streams are run to place every character and collect the
// horizontal and vertical rules (stroked lines and thin filled
// rectangles). Rules become cell grids; characters go to the cell that
// holds their centre, other text becomes loose lines. The reader knows
// nothing of the documents it reads.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/ocs-project/ocs/importer/grid"
)

// Errors that Read wraps, for callers that tell the causes apart.
var (
	// ErrNotPDF: the data does not start like a PDF.
	ErrNotPDF = errors.New("this is not a PDF file (it does not start with %PDF-)")
	// ErrEncrypted: the document is encrypted.
	ErrEncrypted = errors.New("this PDF is encrypted; open it in a PDF reader, print or save it as a PDF without a password, and import that file")
	// ErrNoText: no page shows any text.
	ErrNoText = errors.New("this PDF has no text; it looks scanned (run OCR on it first, or import the Word file it came from)")
	// ErrMalformed: the file is damaged or truncated.
	ErrMalformed = errors.New("this PDF is damaged")
	// ErrTooLarge: a limit in Options was reached.
	ErrTooLarge = errors.New("this PDF is larger than the import limits")
)

// errBudget: the work budget (Options.MaxOperators) is spent.
var errBudget = fmt.Errorf("%w: reading it takes more work than Options.MaxOperators allows (more than that many content operators, rule crossings and table cells)", ErrTooLarge)

// Options are the limits of one Read. A zero field takes its default.
type Options struct {
	MaxBytes        int64 // size of the file; default 64 MiB
	MaxPages        int   // default 2000
	MaxObjects      int   // default 1,000,000
	MaxDecompressed int64 // bytes all decoded streams may take together; default 256 MiB
	MaxOperators    int   // work in all: content operators run, rule crossings tested, table cells built, characters placed; default 20,000,000
	MaxGlyphs       int   // characters and rules on one page; default 200,000
}

func (o Options) withDefaults() Options {
	orDefault(&o.MaxBytes, 64<<20)
	orDefault(&o.MaxPages, 2000)
	orDefault(&o.MaxObjects, 1_000_000)
	orDefault(&o.MaxDecompressed, 256<<20)
	orDefault(&o.MaxOperators, 20_000_000)
	orDefault(&o.MaxGlyphs, 200_000)
	return o
}

func orDefault[T int | int64](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}

// Sniff reports whether data looks like a PDF: "%PDF-" within its first
// kilobyte, as readers accept it.
func Sniff(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// Read reads a PDF into tables and loose lines, in reading order: per
// page, top to bottom. Each table on each page is one grid.Table; cells
// carry their page and box (points, origin top left). Read stops with
// ctx's error, between pages and within a page's content, when ctx is
// done.
func Read(ctx context.Context, data []byte, opt Options) (doc *grid.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%w: the reader failed on it (%v); please report this file", ErrMalformed, r)
		}
	}()
	return read(ctx, data, opt)
}

func read(ctx context.Context, data []byte, opt Options) (*grid.Document, error) {
	opt = opt.withDefaults()
	if int64(len(data)) > opt.MaxBytes {
		return nil, fmt.Errorf("%w: the file has %d bytes; the limit is %d", ErrTooLarge, len(data), opt.MaxBytes)
	}
	if !Sniff(data) {
		return nil, ErrNotPDF
	}
	if !bytes.Contains(data[max(0, len(data)-2048):], []byte("%%EOF")) {
		return nil, fmt.Errorf("%w: it has no end-of-file marker (%%%%EOF) at its end, so it is probably truncated; download it again", ErrMalformed)
	}
	f, err := parse(data, opt)
	if err != nil {
		return nil, err
	}
	pages, err := f.pages()
	if err != nil {
		return nil, err
	}
	doc := &grid.Document{Format: "pdf", Pages: len(pages)}
	budget := opt.MaxOperators
	fonts := map[uintptr]*font{}
	chars := 0
	for i, pg := range pages {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("stopped before page %d: %w", i+1, err)
		}
		in := &interp{ctx: ctx, f: f, box: pg.box, rotate: pg.rotate, fonts: fonts, budget: &budget}
		for _, s := range pg.contents {
			b, err := f.decode(s)
			if err != nil {
				return nil, fmt.Errorf("page %d: %w", i+1, err)
			}
			if err := in.run(b, pg.res, identity); err != nil {
				return nil, fmt.Errorf("page %d: %w", i+1, err)
			}
		}
		chars += len(in.glyphs)
		blocks, err := layout(in.glyphs, in.segs, i+1, &budget)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		doc.Blocks = append(doc.Blocks, blocks...)
	}
	if chars == 0 {
		return nil, ErrNoText
	}
	return doc, nil
}

// layout turns one page's glyphs and rules into blocks in reading order.
func layout(gs []glyph, segs []segment, page int, budget *int) ([]grid.Block, error) {
	ts, err := tables(segs, budget)
	if err != nil {
		return nil, err
	}
	if *budget -= len(gs) * len(ts); *budget < 0 {
		return nil, errBudget
	}
	var loose []glyph
	for _, g := range gs {
		placed := false
		for _, t := range ts {
			if k := t.at(g.cx(), g.cy()); k >= 0 {
				t.cells[k].glyphs = append(t.cells[k].glyphs, g)
				placed = true
				break
			}
		}
		if !placed {
			loose = append(loose, g)
		}
	}
	type item struct {
		y, x  float64
		block grid.Block
	}
	var items []item
	for _, t := range ts {
		items = append(items, item{t.ys[0], t.xs[0], grid.Block{Table: t.grid(page)}})
	}
	for _, l := range lines(loose) {
		s := lineText(l)
		if isBlank(s) {
			continue
		}
		box := &grid.Box{X0: round(l.x0), Y0: round(l.y0), X1: round(l.x1), Y1: round(l.y1)}
		items = append(items, item{l.y0, l.x0, grid.Block{Line: &grid.Line{Text: s, Page: page, Box: box}}})
	}
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].y != items[j].y {
			return items[i].y < items[j].y
		}
		return items[i].x < items[j].x
	})
	out := make([]grid.Block, len(items))
	for i, it := range items {
		out[i] = it.block
	}
	return out, nil
}

func isBlank(s string) bool {
	return len(bytes.TrimSpace([]byte(s))) == 0
}
