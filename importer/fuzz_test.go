package importer_test

import (
	"context"
	"os"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/importer"
	"github.com/ocs-project/ocs/importer/text"
)

// Whatever the text, the import does not panic, and the TOML it writes is
// valid TOML: the writer's quoting holds for any cell.
func FuzzImportText(f *testing.F) {
	seed, err := os.ReadFile("testdata/THM2431-001v1-seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	synthetic, err := os.ReadFile("testdata/synthetic.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(synthetic)
	f.Add([]byte("工作職責\t工作任務\t行為指標\nT1 \"q\\\tT1.1 \x01\tP1.1.1 a\n\n工作職責\t工作任務\t行為指標\n\t\tb"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := text.Read(data)
		if err != nil {
			return
		}
		res, err := importer.FromGrid(doc, importer.Options{Source: "fuzz.txt"})
		if err != nil {
			return
		}
		var v map[string]any
		if _, err := toml.Decode(string(res.TOML), &v); err != nil {
			t.Fatalf("invalid TOML: %v\n%s", err, res.TOML)
		}
	})
}

func BenchmarkImportText(b *testing.B) {
	data, err := os.ReadFile("testdata/THM2431-001v1-seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := importer.Import(context.Background(), data, importer.Options{Source: "seed.txt"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportDOCX(b *testing.B) {
	data := docxOf(b, bundled(b, "THM2431-001v1"), templatesOptions())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := importer.Import(context.Background(), data, importer.Options{Source: "thm.docx"}); err != nil {
			b.Fatal(err)
		}
	}
}
