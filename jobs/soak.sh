#!/usr/bin/env bash
# Issue 16's soak run, a benchmark (not a test): the W1 mix in pool mode with a 2 GB heap, first 1,000,000 rows,
# then 10,000,000, each as its own `jobs/xlspark evaluate` process. Prints per run the wall time and the CPU time
# of the process (user + system, JVM start included; the machine is shared, so CPU per row is the steadier figure),
# each per row, the executors' CPU per row (Spark's task CPU, from --timings), and the peak heap three ways: the
# largest heap in use before a garbage collection from the JVM's GC log, the timing report's driver peak (collector
# notifications) and its executors' peak (Spark's executor metrics, polled every second here). Then the 10M run's
# time and CPU per row against the 1M run's (issue 16 asks for it to complete, and to stay within 10%).
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
  echo "# soak: W1, pool mode, heap $HEAP, master $MASTER, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '%10s %8s %8s %8s %8s %9s %9s %9s %9s %5s\n' rows wall_s us/row cpu_s cpu_us/row exec_us/row \
    gc_peakMB drv_peakMB exe_peakMB exit
} | tee "$summary"

first=""
for n in $ROWS; do
  input="$WORK/soak-W1-s$SEED-n$n.csv"
  if [[ ! -s "$input" ]]; then
    java -Xmx3g -cp "$CP" xlspark.cli.Main generate --workload W1 --rows "$n" --seed "$SEED" --output "$input" >&2
  fi
  gclog="$WORK/soak-gc-$n.log"
  timings="$WORK/soak-timings-$n.json"
  rm -f "$gclog" "$timings"
  set +e
  XLSPARK_DRIVER_MEMORY="$HEAP" JAVA_TOOL_OPTIONS="-Xlog:gc:file=$gclog" \
    /usr/bin/time -f '%e %U %S' -o "$WORK/soak-time-$n.txt" \
    jobs/xlspark --master "$MASTER" --conf spark.executor.memory="$HEAP" \
    --conf spark.executor.metrics.pollingInterval=1000 \
    evaluate --input "$input" --output "$WORK/soak-out-$n" --overwrite --mode pool \
    --timings "$timings" >"$WORK/soak-$n.out" 2>"$WORK/soak-$n.err"
  code=$?
  set -e
  read -r wall user sys < <(tail -1 "$WORK/soak-time-$n.txt")
  # "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 1234M->456M(2048M) 3.1ms": before -> after (capacity).
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$gclog" 2>/dev/null | sed 's/M->.*//' | sort -n | tail -1)
  read -r exec_cpu drv exe < <(python3 - "$timings" "$n" <<'PY' 2>/dev/null || echo "? ? ?"
import json, sys
t = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
cpu = sum(s["cpuNanos"] for s in t["stages"]) / 1e3 / n
h = t.get("heap", {})
print("%.2f %d %d" % (cpu, h.get("driverPeakBytes", 0) >> 20, h.get("executorPeakBytes", 0) >> 20))
PY
)
  per_row=$(echo "$wall * 1000000 / $n" | bc -l)
  cpu=$(echo "$user + $sys" | bc -l)
  cpu_row=$(echo "$cpu * 1000000 / $n" | bc -l)
  printf '%10d %8.1f %8.2f %8.1f %8.2f %9s %9s %9s %9s %5d\n' "$n" "$wall" "$per_row" "$cpu" "$cpu_row" \
    "$exec_cpu" "${peak:-?}" "$drv" "$exe" "$code" | tee -a "$summary"
  grep -h "xlspark:" "$WORK/soak-$n.out" | tail -1 >&2 || true
  grep -h "  heap:" "$WORK/soak-$n.out" | tail -1 >&2 || true
  if [[ -z "$first" ]]; then
    first="$per_row $cpu_row"
  else
    read -r first_row first_cpu <<<"$first"
    printf 'per row, %d rows against %s: wall %.2fx, CPU %.2fx (issue 16: within 1.10x)\n' "$n" "${ROWS%% *}" \
      "$(echo "$per_row / $first_row" | bc -l)" "$(echo "$cpu_row / $first_cpu" | bc -l)" | tee -a "$summary"
  fi
done
