#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/) and runs each for FUZZ_SECONDS, one core each, in turn.
# A crash (or timeout, or out-of-memory) is kept as a reproducer under Tests/Fuzz/Crashes/<parser>/.
#
#   tools/fuzz.sh                 # every harness, FUZZ_SECONDS (default 60) each
#   tools/fuzz.sh geojson pairs   # just these
#   FUZZ_STRICT=1 tools/fuzz.sh   # exit 1 if any harness crashed (CI: make fuzz-short)
#   FUZZ_SKIP_BUILD=1 tools/fuzz.sh  # run the harnesses already built
#   FUZZ_CONFIG=debug tools/fuzz.sh  # unoptimised build (default release: -O, still ASan and coverage)
#
# The corpus grows in Fuzz/.build/corpus/<parser> between runs; seeds are cut afresh each run by
# tools/fuzz-seeds. Final libFuzzer figures are appended to Fuzz/.build/fuzz-stats.tsv.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_EACH=${FUZZ_SECONDS:-60}
STRICT=${FUZZ_STRICT:-0}
# Optimised (-O keeps bounds and overflow checks; ASan and coverage counters are still compiled in):
# the XML harnesses run about ten times faster than in debug, where generic code stays unspecialised.
CONFIG=${FUZZ_CONFIG:-release}
BUILD=$ROOT/Fuzz/.build
export SWIFT_BACKTRACE=enable=no
# Leaks inside Foundation itself are suppressed (Fuzz/lsan.supp); ours are still reported.
export LSAN_OPTIONS=suppressions=$ROOT/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}

# parser name -> harness executable (and dictionary, if any)
declare -A HARNESS=(
    [geojson]=FuzzGeoJSON
    [stop-csv]=FuzzStopCSV
    [police-uk-csv]=FuzzPoliceUKCSV
    [pairs]=FuzzPairs
)
declare -A DICTIONARY=(
    [geojson]=json.dict
    [pairs]=json.dict
    [stop-csv]=stops-csv.dict
    [police-uk-csv]=police-uk-csv.dict
)
# Foundation's XMLParser leaks a CFError on every malformed document; libFuzzer would then re-run each
# such input under LeakSanitizer and crawl at ~25 runs/s, so leak checks are off for the XML harnesses.
declare -A EXTRA=(
    [sumo]=-detect_leaks=0
    [osm-xml]=-detect_leaks=0
)
# That leak also grows the process by about 1.5 KB per input: at ~2,500 inputs/s a 540 s run of osm-xml
# peaked at 1,974 MB, next to the 2,048 MB limit, where libFuzzer would stop with a false out-of-memory
# "crash". So these harnesses run in slices of at most SLICE seconds, each a fresh process on the same corpus.
declare -A SLICE=(
    [sumo]=300
    [osm-xml]=300
)
ORDER=(geojson stop-csv police-uk-csv pairs)
# Harnesses of modules that are not on this branch yet are skipped with a note.
for optional in osm-pbf:FuzzPBF osm-xml:FuzzOSMXML sumo:FuzzSUMO; do
    name=${optional%%:*}
    if [ -d "$ROOT/Fuzz/Sources/${optional#*:}" ]; then
        HARNESS[$name]=${optional#*:}
        ORDER+=("$name")
    fi
done
[ -f "$ROOT/Fuzz/Dictionaries/osm-xml.dict" ] && DICTIONARY[osm-xml]=osm-xml.dict
[ -f "$ROOT/Fuzz/Dictionaries/sumo.dict" ] && DICTIONARY[sumo]=sumo.dict

selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=("${ORDER[@]}")
for name in "${selected[@]}"; do
    [ -n "${HARNESS[$name]:-}" ] || { echo "fuzz: unknown parser '$name' (known: ${ORDER[*]})" >&2; exit 64; }
done

if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
    echo "fuzz: building the harnesses (instrumented: fuzzer + address)" >&2
    flock /tmp/patrol-swift.lock swift build -c "$CONFIG" --package-path Fuzz \
        --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address 2>&1 \
        | grep -v "ld.gold: warning: Cannot export local symbol" >&2
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: build failed" >&2; exit 1; }
fi

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
python3 tools/fuzz-seeds "$seeds" "${selected[@]}" || exit 1

crashed=()
printf "%-14s %12s %8s %8s %8s %s\n" parser executions cov ft corpus result
for name in "${selected[@]}"; do
    binary=$BUILD/$CONFIG/${HARNESS[$name]}
    corpus=$BUILD/corpus/$name
    crashes=$ROOT/Tests/Fuzz/Crashes/$name
    log=$BUILD/logs/$name.log
    mkdir -p "$corpus" "$crashes" "$BUILD/logs"
    mkdir -p "$seeds/$name"
    dict=()
    [ -n "${DICTIONARY[$name]:-}" ] && dict=(-dict="$ROOT/Fuzz/Dictionaries/${DICTIONARY[$name]}")
    before=$(ls "$crashes" | wc -l)
    slice=${SLICE[$name]:-$SECONDS_EACH}
    remaining=$SECONDS_EACH
    runs=0
    status=0
    : >"$log"
    while [ "$remaining" -gt 0 ] && [ "$status" -eq 0 ]; do
        this=$((remaining < slice ? remaining : slice))
        "$binary" "$corpus" "$seeds/$name" "${dict[@]}" ${EXTRA[$name]:-} \
            -max_total_time="$this" -workers=1 -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
            -print_final_stats=1 -artifact_prefix="$crashes/" >"$log.slice" 2>&1
        status=$?
        cat "$log.slice" >>"$log"
        done_runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log.slice" | grep -o '[0-9]*$' | tail -1)
        runs=$((runs + ${done_runs:-0}))
        remaining=$((remaining - this))
    done
    rm -f "$log.slice"
    after=$(ls "$crashes" | wc -l)
    final=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$final")
    ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$final")
    corp=$(sed -n 's/.*corp: \([0-9]*\).*/\1/p' <<<"$final")
    result=ok
    if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
        result="CRASH (exit $status; see $log and $crashes)"
        crashed+=("$name")
    fi
    printf "%-14s %12s %8s %8s %8s %s\n" "$name" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -u +%FT%TZ)" "$name" "$SECONDS_EACH" "${runs:-0}" "${cov:-}" "${ft:-}" \
        "${corp:-}" "$result" >>"$BUILD/fuzz-stats.tsv"
done

if [ ${#crashed[@]} -gt 0 ]; then
    echo "fuzz: crashes in: ${crashed[*]}; each reproducer is kept under Tests/Fuzz/Crashes/<parser>/" >&2
    echo "fuzz: reproduce with Fuzz/.build/$CONFIG/<Harness> <file>" >&2
    [ "$STRICT" = 1 ] && exit 1
fi
exit 0
