#!/usr/bin/env bash
# Runs `swift test ARGS...` for at most MINUTES minutes, printing its output as it comes
# (the per-test "started" lines left out). A run that stops making progress is stopped
# rather than using up the CI's time, and the tests that had started and not ended are
# named — the suite itself takes about 3 minutes here, each sanitizer run under 8.
# Usage: bash scripts/bounded-test.sh MINUTES LOG [swift test arguments...]
# LOG keeps the whole output. Exit status: swift test's, 124 when it was stopped.
set -uo pipefail
minutes=${1:?minutes}; log=${2:?log file}; shift 2
mkdir -p "$(dirname "$log")"
timeout --kill-after=30s "${minutes}m" stdbuf -oL -eL swift test "$@" 2>&1 | tee "$log" \
    | grep --line-buffered -vE '^◇ .* started\.$|warning: Cannot export local symbol'
status=${PIPESTATUS[0]}
if [[ $status -eq 124 || $status -eq 137 ]]; then
    echo "swift test $*: stopped after ${minutes} min; tests started and not ended:"
    awk '
        /^◇ Test .* started\.$/ { name = $0; sub(/^◇ Test /, "", name); sub(/ started\.$/, "", name); open[name]++ }
        /^(✔|✘) Test .* (passed|failed)/ { name = $0; sub(/^(✔|✘) Test /, "", name); sub(/ (passed|failed).*$/, "", name); open[name]-- }
        END { for (name in open) if (open[name] > 0 && name != "run") print "  " name }
    ' "$log"
fi
exit "$status"
