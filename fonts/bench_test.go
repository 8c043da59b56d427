package fonts

import (
	"os"
	"slices"
	"testing"
)

// standardRunes returns the distinct characters of the THM2431-001v1
// standard's source, sorted: about the characters a render of it embeds
// from TW-Kai.
func standardRunes(b *testing.B) []rune {
	src, err := os.ReadFile("../standards/THM2431-001v1.toml")
	if err != nil {
		b.Fatal(err)
	}
	runes := []rune(string(src))
	slices.Sort(runes)
	return slices.Compact(runes)
}

// BenchmarkSubsetStandard measures the subset of the embedded face a
// render of THM2431-001v1 makes.
func BenchmarkSubsetStandard(b *testing.B) {
	f, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	runes := standardRunes(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Subset(runes); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTablesForPDF measures the font program a render of
// THM2431-001v1 embeds, made from its subset of the embedded face: the
// tables kept and the em shrunk.
func BenchmarkTablesForPDF(b *testing.B) {
	f, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sub, err := f.Subset(standardRunes(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(sub.Data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := TablesForPDF(sub.Data); err != nil {
			b.Fatal(err)
		}
	}
}
