#!/usr/bin/env bash
# Workbook benchmark (issue 7): a generated workbook of 100,000 formula cells (running totals, lookups into a
# rate table through a defined name, cross-sheet sums) and a folder of 200 small workbooks, both without cached
# results. In one run: Apache POI's own FormulaEvaluator.evaluateAll() and xlspark's evaluator, single thread in
# one JVM (xlspark.bench.WorkbookBench: wall and CPU seconds, heap held once a workbook is read), then
# `jobs/xlspark workbook` in serial, pool and tasks mode as separate processes (timed from start to exit,
# Spark start-up included). Writes bench/results/workbook-bench-<cores>cores.md.
#   jobs/workbook-bench.sh            # BENCH_WB_CELLS (100000), BENCH_WB_BOOKS (200), BENCH_WB_HEAP (2g)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CELLS="${BENCH_WB_CELLS:-100000}"
BOOKS="${BENCH_WB_BOOKS:-200}"
HEAP="${BENCH_WB_HEAP:-2g}"
WORK="$ROOT/bench/work/workbooks"
RESULTS="$ROOT/bench/results"
CORES="$(nproc)"
mkdir -p "$WORK" "$RESULTS"
export XLSPARK_LOG_FILE="$ROOT/bench/work/driver.log"

jobs/xlspark --version >/dev/null
# shellcheck source=jobs/bench-classes.sh
source "$ROOT/jobs/bench-classes.sh"   # BENCH_CP: WorkbookWorkloads, WorkbookBench (src/bench/java)
CP="$BENCH_CP"
BIG="$WORK/big-$CELLS.xlsx"
SMALL="$WORK/small-$BOOKS"
[[ -s "$BIG" ]] || java -Xmx1g -cp "$CP" xlspark.bench.WorkbookWorkloads big "$BIG" "$CELLS" >&2
[[ -d "$SMALL" ]] || java -Xmx1g -cp "$CP" xlspark.bench.WorkbookWorkloads small "$SMALL" "$BOOKS" 42 >&2

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
INPROC="$WORK/inprocess.txt"
: >"$INPROC"
for input in "$BIG" "$SMALL"; do
  java -Xmx"$HEAP" -cp "$CP" xlspark.bench.WorkbookBench "$input" both 2>/dev/null | grep '^workbook-bench' | tee -a "$INPROC" >&2
done

SPARK="$WORK/spark.tsv"
: >"$SPARK"
for input in "$BIG" "$SMALL"; do
  for m in serial pool tasks; do
    json="$WORK/$(basename "$input")-$m.json"
    start=$(date +%s%N)
    XLSPARK_DRIVER_MEMORY="$HEAP" jobs/xlspark workbook --input "$input" --mode "$m" --timings "$json" \
      >"$WORK/$(basename "$input")-$m.log" 2>&1 || true
    end=$(date +%s%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    job="$(sed -n 's/.*"wallSeconds":\([0-9.eE+-]*\).*/\1/p' "$json" 2>/dev/null || true)"
    printf '%s\t%s\t%s\t%s\n' "$(basename "$input")" "$m" "$secs" "$job" | tee -a "$SPARK" >&2
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

field() { sed -n "s/.*workbook-bench $1 $2 .*$3=\([0-9.]*\).*/\1/p" "$INPROC"; }
OUT="$RESULTS/workbook-bench-${CORES}cores.md"
{
  echo "# Workbook benchmark ($CORES cores, $(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "JVM: $(java -version 2>&1 | head -n 1); heap $HEAP; load average before $LOAD_BEFORE, after $LOAD_AFTER."
  echo
  echo "| input | formula cells | POI evaluateAll s (CPU s) | xlspark 1 thread s (CPU s) | POI / xlspark | results equal to POI's | heap after read POI / xlspark | xlspark serial | pool | tasks |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for input in "$BIG" "$SMALL"; do
    b="$(basename "$input")"
    ps="$(field "$b" poi seconds)"; pc="$(field "$b" poi cpuSeconds)"
    xs="$(field "$b" xlspark seconds)"; xc="$(field "$b" xlspark cpuSeconds)"
    cells="$(sed -n "s/.*workbook-bench $b xlspark .*cells=\([0-9]*\).*/\1/p" "$INPROC")"
    ph="$(field "$b" poi heapMB)"; xh="$(field "$b" xlspark heapMB)"
    agree="$(sed -n "s/.*workbook-bench $b poi .*agree=\([0-9/]*\).*/\1/p" "$INPROC")"
    ratio="$(awk -v p="$pc" -v x="$xc" 'BEGIN { if (x > 0) printf "%.1fx (CPU)", p / x }')"
    modes=()
    for m in serial pool tasks; do
      modes+=("$(awk -F'\t' -v b="$b" -v m="$m" '$1 == b && $2 == m { printf "%s s (job %.2f s)", $3, $4 }' "$SPARK")")
    done
    echo "| $b | $cells | $ps ($pc) | $xs ($xc) | $ratio | $agree | ${ph} MB / ${xh} MB | ${modes[0]} | ${modes[1]} | ${modes[2]} |"
  done
  echo
  echo "Spark columns: process wall time from start to exit (JVM and SparkSession start-up included), and in"
  echo "parentheses the job's own time from its --timings JSON. POI and xlspark 1 thread: one JVM, after a"
  echo "warm-up on the first file; CPU seconds are the thread's CPU time (robust when the machine is shared)."
} >"$OUT"
cat "$OUT"
