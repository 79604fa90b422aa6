#!/usr/bin/env bash
# The Pool-vs-Process study on Spark: generates W1..W5, W1g, W1d and W4d (fixed seed), runs every mode on each
# as its own `jobs/xlspark evaluate` process, timed from process start to exit (output written, session stopped),
# then the POI baseline (xlspark.bench.PoiBaseline: Apache POI's formula evaluator over the same file, one JVM,
# 2 threads, no Spark) timed the same way, counts the rows where POI's results equal pool's, and prints a
# markdown table + draws an SVG chart, both saved under bench/results/ with the core count.
#   jobs/bench.sh                 # everything (about 20 minutes on 2 idle cores)
#   BENCH_WORKLOADS="W2 W5" jobs/bench.sh
#   BENCH_ROWS=2000 BENCH_WORKBOOK=0 jobs/bench.sh     # a smoke run: workloads cut to at most 2,000 rows
# With BENCH_WORKLOADS, only those are re-run; the table keeps the other workloads' last results.
# Settings: BENCH_SEED (42), BENCH_TASK_SLOTS (task slots of W5's tasks and auto runs, 64),
# BENCH_DELAY_MS (the slow server's answer delay, 50), BENCH_MODES ("serial pool tasks auto"),
# BENCH_ROWS (at most this many rows per workload; results then go to bench-<cores>cores-r<ROWS>.*),
# BENCH_POI (1; 0 skips the baseline),
# BENCH_POI_THREADS (2), BENCH_POI_SKIP ("W5": POI has no WEBSERVICE).
set -euo pipefail
TIMEFORMAT='%U %S'
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SEED="${BENCH_SEED:-42}"
SLOTS="${BENCH_TASK_SLOTS:-64}"
DELAY="${BENCH_DELAY_MS:-50}"
WORKLOADS="${BENCH_WORKLOADS:-W1 W1d W1g W2 W3 W4 W4d W5}"
MODES="${BENCH_MODES:-serial pool tasks auto}"
ROWS="${BENCH_ROWS:-}"
POI="${BENCH_POI:-1}"
POI_THREADS="${BENCH_POI_THREADS:-2}"
POI_SKIP="${BENCH_POI_SKIP:-W5}"
# The POI baseline's JVM gets the driver's flags from conf/spark-defaults.conf (the collector, the C2 thresholds):
# they speed POI's loop up as much as xlspark's, so the ratio compares the code, not the flags.
POI_JAVA_OPTS="${BENCH_POI_JAVA_OPTS-$(awk '$1 == "spark.driver.defaultJavaOptions" { $1 = ""; print }' \
  "$ROOT/conf/spark-defaults.conf")}"
WORK="$ROOT/bench/work"
RESULTS="$ROOT/bench/results"
CORES="$(nproc)"
mkdir -p "$WORK" "$RESULTS"
export XLSPARK_LOG_FILE="$WORK/driver.log"

bench_start=$(date +%s)
# Build once up front (jobs/xlspark would otherwise build inside the first timed run).
jobs/xlspark --version >/dev/null
# shellcheck source=jobs/bench-classes.sh
source "$ROOT/jobs/bench-classes.sh"   # BENCH_CP: the POI baseline and the other drivers (src/bench/java)
CP="$BENCH_CP"

SERVER_PID=""
cleanup() { if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

# W5's server: 127.0.0.1, any free port, answers after $DELAY ms.
java -cp "$CP" xlspark.bench.SlowHttpServer 0 "$DELAY" >"$WORK/server.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do grep -q listening "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
PORT="$(sed -n 's#.*http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$WORK/server.out")"
[[ -n "$PORT" ]] || { echo "bench: the slow HTTP server did not start" >&2; cat "$WORK/server.out" >&2; exit 1; }
URL="http://127.0.0.1:$PORT/slow"
echo "bench: slow HTTP server on $URL (answers after $DELAY ms)" >&2

# Workloads: generated once per seed and size (W5 every time: its URL names the server's port).
input() { echo "$WORK/$1-s$SEED${ROWS:+-r$ROWS}.csv"; }
for w in $WORKLOADS; do
  file="$(input "$w")"
  if [[ "$w" == W5 || ! -s "$file" ]]; then
    java -Xmx3g -cp "$CP" xlspark.cli.Main generate --workload "$w" --seed "$SEED" --url "$URL" --output "$file" \
      ${ROWS:+--max-rows "$ROWS"} >&2
  fi
done

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
# results.tsv keeps the rows of workloads not re-run now (BENCH_WORKLOADS), so a subset can be redone.
TSV="$WORK/results${ROWS:+-r$ROWS}.tsv"
HEADER=$'workload\trows\tmode\tseconds\texit\tused\treason\tjob_seconds\tnote\tcpu_seconds\tagree'
if [[ -s "$TSV" && "$(head -n 1 "$TSV")" == "$HEADER" ]]; then
  awk -F'\t' -v redo=" $WORKLOADS " 'NR > 1 && index(redo, " " $1 " ") == 0' "$TSV" >"$TSV.keep"
else
  : >"$TSV.keep"
fi
{ echo "$HEADER"; cat "$TSV.keep"; } >"$TSV"
rm -f "$TSV.keep"
for w in $WORKLOADS; do
  file="$(input "$w")"
  rows=$(($(wc -l <"$file") - 1))
  pool_rc=""
  for m in $MODES; do
    extra=()
    if [[ "$w" == W5 ]]; then
      extra+=(--allow-url "http://127.0.0.1:$PORT/")
      [[ "$m" == tasks || "$m" == auto ]] && extra+=(--task-slots "$SLOTS")
    fi
    json="$WORK/$w-$m.json"
    log="$WORK/$w-$m.log"
    rm -f "$json"
    start=$(date +%s%N)
    set +e
    # bash's time keyword: user + system CPU seconds of the process (less disturbed by a busy machine than wall)
    { time jobs/xlspark evaluate --input "$file" --output "$WORK/out-$w-$m" --overwrite --mode "$m" \
      --seed "$SEED" --now 2024-01-01T00:00:00Z --timings "$json" "${extra[@]}" >"$log" 2>&1; } 2>"$WORK/cpu"
    rc=$?
    set -e
    end=$(date +%s%N)
    [[ "$m" == pool ]] && pool_rc=$rc
    cpu="$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/cpu")"
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    used="" reason="" job="" note=""
    if [[ -s "$json" ]]; then
      used="$(sed -n 's/.*"usedMode":"\([a-z]*\)".*/\1/p' "$json")"
      reason="$(sed -n 's/.*"reason":"\([^"]*\)".*/\1/p' "$json")"
      job="$(sed -n 's/.*"wallSeconds":\([0-9.eE+-]*\).*/\1/p' "$json")"
    fi
    if [[ $rc -ne 0 ]]; then
      note="$(grep -m1 '^xlspark: ' "$log" | grep -v '^xlspark: Spark ' || true)"
      note="${note:-$(tail -n 1 "$log")}"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n' "$w" "$rows" "$m" "$secs" "$rc" "$used" "$reason" "$job" \
      "${note//$'\t'/ }" "$cpu" >>"$TSV"
    printf 'bench: %-4s %-6s exit %d  %8.2f s  %s\n' "$w" "$m" "$rc" "$secs" "${used:+used $used}" >&2
  done
  # The POI baseline on the same file, timed the same way (process start to exit, bash's user + system CPU).
  if [[ "$POI" != 0 && " $POI_SKIP " != *" $w "* ]]; then
    log="$WORK/$w-poi.log"
    start=$(date +%s%N)
    set +e
    # shellcheck disable=SC2086  # POI_JAVA_OPTS is a list of JVM flags
    { time java -Xmx"${XLSPARK_DRIVER_MEMORY:-4g}" $POI_JAVA_OPTS -cp "$CP" xlspark.bench.PoiBaseline --input "$file" \
      --output "$WORK/out-$w-poi.csv" --threads "$POI_THREADS" >"$log" 2>&1; } 2>"$WORK/cpu"
    rc=$?
    set -e
    end=$(date +%s%N)
    cpu="$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/cpu")"
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    job="$(sed -n 's/^poi-baseline .* seconds=\([0-9.]*\) .*/\1/p' "$log")"
    reason="$(sed -n 's/^poi-baseline .*\(xlsRows=[0-9]* xlsxRows=[0-9]*\).*/\1/p' "$log")"
    note="" agree=""
    if [[ $rc -ne 0 ]]; then
      note="$(grep -m1 -E 'Exception|Error' "$log" || tail -n 1 "$log")"
    elif [[ "$pool_rc" == 0 || "$pool_rc" == 3 ]]; then
      java -cp "$CP" xlspark.bench.ResultAgreement "$WORK/out-$w-poi.csv" "$WORK/out-$w-pool" >"$WORK/$w-agree.txt" 2>&1 || true
      agree="$(sed -n 's/^agreement compared=\([0-9]*\) agree=\([0-9]*\).*/\2\/\1/p' "$WORK/$w-agree.txt")"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$rows" poi "$secs" "$rc" poi "$reason" "$job" \
      "${note//$'\t'/ }" "$cpu" "$agree" >>"$TSV"
    printf 'bench: %-4s %-6s exit %d  %8.2f s  %s\n' "$w" poi "$rc" "$secs" "${agree:+equal to pool $agree}" >&2
  fi
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# A run on cut workloads (BENCH_ROWS) gets its own files, so it never replaces the full run's results.
NAME="bench-${CORES}cores${ROWS:+-r$ROWS}"
cp "$TSV" "$RESULTS/$NAME.tsv"
java -cp "$CP" xlspark.bench.BenchReport "$TSV" "$RESULTS/$NAME" \
  "cores=$CORES" "seed=$SEED" "taskSlots=$SLOTS" "delayMs=$DELAY" "poiThreads=$POI_THREADS" "loadBefore=$LOAD_BEFORE" \
  "loadAfter=$LOAD_AFTER" "jvm=$(java -version 2>&1 | head -n 1)" "date=$(date -u +%Y-%m-%dT%H:%MZ)" \
  "benchSeconds=$(($(date +%s) - bench_start))"

# The workbook row (issue 7): POI's evaluateAll vs xlspark on a 100,000-cell workbook and 200 small ones.
if [[ "${BENCH_WORKBOOK:-1}" != 0 ]]; then
  jobs/workbook-bench.sh
fi
