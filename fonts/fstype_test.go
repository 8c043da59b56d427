package fonts

import (
	"bytes"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestWithFSType(t *testing.T) {
	kai, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// TW-Kai ships with preview & print embedding (fsType 4).
	if v, ok := FSType(kai.Data); !ok || v != FSPreview || Editable(kai.Data) {
		t.Fatalf("embedded TW-Kai fsType = %d, %v; want 4 (preview & print)", v, ok)
	}
	sub, err := kai.Subset([]rune("職能基準ABC"))
	if err != nil {
		t.Fatal(err)
	}
	before := append([]byte(nil), sub.Data...)
	out, err := WithFSType(sub.Data, FSInstallable)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(sub.Data, before) {
		t.Error("WithFSType changed its input")
	}
	if v, _ := FSType(out); v != FSInstallable {
		t.Errorf("fsType after = %d, want 0", v)
	}
	// Every table checksum and the whole-file adjustment are right: the
	// sum of the whole file is the magic number.
	if got := checksum(out); got != 0xB1B0AFBA {
		t.Errorf("file checksum 0x%08X, want 0xB1B0AFBA", got)
	}
	if _, err := sfnt.Parse(out); err != nil {
		t.Errorf("the result does not parse: %v", err)
	}
	if _, err := Parse("x", out); err != nil {
		t.Errorf("the result is not a usable face: %v", err)
	}
	if _, err := WithFSType([]byte("not a font at all"), 0); err == nil {
		t.Error("a non-font got an fsType")
	}
}

func TestEditable(t *testing.T) {
	latin, err := DefaultLatin()
	if err != nil {
		t.Fatal(err)
	}
	if !Editable(latin.Data) {
		v, _ := FSType(latin.Data)
		t.Errorf("OCS Serif (fsType %d) is not editable; Liberation Serif is installable", v)
	}
}
