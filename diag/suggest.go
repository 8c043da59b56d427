package diag

import (
	"strings"
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
	if s := Nearest(word, candidates); s != "" {
		return s
	}
	return SharesStart(word, candidates)
}

// Nearest is the edit-distance half of Suggest: the closest candidate
// within the edit budget, without the prefix fallback.
func Nearest(word string, candidates []string) string {
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

// SharesStart is the prefix half of Suggest: the first candidate that
// word begins or that begins word, the shorter at least 3 characters.
func SharesStart(word string, candidates []string) string {
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
