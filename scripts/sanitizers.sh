#!/usr/bin/env bash
# The test suite under AddressSanitizer and ThreadSanitizer. Usage:
#   bash scripts/sanitizers.sh full   # every test under each sanitizer (about 30 min on 2 cores)
#   bash scripts/sanitizers.sh ci     # the suites where each sanitizer finds most (.ci/run):
#                                     # ASan over the readers, the BLAS/LAPACK core and the
#                                     # upload handling; TSan over everything that runs on
#                                     # several threads: scan, the daemon, its HTTP server
# Builds go to .build-asan/ and .build-tsan/. Exit status: non-zero when a test fails or
# a sanitizer reports (a report makes the test process exit non-zero).
#
# LeakSanitizer stays off here: XCTest and Foundation's libcurl hold 2.9 kB at exit,
# which would fail every child process; our own leaks are looked for by the fuzz runs
# (scripts/fuzz.sh), where it is on.
set -uo pipefail
cd "$(dirname "$0")/.."
mode=${1:?full or ci}
case $mode in
full)
    asan_filter=()
    tsan_filter=()
    ;;
ci)
    asan_filter=(--filter 'ObjectivityIngestTests|ObjectivityCoreTests|ObjectivityReportsTests|HostileUploadTests|UploadProcessorTests|PrivacyTests')
    tsan_filter=(--filter 'ScanCommandTests|ScanProgressTests|ServiceDaemonTests|LoadTests|HostileUploadTests|FaultTests|StoreLockTests|ClockJumpTests|MetricsServerTests|ConfigurationReloadTests|RegionAnalyserTests|UploadProcessorTests')
    ;;
*) echo "usage: $0 full|ci" >&2; exit 2 ;;
esac

run() {
    local name=$1 minutes=$2; shift 2
    local start=$(date +%s)
    bash scripts/bounded-test.sh "$minutes" ".build/ci-logs/${name}.log" "$@"
    local status=$?
    echo "sanitizers: ${name}: exit status ${status}, $(( $(date +%s) - start )) s"
    return "$status"
}

# Time limits: several times what each run takes here (ASan about 6 min with its build,
# TSan about 8), so that only a run that stopped making progress is stopped.
ASAN_OPTIONS=detect_leaks=0 run address 20 --sanitize=address --scratch-path .build-asan "${asan_filter[@]}"
asan=$?
run thread 25 --sanitize=thread --scratch-path .build-tsan "${tsan_filter[@]}"
tsan=$?
[[ $asan -eq 0 && $tsan -eq 0 ]]
