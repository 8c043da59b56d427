package pipeline

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Kind is a kind of document.
type Kind string

// The document kinds. Profile is a job description without a company
// overlay: the occupation profile.
const (
	Standard   Kind = "standard"   // the official-format standard table
	Assessment Kind = "assessment" // the assessor's pack
	JobDesc    Kind = "jobdesc"    // a job description (with an overlay) or an occupation profile
	Profile    Kind = "profile"    // the occupation profile: a job description without overlay
)

// Kinds returns the kinds a user can ask for by name, in help order.
func Kinds() []Kind { return []Kind{Standard, Assessment, JobDesc} }

// ParseKind returns the kind named s.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Kinds(), k) || k == Profile {
		return k, nil
	}
	return "", fmt.Errorf("unknown document kind %q (choose one of %s)", s, joinKinds(Kinds()))
}

// Format is an output format.
type Format string

// The output formats.
const (
	PDF  Format = "pdf"
	DOCX Format = "docx"
	HTML Format = "html"
	TXT  Format = "txt"
)

// Formats returns every output format, in help order.
func Formats() []Format { return []Format{PDF, DOCX, HTML, TXT} }

// Binary reports whether f is a binary format (not fit for a terminal).
func (f Format) Binary() bool { return f == PDF || f == DOCX }

// ParseFormat returns the format named s ("pdf", ".docx", "text", …).
func ParseFormat(s string) (Format, error) {
	f := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "."))
	switch f {
	case "text":
		f = "txt"
	case "htm":
		f = "html"
	}
	if slices.Contains(Formats(), Format(f)) {
		return Format(f), nil
	}
	return "", fmt.Errorf("unknown format %q (choose one of %s)", s, joinFormats(Formats()))
}

// FormatOf returns the format of an output: the one named by flag when not
// empty, else the one of out's extension, else PDF for standard output
// ("-") or no file. A flag that contradicts the extension of out is an
// error, so that a DOCX is never written under a .pdf name.
func FormatOf(flag, out string) (Format, error) {
	var byExt Format
	if ext := filepath.Ext(out); ext != "" && out != "-" {
		f, err := ParseFormat(ext)
		if err == nil {
			byExt = f
		} else if flag == "" {
			return "", fmt.Errorf("cannot tell the format from %q: use -f with one of %s", out, joinFormats(Formats()))
		}
	} else if flag == "" && out != "" && out != "-" {
		return "", fmt.Errorf("cannot tell the format from %q: use -f with one of %s", out, joinFormats(Formats()))
	}
	if flag == "" {
		if byExt == "" {
			return PDF, nil
		}
		return byExt, nil
	}
	f, err := ParseFormat(flag)
	if err != nil {
		return "", err
	}
	if byExt != "" && byExt != f {
		return "", fmt.Errorf("-f %s does not match the output name %s: name the file .%s, or leave out -f to write %s",
			f, out, f, byExt)
	}
	return f, nil
}

func joinKinds(ks []Kind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func joinFormats(fs []Format) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return strings.Join(s, ", ")
}
