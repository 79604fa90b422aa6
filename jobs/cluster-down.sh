#!/usr/bin/env bash
# Stops the cluster that jobs/cluster-up.sh started: exactly the processes in its pid files (Workers first,
# then the Master) and any executor JVM a Worker left behind, found as that Worker's child processes.
#   jobs/cluster-down.sh [--dir DIR]    (default CLUSTER_DIR or target/cluster)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CLUSTER_DIR:-$ROOT/target/cluster}"
[[ "${1:-}" == --dir ]] && DIR="$2"

# A pid from a file is only ours while it still runs a Spark daemon (pids are reused).
is_spark() { tr '\0' ' ' 2>/dev/null < "/proc/$1/cmdline" | grep -q 'org\.apache\.spark\.'; }
stop_pids() {   # TERM, then KILL whatever still runs after 20 s
  local pids=("$@") left=()
  [[ ${#pids[@]} -gt 0 ]] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 40); do
    left=()
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
    [[ ${#left[@]} -eq 0 ]] && return 0
    sleep 0.5
  done
  kill -KILL "${left[@]}" 2>/dev/null || true
}

shopt -s nullglob
workers=()
children=()
for f in "$DIR"/worker-*.pid; do
  p="$(cat "$f")"
  if is_spark "$p"; then
    workers+=("$p")
    for c in $(pgrep -P "$p" || true); do children+=("$c"); done
  fi
done
stop_pids "${workers[@]}"
orphans=()
for c in "${children[@]}"; do is_spark "$c" && orphans+=("$c"); done
stop_pids "${orphans[@]}"
if [[ -f "$DIR/master.pid" ]] && is_spark "$(cat "$DIR/master.pid")"; then
  stop_pids "$(cat "$DIR/master.pid")"
fi
rm -f "$DIR"/*.pid "$DIR/cluster.env"
left=""
[[ ${#orphans[@]} -eq 0 ]] || left=", ${#orphans[@]} leftover executor(s)"
echo "cluster-down: stopped ${#workers[@]} worker(s)$left and the master" >&2
