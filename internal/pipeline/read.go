package pipeline

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// DefaultMaxInput is the largest input file ocs reads by default: a
// standard, overlay, roster, settings, template or file to import. The CLI
// raises it with --max-input.
const DefaultMaxInput = 64 << 20

// ErrTooLarge is returned for an input larger than the limit.
var ErrTooLarge = errors.New("input too large")

// ReadFile reads a file of at most max bytes (DefaultMaxInput when max is
// 0 or less). A regular file is measured before it is read; anything else
// (a pipe, /dev/zero) is read only up to the limit. "-" reads stdin.
func ReadFile(path string, max int64, stdin io.Reader) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxInput
	}
	if path == "-" {
		if stdin == nil {
			return nil, errors.New("no standard input to read")
		}
		return readLimited("standard input", stdin, max)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if info.IsDir() {
			return nil, fmt.Errorf("%s is a folder, not a file", path)
		}
		if info.Mode().IsRegular() && info.Size() > max {
			return nil, tooLarge(path, max)
		}
	}
	return readLimited(path, f, max)
}

func readLimited(name string, r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, tooLarge(name, max)
	}
	return data, nil
}

func tooLarge(name string, max int64) error {
	return fmt.Errorf("%w: %s is larger than %d MiB, the most ocs reads (raise it with --max-input MiB)", ErrTooLarge, name, max>>20)
}

// OpenLimit is Open with a size limit for files and "-" for stdin.
func OpenLimit(arg string, max int64, stdin io.Reader) (Source, error) {
	if arg == "-" {
		data, err := ReadFile("-", max, stdin)
		if err != nil {
			return Source{}, err
		}
		return Source{Name: "stdin.toml", Data: data}, nil
	}
	data, err := ReadFile(arg, max, nil)
	if err == nil {
		return Source{Name: arg, Data: data}, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return Source{}, fmt.Errorf("read %s: %w", arg, err)
	}
	return Open(arg)
}
