// Package all registers every format reader of the importer: text,
// DOCX, ODT and PDF. Programs that import call Register once before
// importer.Import.
package all

import (
	"context"
	"sync"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/importer/docx"
	"github.com/ocs-project/ocs/importer/grid"
	"github.com/ocs-project/ocs/importer/odt"
	"github.com/ocs-project/ocs/importer/pdf"
	"github.com/ocs-project/ocs/importer/text"
)

var once sync.Once

// Register makes the text, DOCX, ODT and PDF readers available to
// importer.Import. Calling it again does nothing.
func Register() {
	once.Do(func() {
		importer.Register("text", quick(text.Read))
		importer.Register("docx", quick(docx.Read))
		importer.Register("odt", quick(odt.Read))
		importer.Register("pdf", func(ctx context.Context, b []byte) (*grid.Document, error) {
			return pdf.Read(ctx, b, pdf.Options{})
		})
	})
}

// quick adapts a reader that takes no context: text, DOCX and ODT are
// read in one pass of linear cost, so only a context already done stops
// them.
func quick(read func([]byte) (*grid.Document, error)) importer.ReadFunc {
	return func(ctx context.Context, b []byte) (*grid.Document, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return read(b)
	}
}
