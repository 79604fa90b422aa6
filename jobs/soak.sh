#!/usr/bin/env bash
# Issue 16's soak run, a benchmark (not a test): the W1 mix in pool mode with a 2 GB heap, first 1,000,000 rows,
# then 10,000,000, each as its own `jobs/xlspark evaluate` process. Prints per run the wall time, the time per
# row, the peak heap (the largest heap in use before a garbage collection, from the JVM's GC log) and the heap
# after the last collection, then the 10M run's time per row against the 1M run's (issue 16 asks for it to
# complete, and to stay within 10%). About 10 minutes for 1M and well over an hour for 10M on 2 busy cores.
#   jobs/soak.sh
#   SOAK_ROWS="20000 200000" jobs/soak.sh        # a smoke run of the script itself
# Settings: SOAK_ROWS ("1000000 10000000"), SOAK_HEAP (2g: driver and executor heap; local mode runs the
# executors in the driver JVM), SOAK_SEED (42), SOAK_MASTER (local[*]).
# Inputs, outputs, GC logs and --timings reports go to bench/work/soak-*; a summary to bench/results/soak.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROWS="${SOAK_ROWS:-1000000 10000000}"
HEAP="${SOAK_HEAP:-2g}"
SEED="${SOAK_SEED:-42}"
MASTER="${SOAK_MASTER:-local[*]}"
WORK="$ROOT/bench/work"
RESULTS="$ROOT/bench/results"
mkdir -p "$WORK" "$RESULTS"
export XLSPARK_LOG_FILE="$WORK/soak-driver.log"

jobs/xlspark --version >/dev/null   # builds once, outside the timed runs
CP="$ROOT/target/classes:$(cat "$ROOT/target/classpath.txt")"

summary="$RESULTS/soak.txt"
{
  echo "# soak: W1, pool mode, heap $HEAP, master $MASTER, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '%12s %10s %12s %12s %14s %8s\n' rows wall_s us_per_row peak_heap_MB heap_after_MB exit
} | tee "$summary"

first_per_row=""
for n in $ROWS; do
  input="$WORK/soak-W1-s$SEED-n$n.csv"
  if [[ ! -s "$input" ]]; then
    java -Xmx3g -cp "$CP" xlspark.cli.Main generate --workload W1 --rows "$n" --seed "$SEED" --output "$input" >&2
  fi
  gclog="$WORK/soak-gc-$n.log"
  rm -f "$gclog"
  start=$(date +%s.%N)
  set +e
  XLSPARK_DRIVER_MEMORY="$HEAP" JAVA_TOOL_OPTIONS="-Xlog:gc:file=$gclog" \
    jobs/xlspark --master "$MASTER" --conf spark.executor.memory="$HEAP" \
    evaluate --input "$input" --output "$WORK/soak-out-$n" --overwrite --mode pool \
    --timings "$WORK/soak-timings-$n.json" >"$WORK/soak-$n.out" 2>"$WORK/soak-$n.err"
  code=$?
  set -e
  end=$(date +%s.%N)
  # "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 1234M->456M(2048M) 3.1ms": before -> after (capacity).
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$gclog" 2>/dev/null | sed 's/M->.*//' | sort -n | tail -1)
  after=$(grep -o '[0-9]*M->[0-9]*M' "$gclog" 2>/dev/null | tail -1 | sed 's/.*->//; s/M//')
  wall=$(echo "$end - $start" | bc -l)
  per_row=$(echo "$wall * 1000000 / $n" | bc -l)
  printf '%12d %10.1f %12.2f %12s %14s %8d\n' "$n" "$wall" "$per_row" "${peak:-?}" "${after:-?}" "$code" \
    | tee -a "$summary"
  grep -h "xlspark:" "$WORK/soak-$n.out" | tail -1 >&2 || true
  if [[ -z "$first_per_row" ]]; then
    first_per_row="$per_row"
  else
    printf 'time per row, %d rows against %s: %.2fx (issue 16: within 1.10x)\n' "$n" "${ROWS%% *}" \
      "$(echo "$per_row / $first_per_row" | bc -l)" | tee -a "$summary"
  fi
done
