#!/usr/bin/env bash
# jshell with xlspark and Spark on the class path, a local SparkSession as `spark` and xl_eval registered.
#   jobs/shell.sh          then e.g.  spark.sql("SELECT r.* FROM (SELECT xl_eval('=ROUND(2.5,0)') AS r)").show()
# XLSPARK_MASTER picks the master (default local[*]).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=jobs/platform.sh
source "$ROOT/jobs/platform.sh"   # XLSPARK_SPARK picks the platform build
THIN="$(ls "$BUILD"/xlspark-*.jar 2>/dev/null | grep -v -- '-job\.jar$' | head -n 1 || true)"
if [[ -z "$THIN" || ! -f "$BUILD/classpath.txt" || ! -f "$BUILD/platform.properties" ]]; then
  platform_build
  THIN="$(ls "$BUILD"/xlspark-*.jar | grep -v -- '-job\.jar$' | head -n 1)"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
REMOTE=()
for f in $(platform_prop spark.jvm.flags) \
         "-Dlog4j.configurationFile=file:$ROOT/conf/log4j2.properties" "-Dxlspark.master=${XLSPARK_MASTER:-local[*]}"; do
  REMOTE+=("-R$f")
done
exec "${JAVA_HOME:+$JAVA_HOME/bin/}jshell" --class-path "$THIN:$(cat "$BUILD/classpath.txt")" "${REMOTE[@]}" \
  --startup DEFAULT --startup "$ROOT/jobs/shell-startup.jsh" "$@"
