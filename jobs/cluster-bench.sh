#!/usr/bin/env bash
# Throughput on the loopback standalone cluster with 1 and with 2 Workers (1 core each): the same pool run over
# rows of 250-argument calls (workload W4), RUNS times per size, and prints per size the best and median of the
# job's wall time and of its evaluate stage (the result stage of the write job, from the event log), the
# executors' CPU time in that stage (the work, whatever the wall time), the stage's rows per second and the
# speed-up over the first size.
# The input is read splittably (multiLine off, 16 MB splits), so every executor reads, indexes and warms up
# before the evaluate stage, as the README advises for big inputs.
#   jobs/cluster-bench.sh            BENCH_ROWS=60000 BENCH_RUNS=2 BENCH_WORKERS="1 2" by default
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROWS="${BENCH_ROWS:-60000}"
RUNS="${BENCH_RUNS:-2}"
SIZES="${BENCH_WORKERS:-1 2}"
WORK="${BENCH_DIR:-$ROOT/target/cluster-bench}"
export SPARK_LOCAL_IP=127.0.0.1 XLSPARK_DRIVER_MEMORY="${XLSPARK_DRIVER_MEMORY:-1g}"
export CLUSTER_DIR="$WORK/cluster"
trap 'jobs/cluster-down.sh --dir "$CLUSTER_DIR" 2>/dev/null || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$WORK/events"
jobs/xlspark generate --workload W4 --rows "$ROWS" --output "$WORK/wide.csv" >&2

# stage_times EVENTLOG: "WALL CPU" seconds of the result stage of the "evaluate and write" job
stage_times() {
  jq -s -r '
    (map(select(.Event == "SparkListenerJobStart"
        and ((.Properties["spark.job.description"] // "") | contains("evaluate and write"))))
      | map(.["Stage IDs"] | max) | max) as $s
    | (map(select(.Event == "SparkListenerStageCompleted" and .["Stage Info"]["Stage ID"] == $s))
      | last | .["Stage Info"] | ((.["Completion Time"] - .["Submission Time"]) / 1000)) as $wall
    | (map(select(.Event == "SparkListenerTaskEnd" and .["Stage ID"] == $s)
      | .["Task Metrics"]["Executor CPU Time"] // 0) | add / 1e9) as $cpu
    | "\($wall) \($cpu)"' "$1"
}
port_taken() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
free_port() {   # the first of three free consecutive ports from $1: master UI, then the Workers' UIs
  local p="$1"
  while port_taken "$p" || port_taken $((p + 1)) || port_taken $((p + 2)); do p=$((p + 3)); done
  echo "$p"
}
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

declare -A BEST_STAGE
REPORT=()
for workers in $SIZES; do
  ui="$(free_port 8080)"
  master="$(jobs/cluster-up.sh --dir "$CLUSTER_DIR" --workers "$workers" --cores 1 --port "$(free_port 7077)" \
    --ui-port "$ui" --worker-ui-port $((ui + 1)))"
  walls=() stages=() cpus=()
  for run in $(seq "$RUNS"); do
    name="w$workers-r$run"
    jobs/xlspark --master "$master" --conf "spark.eventLog.dir=file://$WORK/events" \
      --conf spark.driver.memory="$XLSPARK_DRIVER_MEMORY" --conf spark.executor.memory=1g \
      --conf spark.sql.files.maxPartitionBytes=16m \
      evaluate --input "$WORK/wide.csv" --csv-option multiLine=false --output "$WORK/out-$name" --overwrite \
      --mode pool --partitions $((4 * workers)) --timings "$WORK/$name.json" >"$WORK/$name.log" 2>&1 \
      || { tail -n 20 "$WORK/$name.log" >&2; exit 1; }
    app="$(grep -om1 'app-[0-9]*-[0-9]*' "$WORK/$name.log")"
    walls+=("$(jq -r .wallSeconds "$WORK/$name.json")")
    read -r wall cpu < <(stage_times "$WORK/events/$app")
    stages+=("$wall")
    cpus+=("$cpu")
    echo "cluster-bench: $workers worker(s), run $run: job ${walls[-1]} s, evaluate stage $wall s, CPU $cpu s" >&2
  done
  jobs/cluster-down.sh --dir "$CLUSTER_DIR" 2>/dev/null
  best_stage="$(printf '%s\n' "${stages[@]}" | sort -n | head -1)"
  BEST_STAGE[$workers]="$best_stage"
  REPORT+=("$(printf '%7s %12.1f %12.1f %14.1f %14.1f %12.1f %14.0f' "$workers" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$best_stage" "$(printf '%s\n' "${stages[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" \
    "$(echo "$ROWS / $best_stage" | bc -l)")")
done

first="$(echo "$SIZES" | awk '{print $1}')"
echo "xlspark on the loopback standalone cluster: $ROWS rows of 250-argument calls (W4), pool mode, 4 partitions"
echo "per worker, best and median of $RUNS runs; $(nproc) CPU cores on this machine," \
  "load average $(cut -d' ' -f1 /proc/loadavg)"
printf '%7s %12s %12s %14s %14s %12s %14s %9s\n' workers "job best s" "job median s" "stage best s" \
  "stage median s" "stage CPU s" "stage rows/s" speed-up
i=0
for workers in $SIZES; do
  printf '%s %9.2fx\n' "${REPORT[$i]}" "$(echo "${BEST_STAGE[$first]} / ${BEST_STAGE[$workers]}" | bc -l)"
  i=$((i + 1))
done
