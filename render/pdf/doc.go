// Package pdf writes a render.Document as a PDF on A4 pages, with its own
// line breaking for Chinese text and its own table engine.
//
// # Layout and export
//
// Layout happens first and knows nothing of PDF syntax: blocks are broken
// into lines, placed on pages and recorded as drawing operations (text,
// line, frame, fill), each text with the structure element it belongs to.
// Only then does write turn the pages into PDF content streams with the
// package pdfw, our own writer.
//
// # Batches
//
// A Renderer keeps the parsed metrics of each face and each embedded font
// subset, compressed, by its exact set of characters; documents of a batch
// that draw the same characters share the font. Render uses one Renderer
// per Options. Output never depends on what was rendered before.
//
// # Tagged PDF and bookmarks
//
// Every document is a tagged PDF (PDF/UA-1 structure): a Document element
// holds, in reading order, H1…H6 for headings, P for paragraphs and
// signature labels, L/LI/Lbl/LBody for lists and Table/THead/TBody/TR with
// TH (header rows, scope Column; shaded label cells, scope Row) and TD
// cells carrying RowSpan and ColSpan. Superscripts such as 【註1】 stay in
// their paragraph's text. Running footers (Pagination), rules, shading,
// repeated header rows and the repeated text of a continued cell are
// artifacts. Level 1 and 2 headings make the outline, level 2 under the
// level 1 before it.
//
// # Fonts
//
// Characters are measured with their face's own horizontal metrics,
// rounded to thousandths of an em as the PDF font's widths are. Once the
// pages are laid out, each face is cut down (fonts.Face.Subset) to the
// characters drawn with it and embedded as a CID font with a subset tag
// (ABCDEF+TW-Kai), the widths the layout measured with and a ToUnicode
// map, so that text extracts exactly, characters above U+FFFF included.
// The shared font data is only ever read.
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
// # Brand
//
// A document's Brand draws, on every page, a header band above the body:
// the logo 12 mm high (at most 60 mm wide), the organisation's name in
// bold in the accent colour, the Line at the right margin and a rule in
// the accent colour (black without one) under them; the body moves down
// by the band only when there is one. The Footer line stands above the
// running footer. With an accent colour, shaded cells are filled with its
// tint (Color.Tint(0.8)) and the title and headings drawn in it. All of it
// is artifacts (texts and logo Pagination); an unbranded document is unchanged.
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
