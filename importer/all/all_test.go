package all

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/importer"
)

func TestRegister(t *testing.T) {
	Register()
	Register() // a second call is harmless
	data, err := os.ReadFile("../testdata/THM2431-001v1-seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.Import(context.Background(), data, importer.Options{Source: "seed.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "text" || res.Errors() {
		t.Errorf("seed: format %q, errors %v", res.Format, res.Errors())
	}
	// Every format has a reader: a broken file of each is unusable for
	// what it holds, not for want of a reader.
	for _, in := range [][]byte{[]byte("%PDF-1.7\nbroken"), []byte("PK\x03\x04broken")} {
		_, err := importer.Import(context.Background(), in, importer.Options{Source: "x"})
		var ue *importer.UnusableError
		if !errors.As(err, &ue) || strings.Contains(err.Error(), "this build of ocs has no") {
			t.Errorf("%q: %v, want an UnusableError from a registered reader", in[:6], err)
		}
	}
}

// A done context stops an import with the context's error, which is not
// an UnusableError: the input was not judged.
func TestImportCancelled(t *testing.T) {
	Register()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, name := range []string{"seed.txt", "thm.pdf"} {
		data := []byte("%PDF-1.7\n%%EOF\n")
		if name == "seed.txt" {
			data = []byte("行銷業務專員\n")
		}
		_, err := importer.Import(ctx, data, importer.Options{Source: name})
		var ue *importer.UnusableError
		if !errors.Is(err, context.Canceled) || errors.As(err, &ue) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v; want context.Canceled naming the file, not an UnusableError", name, err)
		}
	}
}
