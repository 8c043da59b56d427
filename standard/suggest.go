package standard

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Suggest returns the candidate that word is most likely a typo of, or ""
// when none is close enough. Letter case does not matter. A candidate is
// close when it is within a few edits of word (inserting, deleting or
// changing a character, or swapping two neighbours), the budget growing
// with the candidate's length: one edit up to 3 characters, two up to 8,
// three beyond; the fewest edits win, the earlier candidate on a tie.
// Failing that, a candidate that word begins, or that begins word, is
// taken when the shorter of the two has at least 3 characters
// ("employment" for "employment_type", "minimum" for "min").
func Suggest(word string, candidates []string) string {
	if s := nearest(word, candidates); s != "" {
		return s
	}
	return sharesStart(word, candidates)
}

// nearest is the edit-distance half of Suggest.
func nearest(word string, candidates []string) string {
	if utf8.RuneCountInString(word) > 40 {
		return ""
	}
	lw := strings.ToLower(word)
	best, bestDist := "", -1
	for _, c := range candidates {
		if strings.EqualFold(word, c) {
			return c
		}
		d := editDistance(lw, strings.ToLower(c))
		if d <= maxEdits(c) && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// sharesStart is the prefix half of Suggest.
func sharesStart(word string, candidates []string) string {
	lw := strings.ToLower(word)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		short := min(utf8.RuneCountInString(lw), utf8.RuneCountInString(lc))
		if short >= 3 && (strings.HasPrefix(lc, lw) || strings.HasPrefix(lw, lc)) {
			return c
		}
	}
	return ""
}

// maxEdits is how many edits still make a likely typo of a key.
func maxEdits(key string) int {
	switch n := utf8.RuneCountInString(key); {
	case n <= 3:
		return 1
	case n <= 8:
		return 2
	default:
		return 3
	}
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// unknownKey reports a key the format does not have at this place, with
// the likely intended key or the table where it belongs.
func (d *decoder) unknownKey(path, key string, n *node) {
	msg := fmt.Sprintf("unknown key %q in %s", key, n.name)
	// A key written verbatim in another table is more likely misplaced
	// than abbreviated: that hint goes before a suggestion by prefix.
	var hint string
	if s := nearest(key, n.keys()); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	} else if n == blockNode && taskNode.field(key) != nil {
		hint = fmt.Sprintf("keys after a [[duty.task.block]] header belong to that block: write the task's %s before its first block", key)
	} else if where := keyHomes()[key]; len(where) > 0 {
		hint = fmt.Sprintf("%q belongs in %s", key, orList(where))
	} else if s := sharesStart(key, n.keys()); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	} else {
		hint = "keys allowed here: " + strings.Join(n.keys(), ", ")
	}
	d.errorAt(path, msg, hint)
}

// keyHomes maps each key of the format to the tables that have it.
var keyHomes = sync.OnceValue(func() map[string][]string {
	homes := make(map[string][]string)
	var walk func(n *node)
	seen := make(map[*node]bool)
	walk = func(n *node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		if n.kind == kTable {
			for _, f := range n.fields {
				if !slices.Contains(homes[f.key], n.name) {
					homes[f.key] = append(homes[f.key], n.name)
				}
			}
			for _, f := range n.fields {
				walk(f.node)
			}
		}
		walk(n.elem)
	}
	walk(rootNode)
	return homes
})

// orList joins names as "a", "a or b", "a, b or c".
func orList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
