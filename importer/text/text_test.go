package text

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/importer/grid"
)

func cells(texts ...string) grid.Row {
	r := grid.Row{}
	for i, t := range texts {
		r.Cells = append(r.Cells, grid.Cell{Text: t, Col: i, ColSpan: 1, RowSpan: 1})
	}
	return r
}

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []grid.Block
	}{
		{"rows and lines",
			"標題\n\na\tb\n\tc \n\n- 項目\n說明",
			[]grid.Block{
				{Line: &grid.Line{Text: "標題"}},
				{Table: &grid.Table{Rows: []grid.Row{cells("a", "b"), cells("", "c")}}},
				{Line: &grid.Line{Text: "項目"}},
				{Line: &grid.Line{Text: "說明"}},
			}},
		{"a blank line starts a new table",
			"a\tb\n\na\tb\r\n",
			[]grid.Block{
				{Table: &grid.Table{Rows: []grid.Row{cells("a", "b")}}},
				{Table: &grid.Table{Rows: []grid.Row{cells("a", "b")}}},
			}},
		{"markup goes, its text stays",
			"x\t<u>方案</u> ^{【註 7】} **粗**\n- **【註11】** 功能：y",
			[]grid.Block{
				{Table: &grid.Table{Rows: []grid.Row{cells("x", "方案 【註 7】 粗")}}},
				{Line: &grid.Line{Text: "【註11】 功能：y"}},
			}},
		{"unbalanced markup stays",
			"^{a b **c <u>d",
			[]grid.Block{{Line: &grid.Line{Text: "^{a b **c <u>d"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != "text" {
				t.Errorf("format %q", doc.Format)
			}
			if !reflect.DeepEqual(doc.Blocks, tt.want) {
				t.Errorf("got %s\nwant %s", dump(doc.Blocks), dump(tt.want))
			}
		})
	}
}

func dump(bs []grid.Block) string {
	var b strings.Builder
	for _, x := range bs {
		if x.Line != nil {
			b.WriteString("line " + x.Line.Text + "\n")
			continue
		}
		for _, r := range x.Table.Rows {
			b.WriteString("row")
			for _, c := range r.Cells {
				b.WriteString(" |" + c.Text)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestEncodings(t *testing.T) {
	// 「職能」 in Big5 is C2BE AFE0; in UTF-16LE with a BOM FFFE 774E FD80.
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-8 with BOM", []byte("\xEF\xBB\xBF職能"), "職能"},
		{"Big5", []byte{0xC2, 0xBE, 0xAF, 0xE0}, "職能"},
		{"UTF-16LE", []byte{0xFF, 0xFE, 0x77, 0x80, 0xFD, 0x80}, "職能"},
		{"UTF-16BE", []byte{0xFE, 0xFF, 0x80, 0x77, 0x80, 0xFD}, "職能"},
	}
	for _, tt := range tests {
		doc, err := Read(tt.in)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := doc.Blocks[0].Line.Text; got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name, in, msg string
	}{
		{"empty", "", "no text"},
		{"blank", "\n \n\t\n", "no text"},
		{"binary", "\x00\x01\x02abc", "NUL"},
		{"neither UTF-8 nor Big5", "\xff\xff\xff\xfe", "neither UTF-8 nor Big5"},
		{"too many cells", "a" + strings.Repeat("\t", MaxCells+1), "cells"},
	}
	for _, tt := range tests {
		_, err := Read([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.msg)
		}
	}
	if _, err := Read(bytes.Repeat([]byte("a"), MaxSize+1)); err == nil || !strings.Contains(err.Error(), "MiB") {
		t.Errorf("a too large text: error %v", err)
	}
}

// A blank table row "\t\t" is nothing but empty cells; the reader keeps the
// table shape, so that fix-ups stay the interpreter's.
func TestEmptyCellsKept(t *testing.T) {
	doc, err := Read([]byte("a\t\t\tb"))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(doc.Blocks[0].Table.Rows[0].Cells); got != 4 {
		t.Errorf("%d cells, want 4", got)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("職能基準代碼\t\tTHM2431-001v1\n\n工作職責\t工作任務\nT1 x\tT1.1 y ^{【註 1】}\n- 【註 1】a：b"))
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00})
	f.Add([]byte{0xC2, 0xBE, '\t', 0xAF, 0xE0})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data)
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if (b.Line == nil) == (b.Table == nil) {
				t.Fatal("a block must be a line or a table")
			}
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					for i, c := range r.Cells {
						if c.Col != i || c.ColSpan != 1 || c.RowSpan != 1 {
							t.Fatalf("cell %d: %+v", i, c)
						}
					}
				}
			}
		}
	})
}
