package fonts

import (
	"encoding/binary"
	"testing"
	"time"
)

// format4 returns a cmap format 4 subtable of segs segments that all map
// U+0000 to U+FFFE to glyph 1 onwards (delta 1): overlapping, as only a
// damaged or hostile font has them.
func format4(segs int) []byte {
	be := binary.BigEndian
	b := make([]byte, 14+8*segs+2)
	be.PutUint16(b, 4)
	be.PutUint16(b[6:], uint16(2*segs))
	for i := range segs {
		be.PutUint16(b[14+2*i:], 0xFFFE)   // end
		be.PutUint16(b[16+2*segs+2*i:], 0) // start
		be.PutUint16(b[16+4*segs+2*i:], 1) // delta
		be.PutUint16(b[16+6*segs+2*i:], 0) // range offset
	}
	return b
}

// TestFormat4Linear checks that reading a character map costs no more
// for 8 000 overlapping segments than for one: each character is read
// once (the old reader took 8 000 times as long).
func TestFormat4Linear(t *testing.T) {
	one, many := format4(1), format4(8000)
	var s runeSet
	if err := s.readFormat4(many, 0x10000); err != nil || s.count != 0xFFFF {
		t.Fatalf("8000 segments: %d characters, %v; want 65535", s.count, err)
	}
	run := func(sub []byte) time.Duration {
		start := time.Now()
		var s runeSet
		s.readFormat4(sub, 0x10000)
		return time.Since(start)
	}
	var ratios []float64
	for range 5 {
		base := run(one) + run(one) + run(one)
		ratio := float64(run(many)) / float64(base)
		if ratio <= 10 {
			return
		}
		ratios = append(ratios, ratio)
	}
	t.Errorf("8000 segments took %.0f times as long as 3 × one segment; want each character read once", ratios)
}
