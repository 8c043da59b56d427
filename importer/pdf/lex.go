package pdf

import (
	"errors"
	"fmt"
	"strconv"
)

// The PDF object model, as plain Go values:
// nil (null), bool, int, float64, name, []byte (a string), []object
// (an array), dict, ref, keyword (an operator or other bare word) and
// *stream.
type (
	object  = any
	name    string
	keyword string
	dict    map[name]object
	ref     struct{ num, gen int }
)

// stream is a stream object: its dictionary and its raw (still encoded)
// bytes, which alias the file's data.
type stream struct {
	dict     dict
	raw      []byte
	num, gen int // object number and generation, for decryption
}

// maxDepth bounds the nesting of arrays and dictionaries.
const maxDepth = 64

var errSyntax = errors.New("syntax error")

// lexer reads PDF objects from b, starting at p. It only moves forward.
type lexer struct {
	b     []byte
	p     int
	depth int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

// skip moves past white space and comments.
func (l *lexer) skip() {
	for l.p < len(l.b) {
		c := l.b[l.p]
		if isSpace(c) {
			l.p++
			continue
		}
		if c == '%' {
			for l.p < len(l.b) && l.b[l.p] != '\n' && l.b[l.p] != '\r' {
				l.p++
			}
			continue
		}
		return
	}
}

// eof reports whether only white space and comments remain.
func (l *lexer) eof() bool {
	l.skip()
	return l.p >= len(l.b)
}

// object reads the next object. An operator or other bare word comes back
// as a keyword; a closing "]" or ">>" out of place is an error.
func (l *lexer) object() (object, error) {
	l.skip()
	if l.p >= len(l.b) {
		return nil, fmt.Errorf("unexpected end of data at byte %d", l.p)
	}
	c := l.b[l.p]
	switch {
	case c == '/':
		return l.name(), nil
	case c == '(':
		return l.literal()
	case c == '<':
		if l.p+1 < len(l.b) && l.b[l.p+1] == '<' {
			return l.dict()
		}
		return l.hex()
	case c == '[':
		return l.array()
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return l.number()
	case isRegular(c):
		start := l.p
		for l.p < len(l.b) && isRegular(l.b[l.p]) {
			l.p++
		}
		switch w := string(l.b[start:l.p]); w {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		default:
			return keyword(w), nil
		}
	}
	l.p++
	return nil, fmt.Errorf("%w: unexpected %q at byte %d", errSyntax, c, l.p-1)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *lexer) name() name {
	l.p++ // '/'
	start := l.p
	for l.p < len(l.b) && isRegular(l.b[l.p]) {
		l.p++
	}
	raw := l.b[start:l.p]
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			h, ok1 := unhex(raw[i+1])
			lo, ok2 := unhex(raw[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|lo)
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return name(out)
}

func (l *lexer) literal() ([]byte, error) {
	start := l.p
	l.p++ // '('
	var out []byte
	depth := 1
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out, nil
			}
		case '\\':
			if l.p >= len(l.b) {
				continue
			}
			e := l.b[l.p]
			l.p++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.p < len(l.b) && l.b[l.p] == '\n' {
					l.p++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.p < len(l.b) && l.b[l.p] >= '0' && l.b[l.p] <= '7'; k++ {
						v = v*8 + int(l.b[l.p]-'0')
						l.p++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, fmt.Errorf("%w: string starting at byte %d never ends", errSyntax, start)
}

func (l *lexer) hex() ([]byte, error) {
	start := l.p
	l.p++ // '<'
	var out []byte
	var hi byte
	half := false
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return out, nil
		}
		if isSpace(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return nil, fmt.Errorf("%w: bad hex digit %q at byte %d", errSyntax, c, l.p-1)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, fmt.Errorf("%w: hex string starting at byte %d never ends", errSyntax, start)
}

func (l *lexer) number() (object, error) {
	start := l.p
	if c := l.b[l.p]; c == '+' || c == '-' {
		l.p++
	}
	dot := false
	for l.p < len(l.b) {
		c := l.b[l.p]
		if c == '.' && !dot {
			dot = true
		} else if c < '0' || c > '9' {
			break
		}
		l.p++
	}
	s := string(l.b[start:l.p])
	if !dot {
		if n, err := strconv.Atoi(s); err == nil {
			// "n g R" is a reference.
			save := l.p
			if g, ok := l.uint(); ok {
				l.skip()
				if l.p < len(l.b) && l.b[l.p] == 'R' && (l.p+1 == len(l.b) || !isRegular(l.b[l.p+1])) && n >= 0 {
					l.p++
					return ref{n, g}, nil
				}
			}
			l.p = save
			return n, nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		// PDF tolerates "-" or "." alone and numbers like "--5"; read 0.
		return 0.0, nil
	}
	return f, nil
}

// uint reads an unsigned integer after white space, or leaves p alone.
func (l *lexer) uint() (int, bool) {
	save := l.p
	l.skip()
	start := l.p
	for l.p < len(l.b) && l.b[l.p] >= '0' && l.b[l.p] <= '9' {
		l.p++
	}
	if l.p == start || l.p-start > 9 || (l.p < len(l.b) && isRegular(l.b[l.p])) {
		l.p = save
		return 0, false
	}
	n, _ := strconv.Atoi(string(l.b[start:l.p]))
	return n, true
}

func (l *lexer) enter() error {
	if l.depth >= maxDepth {
		l.p++ // move on, so that a caller that goes on makes progress
		return fmt.Errorf("%w: objects nested more than %d deep at byte %d", errSyntax, maxDepth, l.p-1)
	}
	l.depth++
	return nil
}

func (l *lexer) array() ([]object, error) {
	if err := l.enter(); err != nil {
		return nil, err
	}
	defer func() { l.depth-- }()
	l.p++ // '['
	var out []object
	for {
		l.skip()
		if l.p >= len(l.b) {
			return nil, fmt.Errorf("%w: array never ends", errSyntax)
		}
		if l.b[l.p] == ']' {
			l.p++
			return out, nil
		}
		o, err := l.object()
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
}

func (l *lexer) dict() (dict, error) {
	if err := l.enter(); err != nil {
		return nil, err
	}
	defer func() { l.depth-- }()
	l.p += 2 // "<<"
	d := dict{}
	for {
		l.skip()
		if l.p+1 >= len(l.b) {
			return nil, fmt.Errorf("%w: dictionary never ends", errSyntax)
		}
		if l.b[l.p] == '>' && l.b[l.p+1] == '>' {
			l.p += 2
			return d, nil
		}
		if l.b[l.p] != '/' {
			return nil, fmt.Errorf("%w: dictionary key expected at byte %d", errSyntax, l.p)
		}
		k := l.name()
		l.skip()
		if l.p+1 < len(l.b) && l.b[l.p] == '>' && l.b[l.p+1] == '>' {
			d[k] = nil // a key without a value: tolerated as null
			continue
		}
		v, err := l.object()
		if err != nil {
			return nil, err
		}
		d[k] = v
	}
}

// num returns o as a number.
func num(o object) (float64, bool) {
	switch v := o.(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
