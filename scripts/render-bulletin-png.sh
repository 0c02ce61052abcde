#!/usr/bin/env bash
# Renders examples/bulletin.html to docs/bulletin.png in headless Chromium, so the docs show what a
# bureau would publish. Needs Debian's chromium (and fonts-noto-cjk for the Chinese text):
#   apt-get install chromium fonts-noto-cjk
# CI does not run this; rerun it after changing the bulletin.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run example:bulletin > /dev/null
profile="$(mktemp -d)"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1100,3000 \
  --screenshot="$PWD/docs/bulletin.png" "file://$PWD/examples/bulletin.html"
rm -rf "$profile"
echo "written: docs/bulletin.png"
