#!/bin/sh
# The browser puppeteer starts for DAISY Ace: Debian's chromium, headless (puppeteer adds --headless and a fresh
# --user-data-dir), without the sandbox (CI runs as root) and without any network side-traffic.
exec "${CHROMIUM:-/usr/bin/chromium}" --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync "$@"
