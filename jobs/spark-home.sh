#!/usr/bin/env bash
# Builds a minimal SPARK_HOME from the project's Maven dependencies (no Spark distribution needed) and prints
# its path (BUILD/spark-home, BUILD the build directory of the platform XLSPARK_SPARK picks, see jobs/platform.sh):
#   target/spark-home/jars/   symlinks to the runtime classpath jars (Spark and its dependencies), without the
#                             jars only xlspark needs (JEXL, picocli, commons-csv, spark-excel, POI): on a cluster
#                             those must come with the job jar, as on a real Spark installation
#   target/spark-home/conf/   log4j2.properties and spark-defaults.conf for the daemons and spark-submit,
#                             spark-env.sh (SPARK_SCALA_VERSION of the platform)
#   target/spark-home/bin/    spark-class and spark-submit, which build their java command with Spark's own
#                             launcher (org.apache.spark.launcher.Main), as a distribution's scripts do
# Usage: SPARK_HOME="$(jobs/spark-home.sh)"; "$SPARK_HOME/bin/spark-submit" --class xlspark.cli.Main ...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=jobs/platform.sh
source "$ROOT/jobs/platform.sh"
HOME_DIR="${XLSPARK_SPARK_HOME_DIR:-$BUILD/spark-home}"

if [[ ! -f "$BUILD/classpath.txt" || ! -f "$BUILD/platform.properties" ]] \
    || ! ls "$BUILD"/xlspark-*-"$PLATFORM"-job.jar >/dev/null 2>&1; then
  platform_build
fi

mkdir -p "$HOME_DIR/jars" "$HOME_DIR/conf" "$HOME_DIR/bin"
find "$HOME_DIR/jars" -maxdepth 1 -type l -delete
tr ':' '\n' < "$BUILD/classpath.txt" | while IFS= read -r jar; do
  case "$(basename "$jar")" in
    commons-jexl3-*|picocli-*|commons-csv-*|spark-excel_*|poi-*|xmlbeans-*|SparseBitSet-*) ;;
    *.jar) ln -sf "$jar" "$HOME_DIR/jars/$(basename "$jar")" ;;
  esac
done
platform_prop spark.version > "$HOME_DIR/RELEASE"
# Read by bin/spark-class, as a distribution's bin/load-spark-env.sh reads it: without SPARK_SCALA_VERSION a Worker
# cannot build executor commands ("Cannot find any build directories").
echo "export SPARK_SCALA_VERSION=$(platform_prop scala.binary)" > "$HOME_DIR/conf/spark-env.sh"

cat > "$HOME_DIR/conf/log4j2.properties" <<'EOF'
# Daemons, executors and spark-submit drivers started from this SPARK_HOME log to the console (a daemon's .out
# file, an executor's stderr): WARN, with the standalone daemons' and executors' own messages at INFO.
rootLogger.level = warn
rootLogger.appenderRef.stdout.ref = console
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
logger.executor.name = org.apache.spark.executor
logger.executor.level = info
logger.xlspark.name = xlspark
logger.xlspark.level = info
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
logger.jetty.name = org.sparkproject.jetty
logger.jetty.level = warn
logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader
logger.nativecode.level = error
EOF

cat > "$HOME_DIR/conf/spark-defaults.conf" <<'EOF'
# Read by the Master and Workers started from this SPARK_HOME and by its bin/spark-submit (jobs/xlspark passes
# the project's conf/spark-defaults.conf instead).
spark.ui.showConsoleProgress        false
# Finished applications' work folders (executor logs, fetched jars) are removed after a day.
spark.worker.cleanup.enabled        true
spark.worker.cleanup.appDataTtl     86400
EOF

cat > "$HOME_DIR/bin/spark-class" <<'EOF'
#!/usr/bin/env bash
# Runs a Spark class with the java command that Spark's launcher builds (classpath, memory, and for
# spark-submit the Java 17 module flags), like bin/spark-class of a Spark distribution.
set -euo pipefail
export SPARK_HOME="${SPARK_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# shellcheck source=/dev/null
[[ -f "$SPARK_HOME/conf/spark-env.sh" ]] && source "$SPARK_HOME/conf/spark-env.sh"
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
RUNNER="${JAVA_HOME:+$JAVA_HOME/bin/}java"
build_command() {
  "$RUNNER" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"
  printf '%d\0' $?
}
# The launcher prints messages line by line, then a NUL line, then the command's arguments NUL-separated
# (the same reading loop as Spark's bin/spark-class).
CMD=()
DELIM=$'\n'
STARTED=false
while IFS= read -d "$DELIM" -r arg; do
  if [[ $STARTED == true ]]; then
    CMD+=("$arg")
  elif [[ -z "$arg" ]]; then   # the NUL line (bash drops the NUL byte)
    DELIM=''
    STARTED=true
  elif [[ -n "$arg" ]]; then
    echo "$arg"
  fi
done < <(build_command "$@")
LAST=$((${#CMD[@]} - 1))
[[ "${CMD[$LAST]}" == 0 ]] || exit "${CMD[$LAST]}"
exec "${CMD[@]:0:$LAST}"
EOF

cat > "$HOME_DIR/bin/spark-submit" <<'EOF'
#!/usr/bin/env bash
exec "$(dirname "${BASH_SOURCE[0]}")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"
EOF
chmod +x "$HOME_DIR/bin/spark-class" "$HOME_DIR/bin/spark-submit"
echo "$HOME_DIR"
