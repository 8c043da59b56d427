package templates

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ocs-project/ocs/standard"
)

// keyPositions finds where each key of a TOML text is first written, by
// the dotted key BurntSushi/toml reports for it: the parts of a toml.Key
// joined with dots, without array indexes or quotes ("salary.min",
// "methods.T3.2"). It places the messages of the overlay and assessment
// settings loaders.
func keyPositions(src []byte) map[string]standard.Position {
	out := make(map[string]standard.Position)
	for path, p := range standard.KeyPositions(src) {
		k := plainKey(path)
		if q, ok := out[k]; !ok || p.Line < q.Line || p.Line == q.Line && p.Col < q.Col {
			out[k] = p
		}
	}
	return out
}

// plainKey turns a field path such as `items[0]."T3.2"` into the dotted
// key BurntSushi/toml reports for it: items.T3.2.
func plainKey(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); {
		switch path[i] {
		case '[':
			end := strings.IndexByte(path[i:], ']')
			if end < 0 {
				return b.String()
			}
			i += end + 1
		case '"':
			q, err := strconv.QuotedPrefix(path[i:])
			if err != nil {
				return b.String()
			}
			s, _ := strconv.Unquote(q)
			b.WriteString(s)
			i += len(q)
		default:
			b.WriteByte(path[i])
			i++
		}
	}
	return b.String()
}

// placeAt sets the line and column of p to where its path is written, when
// keys has it.
func placeAt(p *standard.Problem, keys map[string]standard.Position) {
	if kp, ok := keys[p.Path]; ok {
		p.Line, p.Col = kp.Line, kp.Col
	}
}

// unknownKeyProblem reports key k, which the format does not have, in file
// name, with the closest of the keys known in its table as a suggestion.
func unknownKeyProblem(k toml.Key, name string, keys map[string]standard.Position, known []string) standard.Problem {
	p := standard.Problem{
		Rule: "TOML", Severity: standard.Error, File: name, Path: strings.Join(k, "."),
		Message: fmt.Sprintf("unknown key %q", k[len(k)-1]),
	}
	placeAt(&p, keys)
	if s := standard.Suggest(k[len(k)-1], known); s != "" {
		p.Hint = fmt.Sprintf("did you mean %q?", s)
	} else if len(known) > 0 {
		p.Hint = "known keys here: " + strings.Join(known, ", ")
	}
	return p
}

// tomlLastKey matches the place BurntSushi/toml puts in type errors:
// `toml: line 2 (last key "scale.points"): incompatible types: …`, the key
// quoted as Go quotes strings (`"methods.\"T3.2\""`).
var tomlLastKey = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key ("(?:[^"\\]|\\.)*")\): `)

// decodeProblem turns an error of toml.Decode on file name into a Problem:
// bad syntax placed where the library found it, a value of the wrong type
// placed at its key, with hint(path) saying what the key takes.
func decodeProblem(err error, name string, keys map[string]standard.Position, hint func(path string) string) standard.Problem {
	p := standard.Problem{Rule: "TOML", Severity: standard.Error, File: name}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p.Line, p.Col = pe.Position.Line, pe.Position.Col
		p.Path = pe.LastKey
		if strings.HasPrefix(pe.Message, notADate) {
			p.Message = "wrong value: " + pe.Message
			p.Hint = "write the date as YYYY-MM-DD, e.g. 2025-03-01"
			return p
		}
		p.Message = "TOML syntax: " + pe.Message
		p.Hint = "check quotes, brackets and '=' on that line"
		return p
	}
	msg := err.Error()
	if m := tomlLastKey.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		key, _ := strconv.Unquote(m[2])
		p.Path = plainKey(key)
		placeAt(&p, keys)
		p.Hint = hint(p.Path)
		msg = msg[len(m[0]):]
	}
	p.Message = "wrong value: " + strings.TrimPrefix(msg, "toml: ")
	return p
}
