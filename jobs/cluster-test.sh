#!/usr/bin/env bash
# Cluster test: a real Spark standalone cluster on 127.0.0.1 (jobs/cluster-up.sh: a Master, two Workers with one
# core each) and the job on it, through jobs/xlspark and through the plain spark-submit of the built SPARK_HOME.
#  1. equality: a generated mixed input evaluated on local[*] and on the cluster in pool and tasks modes gives the
#     same rows (sorted by id, files compared)
#  2. executor loss: during the evaluate stage of a pool run over 250-argument rows, one executor JVM that has
#     active tasks (per the driver's REST API) is killed by pid with SIGKILL; the run must exit 0, its event log
#     must show the executor removed and retried tasks, and the output must hold each input id exactly once and
#     equal the local output
#  3. the same after killing the Worker process that hosts a busy executor (the cluster is healed afterwards)
#  4. a driver killed mid-run leaves the previous output intact and nothing complete-looking; a rerun, and a second
#     (scheduled) rerun of the same input, give the same output
# Every process it starts is stopped on exit. Settings: CLUSTER_TEST_ROWS (250-argument rows, default 40000),
# CLUSTER_TEST_DIR (default target/cluster-test), CLUSTER_TEST_TIMEOUT (seconds per run, default 900).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="${CLUSTER_TEST_DIR:-$ROOT/target/cluster-test}"
ROWS="${CLUSTER_TEST_ROWS:-40000}"
MIX_ROWS=3000
RUN_TIMEOUT="${CLUSTER_TEST_TIMEOUT:-900}"
export SPARK_LOCAL_IP=127.0.0.1 XLSPARK_DRIVER_MEMORY="${XLSPARK_DRIVER_MEMORY:-1g}"
export CLUSTER_DIR="$WORK/cluster"
START=$SECONDS

log() { printf '%s cluster-test: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
port_taken() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
free_port() {   # free_port FIRST [COUNT]: the first port >= FIRST with COUNT free consecutive ports
  local p="$1" n="${2:-1}" k
  while :; do
    for ((k = 0; k < n; k++)); do port_taken $((p + k)) && break; done
    ((k == n)) && { echo "$p"; return; }
    p=$((p + n))
  done
}

JOB_PID=""   # the driver running now (earlier ones were waited for, so their pids are no longer ours)
cleanup() {
  local rc=$?
  if [[ -n "$JOB_PID" ]] && tr '\0' ' ' 2>/dev/null < "/proc/$JOB_PID/cmdline" | grep -q "$WORK"; then
    kill -KILL "$JOB_PID" 2>/dev/null || true
  fi
  jobs/cluster-down.sh --dir "$CLUSTER_DIR" || true
  log "done in $((SECONDS - START)) s, exit $rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ -d "$CLUSTER_DIR" ]] && jobs/cluster-down.sh --dir "$CLUSTER_DIR" 2>/dev/null || true
rm -rf "$WORK"
mkdir -p "$WORK/events" "$WORK/out" "$WORK/rows"
SPARK_HOME_DIR="$(jobs/spark-home.sh)"   # of the platform XLSPARK_SPARK picks (jobs/platform.sh)

# --- inputs and local references ----------------------------------------------------------------------------
jobs/xlspark generate --workload W1g --rows "$MIX_ROWS" --output "$WORK/mix.csv" >&2
jobs/xlspark generate --workload W4 --rows "$ROWS" --output "$WORK/wide.csv" >&2
UI_PORT="$(free_port 4140)"
# Retries: a task lost with its executor counts as a failure, and each lost executor can fail a stage attempt.
SPARK_CONF=(--conf "spark.eventLog.dir=file://$WORK/events" --conf "spark.ui.port=$UI_PORT"
  --conf "spark.driver.memory=$XLSPARK_DRIVER_MEMORY" --conf spark.executor.memory=1g
  --conf spark.task.maxFailures=8 --conf spark.stage.maxConsecutiveAttempts=8)
EVAL=(--now 2024-01-01T00:00:00Z --seed 7 --overwrite)

start_job() {   # start_job NAME MASTER ARGS...: jobs/xlspark in the background; its pid in JOB_PID
  local name="$1" master="$2"
  shift 2
  XLSPARK_LOG_FILE="$WORK/$name.driver.log" setsid jobs/xlspark --master "$master" "${SPARK_CONF[@]}" \
    evaluate "${EVAL[@]}" "$@" >"$WORK/$name.log" 2>&1 < /dev/null &
  JOB_PID=$!
}
wait_job() {    # wait_job NAME: waits for JOB_PID (at most RUN_TIMEOUT) and returns its exit code
  local deadline=$((SECONDS + RUN_TIMEOUT)) rc=0
  while kill -0 "$JOB_PID" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      kill -KILL "$JOB_PID" 2>/dev/null || true
      fail "$1 ran longer than ${RUN_TIMEOUT}s (log $WORK/$1.log)"
    fi
    sleep 1
  done
  wait "$JOB_PID" || rc=$?
  JOB_PID=""
  return "$rc"
}
run_ok() {      # run_ok NAME MASTER ARGS...: runs a job, which must exit 0
  local rc=0 t=$SECONDS
  start_job "$@"
  wait_job "$1" || rc=$?
  ((rc == 0)) || { tail -n 20 "$WORK/$1.log" >&2; fail "$1 exited $rc (log $WORK/$1.log)"; }
  log "$1: ok in $((SECONDS - t)) s: $(grep -m1 '^xlspark: [0-9]* rows' "$WORK/$1.log" || true)"
}

# canon NAME ROWS: the rows of output NAME (headers dropped) sorted by id into rows/NAME, after checking that the
# run completed (_SUCCESS) and that ids 1..ROWS each occur exactly once.
canon() {
  local dir="$WORK/out/$1" n="$2" rows="$WORK/rows/$1"
  [[ -f "$dir/_SUCCESS" ]] || fail "$dir has no _SUCCESS"
  for f in "$dir"/part-*; do tail -n +2 "$f"; done | LC_ALL=C sort -t, -k1,1n -s > "$rows"
  if grep -vqE '^[0-9]+,' "$rows"; then fail "$dir: a row does not start with its id"; fi
  local dups
  dups="$(cut -d, -f1 "$rows" | uniq -d | head -5 | tr '\n' ' ')"
  [[ -z "$dups" ]] || fail "$dir: ids written twice: $dups..."
  cmp -s <(cut -d, -f1 "$rows") <(seq 1 "$n") \
    || fail "$dir: ids are not exactly 1..$n ($(wc -l < "$rows") rows)"
}
same_rows() {   # same_rows A B: the canonical rows of outputs A and B are identical
  local a="$WORK/rows/$1" b="$WORK/rows/$2"
  cmp -s "$a" "$b" || fail "$2 differs from $1: $(cmp "$a" "$b" 2>&1 | head -1)"
}

log "local references ($MIX_ROWS mixed rows, $ROWS rows of 250-argument calls)"
run_ok local-mix 'local[*]' --input "$WORK/mix.csv" --output "$WORK/out/local-mix" --mode pool
canon local-mix "$MIX_ROWS"
run_ok local-wide 'local[*]' --input "$WORK/wide.csv" --output "$WORK/out/local-wide" --mode pool
canon local-wide "$ROWS"

# --- the cluster ------------------------------------------------------------------------------------------
MASTER_PORT="$(free_port 7077)"
MASTER_UI_PORT="$(free_port 8080)"
WORKER_UI_PORT="$(free_port $((MASTER_UI_PORT + 1)) 2)"
MASTER="$(jobs/cluster-up.sh --dir "$CLUSTER_DIR" --workers 2 --cores 1 --port "$MASTER_PORT" \
  --ui-port "$MASTER_UI_PORT" --worker-ui-port "$WORKER_UI_PORT")"
MASTER_JSON="http://127.0.0.1:$MASTER_UI_PORT/json/"

# 1. equality: pool and tasks modes on the cluster against local[*]
run_ok cluster-pool "$MASTER" --input "$WORK/mix.csv" --output "$WORK/out/cluster-pool" --mode pool
canon cluster-pool "$MIX_ROWS"
same_rows local-mix cluster-pool
run_ok cluster-tasks "$MASTER" --input "$WORK/mix.csv" --output "$WORK/out/cluster-tasks" --mode tasks
canon cluster-tasks "$MIX_ROWS"
same_rows local-mix cluster-tasks
log "cluster-tasks:$(grep -m1 '^ *mode tasks' "$WORK/cluster-tasks.log" || true)"
log "1. equality: local[*], cluster pool and cluster tasks give the same $MIX_ROWS rows"


# --- probes: the driver's REST API, the Workers' executor processes, the event log ---------------------------
api_of() {      # api_of NAME: the REST API of the driver of run NAME (its UI address from the first log line)
  local port
  port="$(grep -om1 'Spark UI http://[^ ,]*' "$WORK/$1.log" 2>/dev/null | sed 's/.*://' || true)"
  if [[ -n "$port" ]]; then echo "http://127.0.0.1:$port/api/v1"; fi
}
jget() {   # jget URL JQ-ARGS...: jq over the JSON at URL; empty when it does not answer (never fails)
  local url="$1"
  shift
  { curl -sf --max-time 20 "$url" 2>/dev/null || true; } | jq "$@" 2>/dev/null || true
}
APP_ID="" BUSY_EXEC="" EVAL_STAGE=""
wait_busy_executor() {   # wait_busy_executor NAME: until the evaluate stage of JOB_PID runs tasks on an executor
  local name="$1" deadline=$((SECONDS + RUN_TIMEOUT)) api="" app stage active
  while :; do
    kill -0 "$JOB_PID" 2>/dev/null || fail "$name ended before its evaluate stage was seen running"
    ((SECONDS < deadline)) || fail "$name: no running evaluate stage within ${RUN_TIMEOUT}s"
    [[ -n "$api" ]] || api="$(api_of "$name")"
    if [[ -n "$api" ]]; then
      app="$(jget "$api/applications" -r '.[0].id // empty')"
      # The write job's last stage evaluates and writes (a CSV read line by line needs no map stage before it).
      [[ -n "$app" ]] && stage="$(jget "$api/applications/$app/jobs?status=running" -r '[.[]
          | select((.description // "") | contains("evaluate and write"))
          | (.stageIds | max)] | max // empty')" || stage=""
      if [[ -n "$stage" ]]; then
        active="$(jget "$api/applications/$app/stages/$stage" -r 'map(select(.status == "ACTIVE")
            | .numActiveTasks) | add // 0')"
        if [[ "${active:-0}" -gt 0 ]]; then
          BUSY_EXEC="$(jget "$api/applications/$app/executors" -r '[.[] | select(.id != "driver"
              and .activeTasks > 0)] | sort_by(-.activeTasks) | .[0].id // empty')"
          if [[ -n "$BUSY_EXEC" ]]; then
            APP_ID="$app" EVAL_STAGE="$stage"
            return
          fi
        fi
      fi
    fi
    sleep 0.25
  done
}
executor_pid() {   # executor_pid APP EXEC_ID: "PID WORKER" of that executor JVM, a child of one of our Workers
  local i wp c cmd
  for i in 1 2; do
    wp="$(cat "$CLUSTER_DIR/worker-$i.pid")"
    for c in $(pgrep -P "$wp" || true); do
      cmd="$(tr '\0' ' ' 2>/dev/null < "/proc/$c/cmdline" || true)"
      if [[ "$cmd" == *"--executor-id $2 "* && "$cmd" == *"--app-id $1 "* ]]; then
        echo "$c $i"
        return
      fi
    done
  done
}
app_executor_pids() {   # pids of executor JVMs of APP still running under our Workers
  local f c
  for f in "$CLUSTER_DIR"/worker-*.pid; do
    for c in $(pgrep -P "$(cat "$f")" || true); do
      tr '\0' ' ' 2>/dev/null < "/proc/$c/cmdline" | grep -q -- "--app-id $1 " && echo "$c"
    done
  done
  true
}
check_event_log() {   # check_event_log APP EXEC_ID: the executor was removed and tasks were retried
  local f="$WORK/events/$1" removed retried lost
  [[ -f "$f" ]] || fail "no event log $f"
  removed="$(jq -r --arg e "$2" 'select(.Event == "SparkListenerExecutorRemoved" and .["Executor ID"] == $e)
      | .["Removed Reason"]' "$f")"
  [[ -n "$removed" ]] || fail "$f: no SparkListenerExecutorRemoved for executor $2"
  retried="$(jq -c 'select(.Event == "SparkListenerTaskStart" and (.["Task Info"].Attempt > 0
      or .["Stage Attempt ID"] > 0))' "$f" | wc -l)"
  ((retried > 0)) || fail "$f: no task attempt > 0 and no stage attempt > 0"
  lost="$(jq -r 'select(.Event == "SparkListenerTaskEnd" and .["Task End Reason"].Reason != "Success")
      | .["Task End Reason"].Reason' "$f" | sort | uniq -c | tr -s ' \n' ' ')"
  log "event log: executor $2 removed (${removed%%$'\n'*}); $retried retried task attempts; failed tasks:$lost"
}

# 2. executor loss during the evaluate stage. Two partitions: one task per executor for the whole stage, so the
# executor seen busy at the stage's start is still running its task when it is killed.
start_job exec-kill "$MASTER" --input "$WORK/wide.csv" --output "$WORK/out/exec-kill" --mode pool --partitions 2
wait_busy_executor exec-kill
read -r pid worker < <(executor_pid "$APP_ID" "$BUSY_EXEC") || true
[[ -n "${pid:-}" ]] || fail "no process found for executor $BUSY_EXEC of $APP_ID"
kill -KILL "$pid"
log "2. killed executor $BUSY_EXEC (pid $pid, worker $worker) of $APP_ID while stage $EVAL_STAGE ran its tasks"
rc=0; wait_job exec-kill || rc=$?
((rc == 0)) || fail "exec-kill exited $rc (log $WORK/exec-kill.log)"
check_event_log "$APP_ID" "$BUSY_EXEC"
canon exec-kill "$ROWS"
same_rows local-wide exec-kill
log "2. executor loss: exit 0, $ROWS ids exactly once, equal to local[*]"

# 3. Worker loss: the Master drops the Worker, the Worker's executor follows it (else it is killed here)
start_job worker-kill "$MASTER" --input "$WORK/wide.csv" --output "$WORK/out/worker-kill" --mode pool --partitions 2
wait_busy_executor worker-kill
read -r pid worker < <(executor_pid "$APP_ID" "$BUSY_EXEC") || true
[[ -n "${pid:-}" ]] || fail "no process found for executor $BUSY_EXEC of $APP_ID"
wpid="$(cat "$CLUSTER_DIR/worker-$worker.pid")"
kill -KILL "$wpid"
log "3. killed worker $worker (pid $wpid), host of busy executor $BUSY_EXEC, while stage $EVAL_STAGE ran"
for _ in $(seq 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then
  log "note: executor pid $pid outlived its worker by 60 s; killing it"
  kill -KILL "$pid"
fi
rc=0; wait_job worker-kill || rc=$?
((rc == 0)) || fail "worker-kill exited $rc (log $WORK/worker-kill.log)"
check_event_log "$APP_ID" "$BUSY_EXEC"
canon worker-kill "$ROWS"
same_rows local-wide worker-kill
log "3. worker loss: exit 0, $ROWS ids exactly once, equal to local[*]"
jobs/cluster-up.sh --heal --dir "$CLUSTER_DIR" >/dev/null

# 4. a killed driver leaves the previous output as it was; reruns give the same output
OUT="$WORK/out/exec-kill"
before="$(cd "$OUT" && md5sum _SUCCESS part-* | md5sum)"
visible="$(ls "$WORK/out")"
start_job driver-kill "$MASTER" --input "$WORK/wide.csv" --output "$OUT" --mode pool --partitions 4
wait_busy_executor driver-kill
kill -KILL "$JOB_PID"
wait "$JOB_PID" 2>/dev/null || true
log "4. killed the driver (pid $JOB_PID) of $APP_ID while stage $EVAL_STAGE ran"
JOB_PID=""
deadline=$((SECONDS + 180))
while [[ "$(jget "$MASTER_JSON" --arg a "$APP_ID" '.activeapps | any(.id == $a)')" != false ]] \
    || [[ -n "$(app_executor_pids "$APP_ID")" ]]; do
  ((SECONDS < deadline)) || fail "the master kept $APP_ID or its executors 180 s after its driver died"
  sleep 1
done
[[ "$(cd "$OUT" && md5sum _SUCCESS part-* | md5sum)" == "$before" ]] || fail "the old output changed"
[[ "$(ls "$WORK/out")" == "$visible" ]] || fail "the killed run left a visible entry: $(ls "$WORK/out")"
for t in "$WORK"/out/.exec-kill.xlspark-*; do
  [[ -e "$t" ]] || continue
  [[ ! -e "$t/_SUCCESS" ]] || fail "the killed run left a complete-looking $t"
  log "4. the killed run left the hidden, incomplete $(basename "$t") (no _SUCCESS)"
done
run_ok rerun "$MASTER" --input "$WORK/wide.csv" --output "$OUT" --mode pool --partitions 4
canon exec-kill "$ROWS"
same_rows local-wide exec-kill
first="$(cat "$OUT"/part-* | md5sum)"
# The scheduled rerun goes through $SPARK_HOME/bin/spark-submit with the job jar, as on an installed Spark.
SPARK_HOME="$SPARK_HOME_DIR" run_ok scheduled-rerun "$MASTER" --input "$WORK/wide.csv" --output "$OUT" \
  --mode pool --partitions 4
canon exec-kill "$ROWS"
same_rows local-wide exec-kill
[[ "$(cat "$OUT"/part-* | md5sum)" == "$first" ]] && same="byte for byte" || same="row for row"
log "4. driver killed: old output intact; rerun and scheduled rerun (plain spark-submit) equal local[*] ($same)"
log "all checks passed in $((SECONDS - START)) s"
echo "cluster-test: 4 passed, 0 failed"
