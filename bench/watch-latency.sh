#!/usr/bin/env bash
# Rebuild latency of `bookbinder watch` (see README, "Live preview"): starts the preview on a copy of the flagship
# book, opens it in Debian's chromium (playwright-core, as PreviewBrowserTest installs it), goes to the chapter
# "Prisoners of War" and changes one word of its first paragraph RUNS times (default 10), timing from the save to
# the server's report of the rebuild and to the new word on screen in the reader. Prints a Markdown table.
# Usage: bench/watch-latency.sh [RUNS]   (after mvn -B -q -DskipTests package; needs chromium, node, npm)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
[ -f target/bookbinder.jar ] || mvn -B -q -DskipTests package
if [ ! -f target/playwright/node_modules/playwright-core/package.json ]; then
  mkdir -p target/playwright && cp src/test/preview/package.json src/test/preview/package-lock.json target/playwright/
  (cd target/playwright && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
book=$(mktemp -d)
log=$(mktemp)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$book" "$log"' EXIT
cp -r book.yaml chapters "$book/"
java -jar target/bookbinder.jar watch "$book" --port 0 --quiet >"$log" 2>&1 &
pid=$!
for _ in $(seq 600); do grep -q 'preview of' "$log" && break; sleep 0.1; done
url=$(sed -n 's/.* at \(http:[^ ]*\) .*/\1/p' "$log" | head -1)
[ -n "$url" ] || { cat "$log"; exit 1; }
node bench/watch-latency.cjs "$PWD/target/playwright/node_modules" "$url" "$book" "$runs"
echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
