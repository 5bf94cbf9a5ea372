#!/bin/bash
# Re-fetches the browser engines that `bookbinder watch` serves with its preview page, at the pinned versions,
# into src/main/resources/org/bookbinder/preview/page/vendor/ (checked in: the Maven build never runs npm).
#   foliate-js 1.0.1 (MIT): the EPUB reader (the engine of GNOME Foliate), its ES modules as published, with the
#                           zip.js build it bundles in vendor/zip.js (zip.js, BSD-3-Clause; licence from 2.7.52,
#                           the version foliate-js 1.0.1 asks for at least)
#   pagedjs 0.4.3 (MIT):    the Paged Media polyfill that lays the print edition out in pages (dist/paged.min.js,
#                           which bundles css-tree, event-emitter, clear-cut and Babel helpers: MIT and ISC)
# Only the files an EPUB needs are copied (no MOBI, FB2, comic-book, text-to-speech or search modules).
# Each tarball is checked against its pinned npm integrity. Needs npm and tar. Run from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
vendor="$here/../resources/org/bookbinder/preview/page/vendor"
declare -A integrity=(
  [foliate-js@1.0.1]=sha512-Cj4h2ub5aVA+yUgbhvVhCyxwi0GPF4pyNBa6Lw9+6WKY1ReBxipItn2kEBO6u7Vu/xYXjK711R74+t+yW/0u5w==
  [pagedjs@0.4.3]=sha512-YtAN9JAjsQw1142gxEjEAwXvOF5nYQuDwnQ67RW2HZDkMLI+b4RsBE37lULZa9gAr6kDAOGBOhXI4wGMoY3raw==
  [@zip.js/zip.js@2.7.52]=sha512-+5g7FQswvrCHwYKNMd/KFxZSObctLSsQOgqBSi0LzwHo3li9Eh1w5cF5ndjQw9Zbr3ajVnd2+XyiX85gAetx1Q==
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() {  # fetch PKG@VERSION DIR: the package's tarball, integrity-checked, unpacked into $work/DIR
  local spec=$1 dir=$work/$2
  mkdir -p "$dir"
  local tgz; tgz=$(cd "$work" && npm pack --silent "$spec" | tail -1)
  local got="sha512-$(openssl dgst -sha512 -binary "$work/$tgz" | base64 -w0)"
  [ "$got" = "${integrity[$spec]}" ] || { echo "update-vendor.sh: $spec: integrity $got, expected ${integrity[$spec]}" >&2; exit 1; }
  tar xzf "$work/$tgz" -C "$dir" --strip-components=1
}
fetch foliate-js@1.0.1 foliate
fetch pagedjs@0.4.3 pagedjs
fetch @zip.js/zip.js@2.7.52 zipjs

rm -rf "$vendor/foliate-js" "$vendor/pagedjs"
mkdir -p "$vendor/foliate-js/vendor" "$vendor/pagedjs"
for f in view.js epub.js epubcfi.js paginator.js progress.js overlayer.js text-walker.js footnotes.js; do
  cp "$work/foliate/$f" "$vendor/foliate-js/$f"
done
cp "$work/foliate/vendor/zip.js" "$vendor/foliate-js/vendor/zip.js"
cp "$work/foliate/LICENSE" "$vendor/foliate-js/LICENSE.txt"
cp "$work/zipjs/LICENSE" "$vendor/foliate-js/vendor/zip.js.LICENSE.txt"
cp "$work/pagedjs/dist/paged.min.js" "$vendor/pagedjs/paged.min.js"
cp "$work/pagedjs/LICENSE.md" "$vendor/pagedjs/LICENSE.txt"
cat > "$vendor/VERSIONS.txt" <<'TXT'
The browser engines of the `bookbinder watch` preview page, copied from npm by src/main/preview/update-vendor.sh
(the Maven build does not run npm). Each directory holds its licence.

foliate-js/  foliate-js 1.0.1, MIT License, (c) 2022 John Factotum: view.js, epub.js, epubcfi.js,
             paginator.js, progress.js, overlayer.js, text-walker.js, footnotes.js, as published.
foliate-js/vendor/zip.js
             zip.js as bundled (minified) by foliate-js 1.0.1, BSD 3-Clause License, (c) Gildas Lormeau
             (licence text from @zip.js/zip.js 2.7.52: zip.js.LICENSE.txt).
pagedjs/     Paged.js 0.4.3, MIT License, (c) 2018 Adam Hyde: dist/paged.min.js, as published; it bundles
             its dependencies css-tree (MIT, (c) Roman Dvornov), event-emitter (ISC, (c) Mariusz Nowak),
             clear-cut (MIT) and Babel's runtime helpers (MIT).
TXT
echo "update-vendor.sh: foliate-js 1.0.1, zip.js licence 2.7.52 and pagedjs 0.4.3 copied into $vendor"
