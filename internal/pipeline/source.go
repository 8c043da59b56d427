package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
)

// BundledPrefix starts the Name of a Source that is a bundled standard.
const BundledPrefix = "bundled:"

// Source is a standard's TOML text and the name problems refer to it by:
// a file path, an upload's name, or "bundled:CODE.toml".
type Source struct {
	Name string
	Data []byte
}

// Bundled returns the bundled standard with the given code.
func Bundled(code string) (Source, error) {
	data, name, err := standards.Open(code)
	if err != nil {
		return Source{}, fmt.Errorf("%q is not a bundled standard (bundled: %s)", code, strings.Join(standards.Codes(), ", "))
	}
	return Source{Name: BundledPrefix + name, Data: data}, nil
}

// AllBundled returns every bundled standard, in name order.
func AllBundled() ([]Source, error) {
	var out []Source
	for _, name := range standards.Names() {
		data, err := standards.FS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read bundled %s: %w", name, err)
		}
		out = append(out, Source{Name: BundledPrefix + name, Data: data})
	}
	return out, nil
}

// Open reads arg as a file or, when no such file exists and arg has no
// path separator, as the code of a bundled standard.
func Open(arg string) (Source, error) {
	data, err := ReadFile(arg, DefaultMaxInput, nil)
	if err == nil {
		return Source{Name: arg, Data: data}, nil
	}
	if !errors.Is(err, os.ErrNotExist) || strings.ContainsAny(arg, `/\`) {
		return Source{}, fmt.Errorf("read %s: %w", arg, err)
	}
	src, berr := Bundled(arg)
	if berr != nil {
		return Source{}, fmt.Errorf("%s is neither a file nor a bundled standard (bundled: %s)",
			arg, strings.Join(standards.Codes(), ", "))
	}
	return src, nil
}

// IsBundled reports whether src is a bundled standard.
func (src Source) IsBundled() bool { return strings.HasPrefix(src.Name, BundledPrefix) }

// Stem is the base name of src without folder and extension, e.g.
// "THM2431-001v1" for "bundled:THM2431-001v1.toml".
func (src Source) Stem() string {
	base := filepath.Base(filepath.FromSlash(strings.TrimPrefix(src.Name, BundledPrefix)))
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Load parses and validates src. It returns the standard with its
// warnings and notices; when the standard has errors it returns a nil
// standard and an error of type standard.Problems holding every problem
// (errors and warnings), in file order.
func Load(src Source) (*standard.Standard, standard.Problems, error) {
	s, ps := standard.CheckData(src.Name, src.Data)
	if s == nil || len(ps.Errors()) > 0 {
		if len(ps) == 0 {
			return nil, nil, fmt.Errorf("%s: cannot be read as a standard", src.Name)
		}
		return nil, nil, ps
	}
	return s, ps, nil
}
