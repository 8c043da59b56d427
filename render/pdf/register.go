package pdf

import "fmt"

// register gives the canvas the fonts the pages draw with: each font a
// text uses, in the order its face was first looked up, cut down to the
// characters drawn with it. The PDF library then parses and subsets a
// font of a few hundred glyphs instead of the whole face, and works on
// bytes of its own, which it may write into.
func (t *faceTable) register(c canvas, pages []*page) error {
	type font struct {
		entry int16 // the first entry registered as the font
		runes map[rune]bool
		used  bool
	}
	var list []*font
	of := make([]*font, len(t.entries)) // font of each entry
	byRef := make(map[fontRef]*font)
	for i, e := range t.entries {
		fo := byRef[e.ref]
		if fo == nil {
			fo = &font{entry: int16(i), runes: make(map[rune]bool)}
			byRef[e.ref] = fo
			list = append(list, fo)
		}
		of[i] = fo
	}
	for _, pg := range pages {
		for _, o := range pg.texts {
			fo := of[o.ent]
			fo.used = true
			for _, r := range o.text {
				fo.runes[r] = true
			}
		}
	}
	for _, fo := range list {
		if !fo.used {
			continue
		}
		runes := make([]rune, 0, len(fo.runes))
		for r := range fo.runes {
			runes = append(runes, r)
		}
		e := &t.entries[fo.entry]
		sub, err := e.face.Subset(runes) // sorts the characters
		if err != nil {
			return fmt.Errorf("embedding font %s: %w", e.face, err)
		}
		if err := c.addFont(e.ref, sub.Data); err != nil {
			return err
		}
	}
	return nil
}
