// Package fonts provides the fonts documents are drawn with: the embedded
// default face (a subset of 全字庫正楷體 TW-Kai, see README.md), the
// embedded Latin companion faces for Latin letters, digits and
// punctuation (OCS Serif, a subset of Liberation Serif with the widths of
// Times New Roman, see LATIN.md), user TrueType and OpenType/CFF fonts and
// faces of collections, fallback chains (Kai faces first, then faces made
// for Taiwan), and checks that the fonts have every character of a text.
//
// A renderer typically does
//
//	set, err := fonts.Config{Font: flagFont, Fallbacks: flagFallbacks, System: !noSystem}.Load()
//	...
//	rep := set.Cover(fonts.DocumentTexts(doc)) // or a standard's Walk method
//	if err := rep.Err(); err != nil {
//		return err // or warn and go on, when the user asked for that
//	}
//	// draw with rep.Set: rep.Set.Face(r, bold) picks the face for each character
//
// A backend measures characters with Face.Metrics (each glyph's advance
// from the font's hmtx table) and embeds Face.Subset, a font file of just
// the glyphs a document draws, rather than the whole face; for a face
// with CFF outlines (Face.CFF) it embeds the CFF table whole, as
// Face.Program describes.
//
// Faces and Sets are immutable and safe for concurrent use, so a batch
// shares one Set between goroutines. The embedded face costs nothing
// until Default is first called; parsing it takes well under a
// millisecond and happens once per process.
//
// The PDF library draws characters up to U+FFFF only (MaxRune): unless
// Config.MaxRune is raised, coverage reports characters above it as
// missing even when a font has them, and Set.Face never returns a face
// for them. Likewise CFF fonts are refused unless Config.CFF is set.
package fonts
