"""Make the embedded TW-Kai subset (run by fonts/build.sh with Debian's python3-fonttools).

usage: subset.py SOURCE.ttf EXTRA-CHARS.txt OUTPUT.ttf

The character set is the union of:
  * ASCII and Latin-1 (U+0020-U+007E, U+00A0-U+00FF);
  * every character the Python codecs 'big5' and 'cp950' decode from a
    two-byte code (lead 0x81-0xFE, trail 0x40-0x7E / 0xA1-0xFE): the Big5
    symbols, levels 1 and 2, and the CP950 additions such as the ETEN box
    drawing characters and the euro sign;
  * whole symbol blocks (CJK punctuation, fullwidth forms, enclosed
    numbers, check marks and boxes, ...), listed in BLOCKS below;
  * the characters of EXTRA-CHARS.txt (first field of each non-comment line).
Only characters the source font maps are kept; the rest are reported.
The output is deterministic: building twice gives the same bytes.
"""

import sys

from fontTools import subset
from fontTools.ttLib import TTFont

# Blocks taken whole (each character only if the source font has it).
BLOCKS = [
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x214F),  # Letterlike Symbols (℃ №)
    (0x2150, 0x218F),  # Number Forms (Ⅰ Ⅱ ⅰ)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators (√)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ⑴ ⒈)
    (0x2500, 0x257F),  # Box Drawing
    (0x2580, 0x259F),  # Block Elements
    (0x25A0, 0x25FF),  # Geometric Shapes (○ ● □ ■)
    (0x2600, 0x26FF),  # Miscellaneous Symbols (☐ ☑ ☒ ★)
    (0x2700, 0x27BF),  # Dingbats (✓ ✔ ✗)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31BF),  # Bopomofo Extended
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠ ㊣)
    (0x3300, 0x33FF),  # CJK Compatibility (㎝ ㎏)
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFE50, 0xFE6F),  # Small Form Variants
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]


def big5_chars():
    """Every character a two-byte Big5 or CP950 code decodes to."""
    trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    chars = set()
    for codec in ("big5", "cp950"):
        for lead in range(0x81, 0xFF):
            for trail in trails:
                try:
                    s = bytes([lead, trail]).decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(s) == 1:
                    chars.add(ord(s))
    return chars


def extra_chars(path):
    """The first character of every non-comment line of path."""
    chars = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                chars.add(ord(line[0]))
    return chars


def main(src, extra, out):
    wanted = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    wanted |= big5_chars()
    for lo, hi in BLOCKS:
        wanted |= set(range(lo, hi + 1))
    extras = extra_chars(extra)
    wanted |= extras

    font = TTFont(src, recalcTimestamp=False)
    cmap = font.getBestCmap()
    missing_extras = sorted(c for c in extras if c not in cmap)
    if missing_extras:
        sys.exit("source font lacks listed extra characters: "
                 + " ".join("U+%04X" % c for c in missing_extras))
    unicodes = sorted(c for c in wanted if c in cmap)

    opts = subset.Options()
    opts.hinting = False
    opts.layout_features = []
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "FFTM", "gasp"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.recalc_timestamp = False
    opts.prune_unicode_ranges = True

    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    font.save(out, reorderTables=True)

    kept = TTFont(out, lazy=True)
    print("characters: %d (of %d wanted; %d not in the source font)"
          % (len(kept.getBestCmap()), len(wanted), len(wanted) - len(unicodes)))
    print("glyphs: %d" % kept["maxp"].numGlyphs)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
