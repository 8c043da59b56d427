package assessment

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rosterMaxStem is the longest file stem FileNames returns, in bytes, leaving
// room for a suffix and an extension within the 255-byte limit of common
// file systems.
const rosterMaxStem = 100

// FileNames returns a file stem (a name without extension) for each
// candidate, in order: "ID_name", or the name alone without an ID. The
// stems are safe on every common file system: no path separators, no
// control or reserved characters, no reserved Windows device names (CON,
// NUL, COM1…), no leading or trailing dots and spaces, at most 100 bytes.
// They are unique ignoring case, as on Windows and macOS: a repeated stem
// gets "-2", "-3", … in roster order. A candidate whose fields leave
// nothing printable is named "candidate-N" after its position.
func FileNames(cands []Candidate) []string {
	stems := make([]string, len(cands))
	for i, c := range cands {
		parts := packNonEmpty(rosterStem(c.ID), rosterStem(c.Name))
		stems[i] = rosterClip(strings.Join(parts, "_"), rosterMaxStem)
		if stems[i] == "" {
			stems[i] = fmt.Sprintf("candidate-%d", i+1)
		}
	}
	used := make(map[string]bool, len(stems))
	for _, s := range stems {
		used[strings.ToLower(s)] = true
	}
	first := make(map[string]bool, len(stems))
	out := make([]string, len(stems))
	for i, s := range stems {
		key := strings.ToLower(s)
		if !first[key] {
			first[key] = true
			out[i] = s
			continue
		}
		for n := 2; ; n++ {
			suffix := fmt.Sprintf("-%d", n)
			try := rosterClip(s, rosterMaxStem-len(suffix)) + suffix
			if !used[strings.ToLower(try)] {
				used[strings.ToLower(try)] = true
				out[i] = try
				break
			}
		}
	}
	return out
}

// rosterStem turns one field into a safe piece of a file name: separators,
// reserved and control characters become "_", runs of spaces become one
// "_", and leading or trailing dots, dashes, underscores and spaces are
// dropped.
func rosterStem(s string) string {
	var b strings.Builder
	lastUnderscore := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		case strings.ContainsRune(`/\:*?"<>|`, r), unicode.IsSpace(r):
			if !lastUnderscore {
				b.WriteByte('_')
				lastUnderscore = true
			}
			continue
		}
		b.WriteRune(r)
		lastUnderscore = r == '_'
	}
	out := strings.Trim(b.String(), "._- ")
	if windowsReserved(out) {
		out = "_" + out
	}
	return out
}

// windowsReserved reports a Windows device name, which no file may be named
// even with an extension: CON, PRN, AUX, NUL, COM1–9, LPT1–9.
func windowsReserved(s string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '1' && base[3] <= '9'
	}
	return false
}

// rosterClip shortens s to at most n bytes without cutting a character, and
// drops dots, spaces and separators the cut leaves at the end.
func rosterClip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimRight(s[:n], "._- ")
}
