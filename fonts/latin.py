"""Make the embedded Latin companion faces (run by fonts/latin.sh with Debian's python3-fonttools).

usage: latin.py SOURCE.ttf STYLE OUTPUT.ttf

SOURCE is Liberation Serif (Regular or Bold) from the Debian package
fonts-liberation2; STYLE is "Regular" or "Bold". The subset keeps the
characters the fonts package draws with its Latin face (latinRanges in
fonts/latin.go; keep the two lists the same):
  * Basic Latin and Latin-1 Supplement (U+0020-U+007E, U+00A0-U+00FF);
  * the dashes, quotation marks and other general punctuation of
    PUNCTUATION below, and the euro and trade mark signs.
CJK punctuation and fullwidth forms stay with TW-Kai.

Liberation declares "Liberation" a Reserved Font Name under the SIL Open
Font License, so the subset, a Modified Version, is renamed: its family is
FAMILY below. Every other name record (copyright, trade mark, designer,
description, licence) is kept as it is.

The output is deterministic: building twice gives the same bytes.
"""

import sys

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "OCS Serif"
POSTSCRIPT = "OCSSerif"

RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
]

PUNCTUATION = [
    0x2010,  # ‐ hyphen
    0x2012,  # ‒ figure dash
    0x2013,  # – en dash
    0x2014,  # — em dash
    0x2018,  # ‘ left single quotation mark
    0x2019,  # ’ right single quotation mark
    0x201A,  # ‚ single low-9 quotation mark
    0x201C,  # “ left double quotation mark
    0x201D,  # ” right double quotation mark
    0x201E,  # „ double low-9 quotation mark
    0x2020,  # † dagger
    0x2021,  # ‡ double dagger
    0x2022,  # • bullet
    0x2026,  # … horizontal ellipsis
    0x2030,  # ‰ per mille sign
    0x2032,  # ′ prime
    0x2033,  # ″ double prime
    0x2039,  # ‹ single left-pointing angle quotation mark
    0x203A,  # › single right-pointing angle quotation mark
    0x2044,  # ⁄ fraction slash
    0x20AC,  # € euro sign
    0x2122,  # ™ trade mark sign
]


def wanted():
    """The characters of the subset, in order."""
    chars = []
    for lo, hi in RANGES:
        chars.extend(range(lo, hi + 1))
    chars.extend(PUNCTUATION)
    return chars


def rename(font, style):
    """Give the font the family FAMILY in every record of a primary name."""
    full = FAMILY if style == "Regular" else FAMILY + " " + style
    names = {
        1: FAMILY,  # family
        3: "ocs: " + full + " " + version(font),  # unique identifier
        4: full,  # full name
        6: POSTSCRIPT + "-" + style,  # PostScript name
    }
    table = font["name"]
    for rec in table.names:
        if rec.nameID in names:
            rec.string = names[rec.nameID]
        elif rec.nameID in (16, 17, 18, 20, 21, 22, 25):
            sys.exit("latin.py: the source has name record %d, which this script does not rename" % rec.nameID)
    for rec in table.names:
        if "Liberation" in rec.toUnicode() and rec.nameID not in (0, 7, 10, 13):
            sys.exit("latin.py: name record %d still says Liberation: %r" % (rec.nameID, rec.toUnicode()))


def version(font):
    """The font's version, such as 2.1.5, from name record 5."""
    v = font["name"].getDebugName(5) or ""
    return v.replace("Version ", "").strip()


def main(src, style, out):
    if style not in ("Regular", "Bold"):
        sys.exit("latin.py: STYLE must be Regular or Bold, not %r" % style)
    font = TTFont(src, recalcTimestamp=False)
    if font["OS/2"].fsType & 0x030E:
        sys.exit("latin.py: %s does not allow embedding (OS/2 fsType 0x%04x)" % (src, font["OS/2"].fsType))
    cmap = font.getBestCmap()
    chars = wanted()
    lacking = [c for c in chars if c not in cmap]
    if lacking:
        sys.exit("latin.py: %s lacks %s" % (src, " ".join("U+%04X" % c for c in lacking)))

    opts = subset.Options()
    opts.hinting = False  # no fpgm, prep, cvt, glyph instructions
    opts.layout_features = []  # GSUB, GPOS and GDEF go
    opts.drop_tables += ["FFTM", "gasp", "kern", "GSUB", "GPOS", "GDEF"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.glyph_names = False  # post format 3
    opts.notdef_outline = True
    opts.recalc_timestamp = False
    opts.canonical_order = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=chars)
    sub.subset(font)
    rename(font, style)
    font.save(out, reorderTables=True)

    got = TTFont(out)
    missing = [c for c in chars if c not in got.getBestCmap()]
    if missing:
        sys.exit("latin.py: the subset lost %s" % " ".join("U+%04X" % c for c in missing))
    print("%s: %d characters, %d glyphs, tables %s" % (
        out, len(got.getBestCmap()), got["maxp"].numGlyphs, " ".join(sorted(set(got.keys()) - {"GlyphOrder"}))))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
