// Package pdfw writes PDF files: objects, streams, cross-reference
// streams, embedded CID fonts, images, links, document metadata, the
// structure tree of a tagged PDF and the outline (bookmarks).
//
// It knows nothing of layout. A caller builds each page's content with
// Content, in PDF points from the bottom left corner of the page, adds
// the fonts (Font) and images (Image) the pages use, and calls Doc.Bytes.
// The same calls give the same bytes.
//
// Every object that is not a stream goes into compressed object streams,
// and the cross-reference table is itself a compressed stream (PDF 1.5),
// which makes files with many small objects, such as the elements of a
// structure tree, much smaller.
//
// Fonts are embedded as Type 0 fonts with Identity-H encoding: a TrueType
// font as a CIDFontType2 (FontFile2) with a CIDToGIDMap, a CFF font as a
// CIDFontType0 (FontFile3/CIDFontType0C). A Font numbers the characters
// it draws 1, 2, 3… in character order, so that its ToUnicode map gives
// every code exactly one character even when two characters share a
// glyph, and characters above U+FFFF extract as surrogate pairs. A Font
// is immutable once made, so one value may be shared by the documents of
// a batch and by concurrent workers.
package pdfw
