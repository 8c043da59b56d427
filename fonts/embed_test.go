package fonts

import (
	"sync"
	"testing"
)

func TestDefault(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != DefaultName || f.SyntheticBold || f.Source != "embedded" {
		t.Errorf("Default() = %q synthetic=%v source=%q", f.Name, f.SyntheticBold, f.Source)
	}
	if g, _ := Default(); g != f {
		t.Error("Default() parsed twice: want the same *Face on every call")
	}
	// Characters the subset promises (README.md) and some it must not have.
	for _, r := range "Aé職能基準行銷業務專員，。、「」（）【】：；？！ＡＺ０√✓☐☑①⑳㈠○●□■※℃─│内却厰啓蟎踪恒堃喆㐀䶮这丂龥ꀀกАα" {
		if !f.Has(r) {
			t.Errorf("embedded face lacks %c U+%04X", r, r)
		}
	}
	// What TW-Kai lacks: Hangul syllables, the Extension A and URO
	// characters of Unicode 13 and later, the Private Use Area, and
	// everything above the BMP (Extension B is a face of its own).
	for _, r := range []rune{0x20000, 0xAC00, 0x4DB6, 0x9FD0, 0xE000, 0x1F600, -1, 0x110000} {
		if f.Has(r) {
			t.Errorf("embedded face has U+%04X, which the subset leaves out", r)
		}
	}
	if n := f.Len(); n != 39155 {
		t.Errorf("embedded face maps %d characters; the subset has 39 155", n)
	}
	b, err := DefaultBold()
	if err != nil {
		t.Fatal(err)
	}
	if !b.SyntheticBold || b.Name != f.Name || &b.Data[0] != &f.Data[0] || !b.Has('職') {
		t.Errorf("DefaultBold() = %q synthetic=%v; want TW-Kai sharing Data, synthetic", b.Name, b.SyntheticBold)
	}
}

func TestDefaultConcurrent(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := rune(0); r < 0x20000; r++ {
				if f.Has(r) != f.chars.has(r) {
					t.Errorf("Has(%U) is not stable", r)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// The embedded fonts pass the checks in depth that embedded leaves out.
func TestEmbeddedDeep(t *testing.T) {
	for name, data := range map[string][]byte{DefaultName: defaultData, LatinName: latinData, LatinBoldName: latinBoldData} {
		if _, err := Parse(name, data); err != nil {
			t.Errorf("embedded font %s: %v", name, err)
		}
	}
}

// BenchmarkDefault measures the first parse of the embedded face (the
// 11.7 MB subset): what a process pays on its first render.
func BenchmarkDefault(b *testing.B) {
	b.SetBytes(int64(len(defaultData)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := embedded(DefaultName, defaultData); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHas(b *testing.B) {
	f, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := []rune("依照不同客戶型態安排客戶服務活動及銷售服務，以達成銷售目標。")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		f.Has(text[i%len(text)])
	}
}
