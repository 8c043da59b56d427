// Package text reads a standard's text as extracted from its published
// table: one table row per line with cells separated by tabs, lines without
// a tab outside any table, blank lines between tables. The header row a
// PDF repeats on every page comes back as a new table; joining the pieces
// is the interpreter's job (package importer).
//
// The extraction marks some formatting with light markup, which this
// reader removes and keeps the text of: superscripts ^{…}, underlines
// <u>…</u>, bold **…** and list items "- …" on lines outside tables.
package text

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/internal/lazyre"
)

// MaxSize is the largest input Read accepts (8 MiB); the text of a
// 300-indicator standard is under 200 KiB.
const MaxSize = 8 << 20

// MaxCells is the most cells a row may have; the official form has seven
// columns and a task × attitude matrix one per task.
const MaxCells = 1000

// Read decodes data (UTF-8, UTF-16 with a byte-order mark, or Big5) and
// returns its tables and lines. It fails on input too large, on bytes that
// are text in none of those encodings, and on input with no text at all.
func Read(data []byte) (*grid.Document, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("the text is %d MiB, more than the %d MiB a standard's text can be", len(data)>>20, MaxSize>>20)
	}
	s, err := decode(data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("the file has no text")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	doc := &grid.Document{Format: "text"}
	var table *grid.Table
	for n, line := range strings.Split(s, "\n") {
		if strings.Contains(line, "\t") {
			cells := strings.Split(line, "\t")
			if len(cells) > MaxCells {
				return nil, fmt.Errorf("line %d has %d cells, more than the %d a table row may have", n+1, len(cells), MaxCells)
			}
			if table == nil {
				table = &grid.Table{}
				doc.Blocks = append(doc.Blocks, grid.Block{Table: table})
			}
			row := grid.Row{Cells: make([]grid.Cell, len(cells))}
			for i, c := range cells {
				row.Cells[i] = grid.Cell{Text: Unmark(strings.TrimSpace(c)), Col: i, ColSpan: 1, RowSpan: 1}
			}
			table.Rows = append(table.Rows, row)
			continue
		}
		table = nil
		if t := Unmark(listItem(strings.TrimSpace(line))); t != "" {
			doc.Blocks = append(doc.Blocks, grid.Block{Line: &grid.Line{Text: t}})
		}
	}
	return doc, nil
}

// decode returns data as a string: UTF-16 when it starts with a byte-order
// mark, UTF-8 when it is valid UTF-8, else Big5 (the encoding of older
// Taiwanese files) when every byte sequence is valid Big5.
func decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, _, err := transform.Bytes(dec, data)
		if err != nil {
			return "", fmt.Errorf("the file starts like UTF-16 text but is not: %w", err)
		}
		return string(out), nil
	}
	if utf8.Valid(data) {
		if bytes.IndexByte(data, 0) >= 0 {
			return "", errors.New("the file has NUL bytes: it is not text (or is UTF-16 without a byte-order mark; save it as UTF-8)")
		}
		return string(data), nil
	}
	out, _, err := transform.Bytes(traditionalchinese.Big5.NewDecoder(), data)
	if err != nil || bytes.Contains(out, []byte("\uFFFD")) || bytes.IndexByte(out, 0) >= 0 {
		return "", errors.New("the file is neither UTF-8 nor Big5 text: save it as UTF-8 and try again")
	}
	return string(out), nil
}

var (
	superscript = lazyre.New(`\^\{([^{}\n]*)\}`)
	underline   = lazyre.New(`<u>(.*?)</u>`)
	bold        = lazyre.New(`\*\*([^*\n]+)\*\*`)
)

// Unmark removes the extraction's formatting markup from s and keeps the
// marked text: ^{x} → x, <u>x</u> → x, **x** → x. Unbalanced markup stays
// as it is, so no text is ever lost.
func Unmark(s string) string {
	if !strings.ContainsAny(s, "^<*") {
		return s
	}
	s = superscript().ReplaceAllString(s, "$1")
	s = underline().ReplaceAllString(s, "$1")
	return bold().ReplaceAllString(s, "$1")
}

// listItem removes a list marker "- " at the start of a line.
func listItem(s string) string {
	if rest, ok := strings.CutPrefix(s, "- "); ok {
		return strings.TrimSpace(rest)
	}
	return s
}
