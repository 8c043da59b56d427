// Package pdf writes a render.Document as a PDF on A4 pages, with its own
// line breaking for Chinese text and its own table engine.
//
// # Layout and export
//
// Layout happens first and knows no PDF library: blocks are broken into
// lines, placed on pages and recorded as drawing operations (text, line,
// frame, fill). Only then are the pages replayed on a canvas, the small
// interface in canvas.go; fpdfCanvas implements it on
// codeberg.org/go-pdf/fpdf. Another library fits in behind an adapter of
// the same size. fpdf's MultiCell and SplitText are never used: they lose a
// CJK character at every automatic line break.
//
// # Fonts
//
// Characters are measured with their face's own horizontal metrics,
// rounded to thousandths of an em as the PDF font's widths are. Once the
// pages are laid out, each face is cut down (fonts.Face.Subset) to the
// characters drawn with it, and only that subset goes to fpdf, which
// parses and subsets a font of a few hundred glyphs instead of the whole
// face, and gets bytes of its own to write into.
//
// # Lines
//
// Text is measured character by character, each in the first face of the
// font set that has it. A line may break between CJK characters and at
// spaces (the space is then not drawn), never inside a run of Latin
// letters, digits and ASCII punctuation such as "P1.1.1", and never inside
// a superscript or a short 【…】 such as 【註12】. No line starts with one of
// ，。、；：？！）」』】〉》〕．,.;:!?)]}% and none ends with one of （「『【〈《〔([{
// (禁則): the character moves to the next line with its neighbour. A word
// wider than a whole line is cut between letters where these rules allow;
// a run they forbid to break at all stays whole. "\n" forces a break.
// Justified lines spread the extra space over the places where they could
// have broken, which in Chinese text is between every two characters.
//
// # Tables
//
// Relative column widths are scaled to the text width. Each row's cells go
// into the first columns not covered by a cell spanning down from above.
// A row is as tall as its tallest cell; a cell spanning rows gives any
// height it lacks to its last row. Rows bound together by spanning cells
// form a group. On a page break:
//
//   - A group that does not fit moves to the next page whole when it is at
//     most a quarter of a page; a taller group breaks between its rows.
//   - A row that does not fit moves to the next page whole when it is
//     short (an eighth of a page) or asks to be kept together and fits on
//     a page. Any other row is split: its cells fill the rest of the page
//     and their remaining lines continue on the next one. A row taller than
//     a page is always split. No line is ever clipped or lost.
//   - A row of one cell across the whole table (a caption, such as a task
//     heading above its indicators) stays with the rows after it.
//   - A split cell carries at least two lines over, never a lone last one.
//   - The header rows are drawn again at the top of every page.
//   - A cell that spans rows across a page break continues on the next
//     page. If some of its lines did not fit before the break, they are
//     printed there, once: text is never printed twice. If all of its text
//     was already printed, the cell shows it again followed by the table's
//     Continued text, e.g. "T1 人際溝通與協調（續）", so each page says which
//     duty it belongs to; a cell longer than four lines (a long knowledge
//     list) shows only the Continued text instead of repeating itself.
//
// The official iCAP PDFs come from Word, which leaves a continued spanning
// cell blank and breaks rows anywhere. The rules above keep that flow and
// that density, but name the continued duty and avoid splitting short rows.
//
// # Pages
//
// Paragraphs break between lines, leaving no lone first or last line of a
// paragraph at the foot or head of a page; headings and paragraphs marked
// KeepWithNext start a page with the block after them when both do not
// fit. Margins default to 20 mm. The running footer goes in the bottom margin;
// {page} and {pages} count the pages of the current section, which a
// PageBreak with NewSection starts, so footers are drawn after layout.
// Creation and modification dates come from Meta.Date (where callers put
// SOURCE_DATE_EPOCH), else 2000-01-01, so the same input gives the same
// bytes. Bold text uses the set's bold face, or strokes the glyph outlines
// (0.01 mm per point of size) when that face is synthetic.
package pdf
