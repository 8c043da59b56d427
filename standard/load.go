package standard

import (
	"github.com/ocs-project/ocs/diag"

	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// MaxFileSize is the largest file Load accepts (diag.DefaultMaxBytes,
// 10 MiB); a standard is usually under 100 KiB.
const MaxFileSize = diag.DefaultMaxBytes

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
	return Problem{Rule: diag.RuleFile, Severity: Error, File: path,
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
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))) == 0 && len(data) <= MaxFileSize {
		return nil, Problems{{Rule: diag.RuleTOML, Severity: Error, File: file, Message: "the file is empty",
			Hint: `a standard needs at least occupation = "…", description = "…" and one [[duty]] with a [[duty.task]]`}}
	}
	var root map[string]any
	doc, probs := diag.Decode(file, data, &root, diag.Limits{MaxBytes: MaxFileSize})
	if probs != nil {
		return nil, probs
	}
	d := newDecoder(file, doc.Lines(), doc.Meta)
	s := d.standard(root)
	d.probs.Sort()
	s.Source = file
	s.Lines = d.lines
	Normalize(s)
	return s, d.probs
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
	all = append(all, validate(s, bad)...)
	all.Sort()
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
		if p.Suggestion != "" {
			bad[diag.JoinKey(diag.ParentPath(p.Path), p.Suggestion)] = true
		}
	}
	return bad
}

// covers reports whether path is a failed path or lies below one.
func (f failedPaths) covers(path string) bool {
	for p := path; p != ""; p = diag.ParentPath(p) {
		if f[p] {
			return true
		}
	}
	return false
}
