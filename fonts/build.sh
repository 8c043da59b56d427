#!/bin/sh
# Rebuild fonts/TW-Kai-subset.ttf from the Debian package fonts-cns11643-kai.
# Needs Debian's python3-fonttools and python3-numpy (/usr/bin/python3).
# Simplifying the outlines of the whole BMP takes about forty minutes of CPU
# time (SCOPE=big5: a quarter of an hour; CACHE=1 skips the characters
# already done), spread over all cores. The result is deterministic: the
# same source, script, tolerance and grid give the same bytes.
#
#   sh fonts/build.sh            # from the repository root (make fonts)
#   SRC=/path/TW-Kai-98_1.ttf EXTRA=/path/extra-chars.txt sh fonts/build.sh
#   TOLERANCE=0 sh fonts/build.sh   # exact outlines (see README.md)
#   TOLERANCE=2 GRID=1 sh fonts/build.sh   # the settings before December 2026
#   SCOPE=big5 sh fonts/build.sh     # Big5 and symbols only (see subset.py)
#   CACHE=1 sh fonts/build.sh        # reuse the outlines of the current subset
set -eu

dir=$(dirname "$0")
SRC=${SRC:-/usr/share/fonts/truetype/cns11643/TW-Kai-98_1.ttf}
EXTRA=${EXTRA:-$dir/extra-chars.txt}
OUT=${OUT:-$dir/TW-Kai-subset.ttf}
PYTHON=${PYTHON:-/usr/bin/python3}
TOLERANCE=${TOLERANCE:-4}
GRID=${GRID:-4}
SCOPE=${SCOPE:-bmp}
CACHE=${CACHE:-}

if [ ! -f "$SRC" ]; then
	echo "build.sh: $SRC not found; install it with: apt-get install fonts-cns11643-kai" >&2
	exit 1
fi
if ! "$PYTHON" -c 'import fontTools.subset' 2>/dev/null; then
	echo "build.sh: $PYTHON has no fontTools; install it with: apt-get install python3-fonttools" >&2
	exit 1
fi
if ! "$PYTHON" -c 'import numpy' 2>/dev/null; then
	echo "build.sh: $PYTHON has no numpy; install it with: apt-get install python3-numpy" >&2
	exit 1
fi

cache=""
if [ "$CACHE" = 1 ] && [ -f "$dir/TW-Kai-subset.ttf" ]; then
	cache="$dir/TW-Kai-subset.cache.ttf"
	cp "$dir/TW-Kai-subset.ttf" "$cache"
fi
tmp="$OUT.tmp"
trap 'rm -f "$tmp" $cache' EXIT
"$PYTHON" "$dir/subset.py" "$SRC" "$EXTRA" "$tmp" "$TOLERANCE" "$GRID" "$SCOPE" $cache
mv "$tmp" "$OUT"
rm -f $cache
trap - EXIT

if command -v dpkg-query >/dev/null 2>&1; then
	echo "package: $(dpkg-query -W fonts-cns11643-kai 2>/dev/null || echo 'fonts-cns11643-kai not installed via dpkg')"
fi
echo "source: $(sha256sum "$SRC")"
echo "subset: $(sha256sum "$OUT")"
echo "size:   $(wc -c <"$OUT") bytes"
