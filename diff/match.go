package diff

import (
	"sort"
)

// item is what the matcher knows of one element of a list: its code and
// the text that identifies it.
type item struct {
	code string
	text string
}

// pairing is the result of matching two lists: oldToNew[i] is the index in
// the new list of old item i, or -1 when it was removed; newToOld likewise.
type pairing struct {
	oldToNew, newToOld []int
}

// minSimilar is the similarity (0–1) two texts need to be taken for the
// same item when their codes differ.
const minSimilar = 0.5

// minSameCode is the similarity needed when the codes are the same: a code
// kept by the author is strong evidence, but not for a wholly new text.
const minSameCode = 0.25

// maxPairs bounds the pairs of leftover items compared by similarity; two
// wholly different large standards are then reported as removed and added
// items instead of costing quadratic time.
const maxPairs = 1 << 18

// sameCodeBonus is added to the similarity of two items with the same code.
const sameCodeBonus = 0.05

// match pairs the items of old and new lists. In order:
//  1. the same code and the same text;
//  2. the same text (a renumbered item: a move, not a deletion and an
//     addition), earliest first;
//  3. similar texts, best pair first, where keeping the code counts in
//     favour of a pair (a reworded item) but does not beat a clearly more
//     similar text elsewhere (a renumbered and reworded item).
//
// Items left over were removed (old) or added (new).
func match(old, new []item) pairing {
	p := pairing{oldToNew: make([]int, len(old)), newToOld: make([]int, len(new))}
	for i := range p.oldToNew {
		p.oldToNew[i] = -1
	}
	for i := range p.newToOld {
		p.newToOld[i] = -1
	}
	pair := func(i, j int) {
		p.oldToNew[i] = j
		p.newToOld[j] = i
	}
	// Index the new list by code and by text.
	byCode := make(map[string]int, len(new))
	byText := make(map[string][]int, len(new))
	for j, it := range new {
		if it.code != "" {
			if _, dup := byCode[it.code]; !dup {
				byCode[it.code] = j
			}
		}
		byText[it.text] = append(byText[it.text], j)
	}
	// 1. Same code, same text.
	for i, it := range old {
		if j, ok := byCode[it.code]; ok && it.code != "" && p.newToOld[j] < 0 && new[j].text == it.text {
			pair(i, j)
		}
	}
	// 2. Same text.
	for i, it := range old {
		if p.oldToNew[i] >= 0 {
			continue
		}
		for _, j := range byText[it.text] {
			if p.newToOld[j] < 0 {
				pair(i, j)
				break
			}
		}
	}
	// Fingerprints of what is left, for similarity.
	var olds, news []int
	for i := range old {
		if p.oldToNew[i] < 0 {
			olds = append(olds, i)
		}
	}
	for j := range new {
		if p.newToOld[j] < 0 {
			news = append(news, j)
		}
	}
	if len(olds) == 0 || len(news) == 0 {
		return p
	}
	if len(olds)*len(news) > maxPairs {
		// Too many to compare pairwise: what is left stays removed and
		// added, and the cost stays bounded.
		return p
	}
	fo := make(map[int][]uint64, len(olds))
	for _, i := range olds {
		fo[i] = bigrams(old[i].text)
	}
	fn := make(map[int][]uint64, len(news))
	for _, j := range news {
		fn[j] = bigrams(new[j].text)
	}
	// 3. Similar texts, best pair first; the same code adds sameCodeBonus
	// and lowers the bar to minSameCode.
	type cand struct {
		i, j int
		sim  float64
	}
	var cs []cand
	for _, i := range olds {
		for _, j := range news {
			s := dice(fo[i], fn[j])
			if old[i].code != "" && old[i].code == new[j].code {
				if s < minSameCode {
					continue
				}
				s += sameCodeBonus
			} else if s < minSimilar {
				continue
			}
			cs = append(cs, cand{i, j, s})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].sim != cs[b].sim {
			return cs[a].sim > cs[b].sim
		}
		if cs[a].i != cs[b].i {
			return cs[a].i < cs[b].i
		}
		return cs[a].j < cs[b].j
	})
	for _, c := range cs {
		if p.oldToNew[c.i] < 0 && p.newToOld[c.j] < 0 {
			pair(c.i, c.j)
		}
	}
	return p
}

// bigrams returns the sorted pairs of neighbouring runes of s (its single
// rune for one-rune texts), the fingerprint similarity compares.
func bigrams(s string) []uint64 {
	r := []rune(s)
	if len(r) == 1 {
		return []uint64{uint64(r[0])}
	}
	out := make([]uint64, 0, len(r))
	for k := 0; k+1 < len(r); k++ {
		out = append(out, uint64(r[k])<<32|uint64(r[k+1]))
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}

// dice returns the Dice coefficient of two sorted bigram multisets: 1 for
// the same text, 0 for texts sharing no pair of neighbouring characters.
func dice(a, b []uint64) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}
