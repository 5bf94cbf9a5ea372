#!/usr/bin/env bash
# Remakes the print edition's embedded fonts (src/main/resources/org/bookbinder/fonts/*.woff2).
# Not part of the build: the subsets are committed. Needs Debian's fonts-ebgaramond, python3-fonttools and
# python3-brotli, and npm for the semibold (the Debian EB Garamond 0.016 bold is an unfinished 128-glyph cut
# without curly quotes, so the semibold comes from the later EB Garamond of the same design, via @fontsource).
#
#   apt-get install -y fonts-ebgaramond python3-fonttools python3-brotli && bash src/fonts/subset.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=src/main/resources/org/bookbinder/fonts
src=/usr/share/fonts/opentype/ebgaramond
# Latin: ASCII, Latin-1, Latin Extended-A, the punctuation a book needs (dashes, quotes, ellipsis, daggers,
# primes, soft hyphen), ligatures.
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0218-021B,U+02BC,U+02C6,U+02C7,U+02D8-02DD,U+2002-200B,U+2010-2015,U+2018-201E,U+2020-2022,U+2026,U+2030,U+2032,U+2033,U+2039,U+203A,U+2044,U+20AC,U+2116,U+2122,U+2212,U+FB00-FB04"
# Kept OpenType features: kerning and marks, ligatures, small capitals (smcp, c2sc), old-style and lining,
# proportional and tabular figures, case-sensitive forms, fractions, superiors.
features="kern,mark,mkmk,ccmp,locl,liga,clig,calt,smcp,c2sc,onum,lnum,pnum,tnum,case,sups,frac,numr,dnom"
for f in EBGaramond12-Regular EBGaramond12-Italic EBGaramond08-Regular EBGaramond08-Italic; do
  /usr/bin/python3 -m fontTools.subset "$src/$f.otf" --unicodes="$unicodes" --layout-features="$features" \
    --flavor=woff2 --no-hinting --desubroutinize --output-file="$out/$f.woff2"
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @fontsource/eb-garamond@5.3.0 >/dev/null && tar xzf fontsource-eb-garamond-5.3.0.tgz)
/usr/bin/python3 -m fontTools.subset "$tmp/package/files/eb-garamond-latin-600-normal.woff2" --unicodes="$unicodes" \
  --layout-features="$features" --flavor=woff2 --no-hinting --output-file="$out/EBGaramond-SemiBold.woff2"
# EB Garamond 0.016 gives the no-break space a narrower advance than the space in its 8-point and italic
# cuts, so "p. 84" or "September 1" would look jammed: make every no-break space as wide as the space.
/usr/bin/python3 - "$out"/*.woff2 <<'PY'
import sys
from fontTools.ttLib import TTFont
for path in sys.argv[1:]:
    font = TTFont(path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    if 0xA0 in cmap and hmtx[cmap[0xA0]][0] != hmtx[cmap[0x20]][0]:
        hmtx[cmap[0xA0]] = (hmtx[cmap[0x20]][0], hmtx[cmap[0xA0]][1])
        font.flavor = "woff2"
        font.save(path)
PY
ls -l "$out"
