#!/bin/bash
# usage: ace.sh EPUB REPORT_DIR
# Runs DAISY Ace (npm @daisy/ace-cli, pinned by package-lock.json beside this script) on EPUB and writes
# REPORT_DIR/report.json. Ace is installed on first use with `npm ci` into $ACE_CACHE (default
# ~/.cache/bookbinder-ace/<hash of the lock file>); puppeteer never downloads a browser: it starts Debian's
# chromium through chromium-wrap.sh.
# Exit 0: Ace ran (whatever it found; the caller reads the report); 2: a prerequisite is missing or Ace failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 2 ] || { echo "usage: $0 EPUB REPORT_DIR" >&2; exit 2; }
epub=$1 out=$2
missing=()
for cmd in node npm; do command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd"); done
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=("chromium")
if [ ${#missing[@]} -gt 0 ]; then
  echo "ace.sh: missing ${missing[*]}: install them with 'apt-get install -y chromium nodejs npm' (.ci/run does)" >&2
  exit 2
fi
lock_hash=$(sha256sum "$here/package-lock.json" | cut -c1-16)
cache=${ACE_CACHE:-$HOME/.cache/bookbinder-ace}/$lock_hash
if [ ! -x "$cache/node_modules/.bin/ace-cli" ]; then
  mkdir -p "$cache"
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  echo "ace.sh: installing DAISY Ace into $cache (once)" >&2
  ( cd "$cache" && PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 \
      npm ci --no-audit --no-fund --loglevel=error >&2 ) \
    || { echo "ace.sh: npm ci of DAISY Ace failed" >&2; rm -rf "$cache/node_modules"; exit 2; }
fi
mkdir -p "$out"
log="$out/ace.log"
# ACE_TIMEOUT_INITIAL: Ace's limit for the browser to start (5 s by default; a loaded 2-core machine needs more)
if ! PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_EXECUTABLE_PATH="$here/chromium-wrap.sh" \
     ACE_TIMEOUT_INITIAL=${ACE_TIMEOUT_INITIAL:-60000} \
     "$cache/node_modules/.bin/ace-cli" -f -s -o "$out" "$epub" >"$log" 2>&1 || [ ! -s "$out/report.json" ]; then
  echo "ace.sh: DAISY Ace did not produce a report for $epub:" >&2
  tail -20 "$log" | sed 's/\x1b\[[0-9;]*m//g' >&2
  exit 2
fi
