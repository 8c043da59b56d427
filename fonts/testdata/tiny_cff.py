"""Make tiny-cff.otf, the OpenType/CFF test font of the fonts package.

usage: /usr/bin/python3 tiny_cff.py   (Debian's python3-fonttools)

A name-keyed CFF font, family "Tiny CFF", 1000 units to the em, with
three glyphs drawn as boxes: .notdef, "A" (U+0041, advance 600) and "中"
(U+4E2D, advance 1000). Its outlines are ours; the file is public domain.
"""
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen


def box(width, x0, y0, x1, y1):
    pen = T2CharStringPen(width, None)
    pen.moveTo((x0, y0))
    pen.lineTo((x1, y0))
    pen.lineTo((x1, y1))
    pen.lineTo((x0, y1))
    pen.closePath()
    return pen.getCharString()


fb = FontBuilder(1000, isTTF=False)
fb.setupGlyphOrder([".notdef", "A", "uni4E2D"])
fb.setupCharacterMap({0x41: "A", 0x4E2D: "uni4E2D"})
fb.setupCFF("TinyCFF-Regular", {"FullName": "Tiny CFF"},
            {".notdef": box(500, 50, 0, 450, 700), "A": box(600, 100, 0, 500, 700),
             "uni4E2D": box(1000, 100, -100, 900, 800)}, {})
fb.setupHorizontalMetrics({".notdef": (500, 50), "A": (600, 100), "uni4E2D": (1000, 100)})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({"familyName": "Tiny CFF", "styleName": "Regular", "psName": "TinyCFF-Regular"})
fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120,
            sCapHeight=700, fsType=0)
fb.setupPost()
fb.font["head"].created = fb.font["head"].modified = 0
fb.save("tiny-cff.otf")
