package fonts

import "testing"

// FuzzParseFile feeds damaged fonts and collections to the loader: it
// must return an error or a usable face, never panic.
func FuzzParseFile(f *testing.F) {
	tiny := testFont{family: "Fuzz", chars: []rune{'A', '中', 0x20000}}.build()
	f.Add(tiny, 0)
	f.Add(collection(tiny, tiny), 1)
	f.Add(tiny[:len(tiny)/2], 0)
	f.Add([]byte("ttcf\x00\x01\x00\x00\xff\xff\xff\xff"), 3)
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		face, err := ParseFile("fuzz.ttf", data, index)
		if err != nil {
			return
		}
		face.Has('A')
		face.Has(0x20000)
		if face.Name == "" {
			t.Error("a face without a name was accepted")
		}
	})
}
