#!/bin/sh
# Rebuild the embedded Latin companion faces, fonts/OCSSerif-Regular.ttf and
# fonts/OCSSerif-Bold.ttf, from Liberation Serif in the Debian package
# fonts-liberation2, and fonts/LICENSE-OFL from the package's copyright
# file. Needs Debian's python3-fonttools (/usr/bin/python3). The result is
# deterministic: the same sources and script give the same bytes.
#
#   sh fonts/latin.sh            # from the repository root
#   SRCDIR=/path/to/liberation2 sh fonts/latin.sh
set -eu

dir=$(dirname "$0")
SRCDIR=${SRCDIR:-/usr/share/fonts/truetype/liberation2}
COPYRIGHT=${COPYRIGHT:-/usr/share/doc/fonts-liberation2/copyright}
PYTHON=${PYTHON:-/usr/bin/python3}

for style in Regular Bold; do
	if [ ! -f "$SRCDIR/LiberationSerif-$style.ttf" ]; then
		echo "latin.sh: $SRCDIR/LiberationSerif-$style.ttf not found; install it with: apt-get install fonts-liberation2" >&2
		exit 1
	fi
done
if [ ! -f "$COPYRIGHT" ]; then
	echo "latin.sh: $COPYRIGHT not found; install it with: apt-get install fonts-liberation2" >&2
	exit 1
fi
if ! "$PYTHON" -c 'import fontTools.subset' 2>/dev/null; then
	echo "latin.sh: $PYTHON has no fontTools; install it with: apt-get install python3-fonttools" >&2
	exit 1
fi

tmp="$dir/latin.tmp"
trap 'rm -f "$tmp"' EXIT
for style in Regular Bold; do
	out="$dir/OCSSerif-$style.ttf"
	"$PYTHON" "$dir/latin.py" "$SRCDIR/LiberationSerif-$style.ttf" "$style" "$tmp"
	mv "$tmp" "$out"
done

# The licence: the copyright lines and the licence text of the "Files: *"
# paragraph of the Debian copyright file, word for word, taken out of its
# field format: one leading space removed, a line of " ." made an empty
# line, an empty line between the copyright lines and the licence, and no
# empty lines at the end.
awk '
	/^Files: \*$/ { files = 1; next }
	files && /^Files:/ { exit }
	files && /^Copyright:/ { take = 1; next }
	files && /^License:/ { take = 1; blank = 1; next }
	files && take && /^ \.$/ { blank++; next }
	files && take && /^ / {
		for (; blank > 0; blank--) print ""
		print substr($0, 2)
		next
	}
	files && take && /^$/ { exit }
' "$COPYRIGHT" >"$tmp"
if ! grep -q 'SIL OPEN FONT LICENSE Version 1.1' "$tmp"; then
	echo "latin.sh: no SIL Open Font License text found in $COPYRIGHT" >&2
	exit 1
fi
mv "$tmp" "$dir/LICENSE-OFL"
trap - EXIT

if command -v dpkg-query >/dev/null 2>&1; then
	echo "package: $(dpkg-query -W fonts-liberation2 2>/dev/null || echo 'fonts-liberation2 not installed via dpkg')"
fi
for style in Regular Bold; do
	echo "source: $(sha256sum "$SRCDIR/LiberationSerif-$style.ttf")"
	echo "subset: $(sha256sum "$dir/OCSSerif-$style.ttf")"
	echo "size:   $(wc -c <"$dir/OCSSerif-$style.ttf") bytes"
done
echo "licence: $(sha256sum "$dir/LICENSE-OFL")"
