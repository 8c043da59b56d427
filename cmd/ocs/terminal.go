package main

import (
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	if t, ok := w.(interface{ IsTerminal() bool }); ok {
		return t.IsTerminal()
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// safeTerminal returns w, or, when w is a terminal, a writer that shows
// control characters escaped ("\x1b") so that text from an input file can
// never recolour, retitle or clear the user's terminal.
func safeTerminal(w io.Writer) io.Writer {
	if !isTerminal(w) {
		return w
	}
	return &escaper{w: w, term: true}
}

// escaper writes control characters other than newline and tab as Go
// escapes: C0 controls, DEL, C1 controls (U+0080–U+009F), and bytes that
// are not UTF-8.
type escaper struct {
	w    io.Writer
	term bool   // the underlying writer is a terminal
	rest []byte // an incomplete UTF-8 sequence from the last Write
}

// IsTerminal reports whether the escaper writes to a terminal.
func (e *escaper) IsTerminal() bool { return e.term }

// Write escapes p and writes it. It reports len(p) on success, whatever
// the number of bytes the escapes took.
func (e *escaper) Write(p []byte) (int, error) {
	buf := append(e.rest, p...)
	e.rest = nil
	out := make([]byte, 0, len(buf))
	for i := 0; i < len(buf); {
		r, size := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(buf[i:]) {
			e.rest = append([]byte(nil), buf[i:]...)
			break
		}
		switch {
		case r == utf8.RuneError && size == 1: // not UTF-8: a lone 0x9b is CSI to some terminals
			out = append(out, `\x`...)
			out = append(out, "0123456789abcdef"[buf[i]>>4], "0123456789abcdef"[buf[i]&15])
		case r == '\n' || r == '\t':
			out = append(out, byte(r))
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			q := strconv.QuoteRune(r)
			out = append(out, q[1:len(q)-1]...)
		default:
			out = append(out, buf[i:i+size]...)
		}
		i += size
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
