#!/usr/bin/env bash
# Starts a Spark standalone cluster on 127.0.0.1 from the project's own jars (SPARK_HOME built by
# jobs/spark-home.sh): one Master and N Workers, each Worker with its own web UI and work folder under the
# cluster folder. Waits until the Master's JSON lists every Worker ALIVE; jobs/cluster-down.sh stops them.
#   jobs/cluster-up.sh [--workers N] [--cores C] [--memory M] [--port P] [--ui-port P] [--worker-ui-port P]
#                      [--dir DIR]
#   jobs/cluster-up.sh --heal [--dir DIR]   restarts the Workers of a running cluster that died
# Defaults (also from the environment): CLUSTER_WORKERS=2, CLUSTER_WORKER_CORES=1,
# CLUSTER_WORKER_MEMORY=1536m, CLUSTER_PORT=7077, CLUSTER_UI_PORT=8080, CLUSTER_WORKER_UI_PORT=8081 (the
# Workers take consecutive ports), CLUSTER_DIR=target/cluster, CLUSTER_START_TIMEOUT=240 (seconds).
# Prints the master URL; DIR/cluster.env holds the settings for scripts (CLUSTER_MASTER, CLUSTER_UI, ...).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORKERS="${CLUSTER_WORKERS:-2}"
CORES="${CLUSTER_WORKER_CORES:-1}"
MEMORY="${CLUSTER_WORKER_MEMORY:-1536m}"
PORT="${CLUSTER_PORT:-7077}"
UI_PORT="${CLUSTER_UI_PORT:-8080}"
WORKER_UI_PORT="${CLUSTER_WORKER_UI_PORT:-8081}"
DIR="${CLUSTER_DIR:-$ROOT/target/cluster}"
TIMEOUT="${CLUSTER_START_TIMEOUT:-240}"
HEAL=no
while [[ $# -gt 0 ]]; do
  case "$1" in
    --heal) HEAL=yes; shift; continue ;;
    --workers) WORKERS="$2" ;;
    --cores) CORES="$2" ;;
    --memory) MEMORY="$2" ;;
    --port) PORT="$2" ;;
    --ui-port) UI_PORT="$2" ;;
    --worker-ui-port) WORKER_UI_PORT="$2" ;;
    --dir) DIR="$2" ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "cluster-up: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
mkdir -p "$DIR/logs"
DIR="$(cd "$DIR" && pwd)"

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_taken() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }

if [[ $HEAL == yes ]]; then
  if [[ ! -f "$DIR/cluster.env" ]] || ! alive "$DIR/master.pid"; then
    echo "cluster-up: no running cluster in $DIR" >&2
    exit 2
  fi
  # shellcheck source=/dev/null
  source "$DIR/cluster.env"
  WORKERS="$CLUSTER_WORKERS" CORES="$CLUSTER_WORKER_CORES" MEMORY="$CLUSTER_WORKER_MEMORY"
  PORT="$CLUSTER_PORT" UI_PORT="$CLUSTER_UI_PORT" WORKER_UI_PORT="$CLUSTER_WORKER_UI_PORT"
else
  if compgen -G "$DIR/*.pid" >/dev/null; then
    for f in "$DIR"/*.pid; do
      if alive "$f"; then
        echo "cluster-up: already running ($f); stop it with jobs/cluster-down.sh" >&2
        exit 2
      fi
    done
    rm -f "$DIR"/*.pid   # stale pid files of a cluster that is gone
  fi
  for p in "$PORT" "$UI_PORT" $(seq "$WORKER_UI_PORT" $((WORKER_UI_PORT + WORKERS - 1))); do
    if port_taken "$p"; then
      echo "cluster-up: port $p is in use; pick others (--port, --ui-port, --worker-ui-port)" >&2
      exit 2
    fi
  done
fi

SPARK_HOME="$("$ROOT/jobs/spark-home.sh")"
export SPARK_HOME SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export SPARK_DAEMON_MEMORY="${SPARK_DAEMON_MEMORY:-512m}"
MASTER="spark://127.0.0.1:$PORT"
JSON="http://127.0.0.1:$UI_PORT/json/"

start() {   # start NAME CLASS ARGS...: a daemon in the background, its pid in NAME.pid
  local name="$1"
  shift
  # setsid: its own session, so a Ctrl-C in the caller's terminal does not reach the daemons.
  setsid "$SPARK_HOME/bin/spark-class" "$@" >>"$DIR/logs/$name.out" 2>&1 < /dev/null &
  echo $! > "$DIR/$name.pid"
}
start_worker() {
  mkdir -p "$DIR/work-$1"
  start "worker-$1" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$CORES" --memory "$MEMORY" \
    --webui-port $((WORKER_UI_PORT + $1 - 1)) --work-dir "$DIR/work-$1" "$MASTER"
}
fail() {
  echo "cluster-up: $1 (logs in $DIR/logs)" >&2
  if [[ $HEAL == no ]]; then
    echo "cluster-up: stopping what was started" >&2
    "$ROOT/jobs/cluster-down.sh" --dir "$DIR" >&2 || true
  fi
  exit 1
}
alive_workers() { curl -sf "$JSON" | jq '[.workers[] | select(.state == "ALIVE")] | length'; }

deadline=$((SECONDS + TIMEOUT))
if [[ $HEAL == no ]]; then
  start master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port "$UI_PORT"
  until curl -sf "$JSON" >/dev/null; do
    alive "$DIR/master.pid" || fail "the master exited"
    ((SECONDS < deadline)) || fail "the master did not answer on port $UI_PORT within ${TIMEOUT}s"
    sleep 1
  done
fi
started=0
for i in $(seq "$WORKERS"); do
  if ! alive "$DIR/worker-$i.pid"; then
    start_worker "$i"
    started=$((started + 1))
  fi
done
until [[ "$(alive_workers || true)" == "$WORKERS" ]]; do
  for i in $(seq "$WORKERS"); do alive "$DIR/worker-$i.pid" || fail "worker $i exited"; done
  ((SECONDS < deadline)) || fail "not all $WORKERS workers registered within ${TIMEOUT}s"
  sleep 1
done
cat > "$DIR/cluster.env" <<EOF
CLUSTER_MASTER=$MASTER
CLUSTER_UI=http://127.0.0.1:$UI_PORT
CLUSTER_PORT=$PORT
CLUSTER_UI_PORT=$UI_PORT
CLUSTER_WORKERS=$WORKERS
CLUSTER_WORKER_CORES=$CORES
CLUSTER_WORKER_MEMORY=$MEMORY
CLUSTER_WORKER_UI_PORT=$WORKER_UI_PORT
SPARK_HOME=$SPARK_HOME
EOF
if [[ $HEAL == yes ]]; then
  echo "cluster-up: restarted $started worker(s); $WORKERS alive" >&2
else
  echo "cluster-up: $MASTER with $WORKERS workers x $CORES core(s), $MEMORY (UI http://127.0.0.1:$UI_PORT)" >&2
fi
echo "$MASTER"
