#!/usr/bin/env bash
# Fuzzes the readers with libFuzzer (Fuzz/: one instrumented binary, FUZZ_TARGET picks
# what the input is fed to). Usage:
#   bash scripts/fuzz.sh TARGET SECONDS     # one target: csv xlsx header vpr_rows gia_rows registry_rows recheck_rows
#   bash scripts/fuzz.sh all SECONDS        # every target in turn (the CI smoke run)
# Seeds come from fixtures/uploads/ (rebuilt every run under .build-fuzz/corpus/, which
# also keeps what libFuzzer finds). A crash, hang, leak or sanitizer report stops the run
# with a non-zero status and leaves the input in .build-fuzz/artifacts/TARGET/; fix it and
# copy the input to fixtures/fuzz/TARGET/ (FuzzRegressionTests reads every file there).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(csv xlsx header vpr_rows gia_rows registry_rows recheck_rows)
which=${1:?target or all}
seconds=${2:?seconds}
[[ $which == all ]] && run=("${targets[@]}") || run=("$which")

swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -E "error|Build complete" || true
binary=Fuzz/.build/release/ObjectivityFuzz
[[ -x $binary ]] || { echo "fuzz: build failed" >&2; exit 1; }

work=.build-fuzz
good=fixtures/uploads/good
bad=fixtures/uploads/bad
# Seeds: whole files for the raw targets, first lines for header, bodies for the row targets.
seed() {
    local target=$1 dir=$work/corpus/$1
    mkdir -p "$dir"
    case $target in
    csv) cp $good/*.csv $good/*.tsv $bad/*.csv "$dir/" ;;
    xlsx) cp $good/*.xlsx $bad/*.xlsx "$dir/" ;;
    header) for f in $good/*.csv $good/*.tsv $bad/*.csv; do head -n 3 "$f" > "$dir/$(basename "$f")"; done ;;
    vpr_rows) for f in $good/ВПР*.csv $good/vpr*.csv $good/vpr*.tsv $good/export*.csv $bad/ВПР*.csv; do tail -n +2 "$f" > "$dir/$(basename "$f")"; done ;;
    gia_rows) for f in $good/gia*.csv $bad/gia*.csv; do tail -n +2 "$f" > "$dir/$(basename "$f")"; done ;;
    registry_rows) tail -n +2 $good/registry.csv > "$dir/registry.csv" ;;
    recheck_rows) tail -n +2 $good/recheck*.csv > "$dir/recheck.csv" ;;
    *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
    esac
    # Earlier crashes stay in the corpus.
    if [[ -d fixtures/fuzz/$target ]]; then cp fixtures/fuzz/$target/* "$dir/" 2>/dev/null || true; fi
}

status=0
for target in "${run[@]}"; do
    seed "$target"
    mkdir -p "$work/artifacts/$target"
    echo "fuzz: $target for $seconds s"
    set +e
    LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan.supp FUZZ_TARGET=$target "$binary" "$work/corpus/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$work/artifacts/$target/" -print_final_stats=1 > "$work/$target.log" 2>&1
    code=$?
    set -e
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE" "$work/$target.log" | tr '\n' ' '
    echo "exit $code"
    if [[ $code -ne 0 ]]; then
        status=1
        grep -E "ERROR|SUMMARY|Fatal|crash-|timeout-|oom-|leak-" "$work/$target.log" | head -n 20
    fi
done
exit $status
