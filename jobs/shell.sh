#!/usr/bin/env bash
# jshell with xlspark and Spark on the class path, a local SparkSession as `spark` and xl_eval registered.
#   jobs/shell.sh          then e.g.  spark.sql("SELECT r.* FROM (SELECT xl_eval('=ROUND(2.5,0)') AS r)").show()
# XLSPARK_MASTER picks the master (default local[*]).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
THIN="$(ls "$ROOT"/target/xlspark-*.jar 2>/dev/null | grep -v -- '-job\.jar$' | head -n 1 || true)"
if [[ -z "$THIN" || ! -f "$ROOT/target/classpath.txt" ]]; then
  echo "xlspark: building the jars (mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package)" >&2
  # Debian's Maven 3.8 prints stray ANSI resets even with -B; keep stderr readable
  (cd "$ROOT" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true package 2>&1) | sed $'s/\033\\[0m//g' >&2
  THIN="$(ls "$ROOT"/target/xlspark-*.jar | grep -v -- '-job\.jar$' | head -n 1)"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
REMOTE=()
for f in $(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$ROOT/pom.xml") \
         "-Dlog4j.configurationFile=file:$ROOT/conf/log4j2.properties" "-Dxlspark.master=${XLSPARK_MASTER:-local[*]}"; do
  REMOTE+=("-R$f")
done
exec jshell --class-path "$THIN:$(cat "$ROOT/target/classpath.txt")" "${REMOTE[@]}" \
  --startup DEFAULT --startup "$ROOT/jobs/shell-startup.jsh" "$@"
