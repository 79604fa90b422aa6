#!/usr/bin/env bash
# Spark's History Server from the project's own classpath (no Spark installation), serving the finished runs
# whose event logs jobs/xlspark wrote to the folder of conf/spark-defaults.conf (spark.eventLog.dir).
#   jobs/history-server.sh              # http://127.0.0.1:18080, in the foreground; Ctrl-C stops it
#   HISTORY_PORT=18081 jobs/history-server.sh
#   curl -s http://127.0.0.1:18080/api/v1/applications
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROPS="${XLSPARK_PROPERTIES:-$ROOT/conf/spark-defaults.conf}"
PORT="${HISTORY_PORT:-18080}"

if [[ ! -f "$ROOT/target/classpath.txt" ]]; then
  echo "history-server: building the classpath (mvn -q -B -Dmaven.test.skip=true package)" >&2
  (cd "$ROOT" && mvn -q -B -Dmaven.test.skip=true package >&2)
fi

# The folder the History Server reads: spark.history.fs.logDirectory, else spark.eventLog.dir of the file.
prop() { sed -n "s:^[[:space:]]*$1[[:space:]]\{1,\}\([^[:space:]]*\).*:\1:p" "$PROPS" | tail -n 1; }
LOG_DIR="$(prop spark.history.fs.logDirectory)"
LOG_DIR="${LOG_DIR:-$(prop spark.eventLog.dir)}"
LOG_DIR="${LOG_DIR:-file:///tmp/spark-events}"
mkdir -p "${LOG_DIR#file://}"

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
FLAGS="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$ROOT/pom.xml")"
echo "history-server: http://127.0.0.1:$PORT reading $LOG_DIR" >&2
# shellcheck disable=SC2086  # FLAGS is a list of JVM flags
exec java -Xmx1g $FLAGS -Dlog4j.configurationFile="file:$ROOT/conf/log4j2.properties" \
  -Dxlspark.log.file="${XLSPARK_LOG_FILE:-/tmp/xlspark/history-server.log}" \
  -Dspark.history.fs.logDirectory="$LOG_DIR" -Dspark.history.ui.port="$PORT" \
  -cp "$(cat "$ROOT/target/classpath.txt")" \
  org.apache.spark.deploy.history.HistoryServer --properties-file "$PROPS"
