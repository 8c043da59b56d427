package standard

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Rule ids of problems found while loading, before the validation rules.
const (
	ruleTOML = "TOML" // syntax, types, unknown keys, structure
	ruleFile = "FILE" // the file cannot be read
)

// MaxFileSize is the largest file Load accepts (32 MiB); a standard is
// usually under 100 KiB.
const MaxFileSize = 32 << 20

// Load reads and decodes the standard in the TOML file at path. On failure
// the error is a Problems value listing every problem found.
func Load(path string) (*Standard, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, Problems{fileProblem(path, err)}
	}
	return Parse(path, data)
}

// LoadFS is Load for a file in a file system, such as the bundled
// standards.
func LoadFS(fsys fs.FS, name string) (*Standard, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, Problems{fileProblem(name, err)}
	}
	return Parse(name, data)
}

func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errors.New("is a folder, not a file")
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("is %d MiB, larger than the %d MiB a standard may have", info.Size()>>20, MaxFileSize>>20)
	}
	return os.ReadFile(path)
}

func fileProblem(path string, err error) Problem {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Problem{Rule: ruleFile, Severity: Error, File: path,
		Message: "cannot read the file: " + err.Error(),
		Hint:    "check the path and the file's permissions"}
}

// Parse decodes a standard from TOML data; file names it in problems and
// becomes Standard.Source. Decoding is strict: unknown keys, values of the
// wrong type, bad syntax and invalid UTF-8 are errors, all reported at once
// as a Problems value. After a successful parse every code is filled in,
// one-block tasks are moved into Blocks, references carry their text and
// Lines maps field paths to source lines.
func Parse(file string, data []byte) (*Standard, error) {
	s, probs := decode(file, data)
	if len(probs) > 0 {
		return nil, probs
	}
	return s, nil
}

// decode parses data as far as it can. It returns the problems of
// decoding and, unless the text could not be read as TOML at all, the
// standard made of everything that decoded, with codes, references and
// lines filled in, so that it can still be validated.
func decode(file string, data []byte) (*Standard, Problems) {
	if p, bad := precheck(file, data); bad {
		return nil, Problems{p}
	}
	if p, bad := shapeCheck(file, data); bad {
		return nil, Problems{p}
	}
	var root map[string]any
	md, err := toml.Decode(string(data), &root)
	if err != nil {
		return nil, Problems{syntaxProblem(file, err)}
	}
	lines := scanLines(data)
	d := newDecoder(file, lines, md)
	s := d.standard(root)
	sortProblems(d.probs)
	s.Source = file
	s.Lines = lines
	assignCodes(s)
	fillRefs(s)
	return s, d.probs
}

// precheck catches what the TOML library would report poorly: an empty
// file, text that is not UTF-8, or a file that is too large.
func precheck(file string, data []byte) (Problem, bool) {
	p := Problem{Rule: ruleTOML, Severity: Error, File: file}
	switch {
	case len(data) > MaxFileSize:
		p.Message = fmt.Sprintf("the file is larger than %d MiB", MaxFileSize>>20)
		p.Hint = "a standard is usually well under 1 MiB; check that this is the right file"
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))) == 0:
		p.Message = "the file is empty"
		p.Hint = `a standard needs at least occupation = "…", description = "…" and one [[duty]] with a [[duty.task]]`
	case !utf8.Valid(data):
		off := invalidUTF8(data)
		p.Line = 1 + bytes.Count(data[:off], []byte("\n"))
		p.Col = 1 + off - (bytes.LastIndexByte(data[:off], '\n') + 1)
		p.Message = fmt.Sprintf("the file is not valid UTF-8 (byte 0x%02X)", data[off])
		p.Hint = "save the file as UTF-8 (Big5 and UTF-16 files must be converted, e.g. with iconv -f BIG5 -t UTF-8)"
	default:
		return p, false
	}
	return p, true
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// syntaxProblem turns a TOML syntax error into a Problem with its position.
func syntaxProblem(file string, err error) Problem {
	p := Problem{Rule: ruleTOML, Severity: Error, File: file, Message: "TOML syntax: " + err.Error(),
		Hint: "fix the TOML syntax at this place (see https://toml.io)"}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p.Line, p.Col = pe.Position.Line, pe.Position.Col
		p.Message = "TOML syntax: " + pe.Message
		p.Hint = syntaxHint(pe.Message, p.Hint)
		if pe.LastKey != "" {
			p.Path = pe.LastKey
		}
	}
	return p
}

// syntaxHints suggest a fix for common TOML mistakes, by message fragment.
var syntaxHints = []struct{ fragment, hint string }{
	{"has already been defined", "a key may appear only once in a table: remove or rename the second one (tasks are separate [[duty.task]] tables)"},
	{"already created", "a table or array of tables may be defined only once: use [[…]] for every element of an array of tables"},
	{"cannot contain newlines", "close the string on the same line, or use a multi-line string \"\"\"…\"\"\""},
	{"newlines not allowed", "close the string on the same line, or use a multi-line string \"\"\"…\"\"\""},
	{"expected '\"'", "close the string with a double quote"},
	{"unexpected EOF", "something is not closed: check the last string, array [ ] or table { }"},
	{"expected a comma", "separate array elements with commas: [\"a\", \"b\"]"},
	{"expected value", "a value is a quoted string, a number, an array [ … ] or a table { … }; quote text: key = \"…\""},
	{"NULL bytes", "save the file as UTF-8"},
	{"invalid escape", "write a backslash as \\\\, or use a literal string in single quotes"},
}

func syntaxHint(msg, fallback string) string {
	for _, h := range syntaxHints {
		if strings.Contains(msg, h.fragment) {
			return h.hint
		}
	}
	return fallback
}

// Check loads the standard at path and validates it. When loading fails it
// returns the load problems and a nil standard.
//
// Problems of decoding (unknown keys, wrong types) do not hide the rest:
// what did decode is validated too, so one run reports everything.
func Check(path string) (*Standard, Problems) {
	data, err := readFile(path)
	if err != nil {
		return nil, Problems{fileProblem(path, err)}
	}
	return CheckData(path, data)
}

// CheckData is Check on data already read; file names it in problems.
func CheckData(file string, data []byte) (*Standard, Problems) {
	s, probs := decode(file, data)
	if s == nil {
		return nil, probs
	}
	all := append(Problems(nil), probs...)
	bad := decodeFailures(probs)
	for _, p := range Validate(s) {
		if !bad.covers(p.Path) {
			all = append(all, p)
		}
	}
	sortProblems(all)
	if len(probs) > 0 {
		return nil, all
	}
	return s, all
}

// FindFiles expands the arguments of a check: a file stays as it is, a
// folder gives every *.toml file below it (hidden files and folders, such
// as the settings file .ocs.toml, skipped), sorted.
func FindFiles(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			out = append(out, arg) // Load reports a missing file
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && path != arg && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".toml") && !strings.HasPrefix(e.Name(), ".") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read folder %s: %w", arg, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// failedPaths are the field paths that did not decode; validating what
// stands there would only repeat the decoding problem in other words.
type failedPaths map[string]bool

// decodeFailures collects the paths of decoding problems, and for an
// unknown key with a suggestion the path of the key it was meant to be
// (a misspelt description is not also a missing one).
func decodeFailures(probs Problems) failedPaths {
	bad := failedPaths{}
	for _, p := range probs {
		if p.Path == "" {
			continue
		}
		bad[p.Path] = true
		if i := strings.Index(p.Hint, `did you mean "`); i >= 0 {
			rest := p.Hint[i+len(`did you mean "`):]
			if j := strings.IndexByte(rest, '"'); j > 0 {
				parent := ""
				if k := strings.LastIndexByte(p.Path, '.'); k >= 0 {
					parent = p.Path[:k+1]
				}
				bad[parent+rest[:j]] = true
			}
		}
	}
	return bad
}

// covers reports whether path is a failed path or lies below one.
func (f failedPaths) covers(path string) bool {
	for p := range f {
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			return true
		}
	}
	return false
}
