#!/usr/bin/env bash
# Renders the region report in a real browser (headless Chromium) to PNG, as a person
# would see it: `bash scripts/report-screenshot.sh [REPORT.html] [OUT.png] [HEIGHT]`.
# Needs Debian's chromium (`apt-get install chromium`); the report itself needs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
report=$(realpath "${1:-demo/state/out/report.html}")
out=$(realpath -m "${2:-docs/report-screenshot.png}")
height=${3:-1700}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "report-screenshot: no Chromium; install it with: apt-get install chromium" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="1280,${height}" \
  --screenshot="$out" "file://${report}" 2>/dev/null
echo "report-screenshot: ${out} ($(stat -c %s "$out") bytes) from ${report}"
