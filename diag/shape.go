package diag

import (
	"fmt"
)

// Limits bound what Decode accepts. The TOML library takes time that grows
// much faster than the input with the depth of nested values and the
// number of parts of a dotted key (a 64 KB file of nested inline tables
// takes it most of a minute), so files beyond these limits are rejected
// before parsing, after one linear scan. Zero fields take the defaults.
type Limits struct {
	// MaxBytes is the largest input accepted; default DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth is how deeply arrays, inline tables and table headers may
	// nest; default DefaultMaxDepth.
	MaxDepth int
	// MaxKeyParts is how many parts a dotted key or table header may
	// have; default DefaultMaxKeyParts.
	MaxKeyParts int
}

// Defaults of Limits. Every file format of ocs needs at most 8 levels,
// even a standard written entirely inline (duty = [{task = [{block =
// [{indicators = [{…}]}]}]}]), and 3 key parts ([[duty.task.block]]). A
// standard is usually under 100 KiB, a settings file under 1 KiB.
const (
	DefaultMaxBytes    = 10 << 20 // 10 MiB
	DefaultMaxDepth    = 8
	DefaultMaxKeyParts = 8
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxKeyParts <= 0 {
		l.MaxKeyParts = DefaultMaxKeyParts
	}
	return l
}

// Shape is what one scan of a TOML text finds: its deepest nesting and
// longest dotted key, and where either first exceeds the limits.
type Shape struct {
	Depth    int // deepest nesting of [ and { outside strings and comments
	KeyParts int // most parts of a dotted key (dots outside strings, plus one)
	// Line and Col (1-based, Col in characters) place the first byte
	// beyond a limit; Line is 0 when the text is within the limits.
	Line, Col int
	Message   string // what exceeded which limit
}

// ScanShape scans data once, in linear time, skipping strings and comments
// exactly as TOML delimits them, and measures its nesting and keys. It
// stops at the first place beyond lim.
func ScanShape(data []byte, lim Limits) Shape {
	lim = lim.withDefaults()
	var sh Shape
	depth, dots, line, col := 0, 0, 1, 0
	at := func(msg string) Shape {
		sh.Line, sh.Col, sh.Message = line, col, msg
		return sh
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c&0xC0 != 0x80 { // count characters, not UTF-8 continuation bytes
			col++
		}
		switch c {
		case '\n':
			line, col, dots = line+1, 0, 0
		case '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end := StringEnd(data, i)
			for j := i + 1; j < end; j++ {
				switch {
				case data[j] == '\n':
					line, col = line+1, 0
				case data[j]&0xC0 != 0x80:
					col++
				}
			}
			i = end - 1
		case '[', '{':
			depth, dots = depth+1, 0
			sh.Depth = max(sh.Depth, depth)
			if depth > lim.MaxDepth {
				return at(fmt.Sprintf("values are nested more than %d levels deep", lim.MaxDepth))
			}
		case ']', '}':
			depth, dots = max(depth-1, 0), 0
		case '=', ',':
			dots = 0
		case '.':
			dots++
			sh.KeyParts = max(sh.KeyParts, dots+1)
			if dots >= lim.MaxKeyParts {
				return at(fmt.Sprintf("a key has more than %d dotted parts", lim.MaxKeyParts))
			}
		}
	}
	return sh
}

// StringEnd returns the offset just past the TOML string that starts at
// data[i] (a basic "…", literal '…', or multi-line """…""" or ”'…”'
// string). A multi-line string ends at the first run of three or more
// quotes, of which up to two more than three belong to the content, as
// TOML says (""""" closes a string whose content ends in two quotes);
// backslash escapes count only in basic strings. An unclosed one-line
// string ends at its line's end, an unclosed multi-line string at the end
// of data.
func StringEnd(data []byte, i int) int {
	q := data[i]
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
		for j := i + 3; j < len(data); j++ {
			if data[j] == '\\' && q == '"' {
				j++
				continue
			}
			if data[j] != q {
				continue
			}
			run := j
			for run < len(data) && data[run] == q {
				run++
			}
			if run-j >= 3 {
				return min(run, j+5)
			}
			j = run - 1
		}
		return len(data)
	}
	for j := i + 1; j < len(data); j++ {
		switch {
		case data[j] == '\\' && q == '"':
			j++
		case data[j] == q:
			return j + 1
		case data[j] == '\n':
			return j
		}
	}
	return len(data)
}
