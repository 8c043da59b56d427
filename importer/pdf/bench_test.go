package pdf

import (
	"os"
	"testing"
)

func BenchmarkReadPDF(b *testing.B) {
	data, err := os.ReadFile(os.Getenv("OCS_BENCH_PDF"))
	if err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
