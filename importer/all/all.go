// Package all registers every format reader of the importer: text,
// DOCX, ODT and PDF. Programs that import call Register once before
// importer.Import.
package all

import (
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
		importer.Register("text", text.Read)
		importer.Register("docx", docx.Read)
		importer.Register("odt", odt.Read)
		importer.Register("pdf", func(b []byte) (*grid.Document, error) { return pdf.Read(b, pdf.Options{}) })
	})
}
