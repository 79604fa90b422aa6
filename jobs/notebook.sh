#!/usr/bin/env bash
# Jupyter with xlspark's Java kernel: cells are Java (JShell) with the project, a local SparkSession `spark` and
# xl_eval registered (notebooks/startup.jsh). Kernel spec, config and runtime files stay in target/jupyter.
#   jobs/notebook.sh                                  Jupyter Notebook on notebooks/ (http://127.0.0.1:8888)
#   jobs/notebook.sh --execute NOTEBOOK OUT.ipynb     runs every cell headless, writes the executed notebook
#   jobs/notebook.sh --install                        only builds and installs the kernel spec
# Needs Debian's jupyter-notebook and jupyter-nbconvert. NOTEBOOK_PORT (8888), XLSPARK_MASTER (local[*]),
# XLSPARK_DRIVER_MEMORY (4g), NOTEBOOK_TIMEOUT (seconds per cell with --execute, 900).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JUP="$ROOT/target/jupyter"

if ! command -v jupyter >/dev/null 2>&1; then
  echo "notebook: jupyter not found; install Debian's packages: apt-get install jupyter-notebook jupyter-nbconvert" >&2
  exit 2
fi

build() { # quiet Maven; Debian's Maven 3.8 prints stray ANSI resets even with -B
  echo "notebook: building $1 (mvn -q -B ${*:2})" >&2
  (cd "$ROOT" && mvn -q -B -Dstyle.color=never "${@:2}" 2>&1) | sed $'s/\033\\[0m//g' >&2
}
stale() { [[ ! -f "$1" ]] || [[ -n "$(find "${@:2}" -newer "$1" -type f -print -quit 2>/dev/null)" ]]; }

# The project's jar and class path, as jobs/xlspark builds them.
THIN="$(ls "$ROOT"/target/xlspark-*.jar 2>/dev/null | grep -v -- '-job\.jar$' | head -n 1 || true)"
if [[ -z "$THIN" || ! -f "$ROOT/target/classpath.txt" ]] || stale "$THIN" "$ROOT/src/main" "$ROOT/pom.xml"; then
  build "the project's jars" -Dmaven.test.skip=true package
  THIN="$(ls "$ROOT"/target/xlspark-*.jar | grep -v -- '-job\.jar$' | head -n 1)"
fi
# The kernel (notebooks/kernel, its own build), against the project's Spark version.
KDIR="$ROOT/notebooks/kernel"
SPARK_VERSION="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
if stale "$KDIR/target/xlspark-kernel.jar" "$KDIR/src/main" "$KDIR/pom.xml" || [[ ! -f "$KDIR/target/classpath.txt" ]]; then
  build "the kernel" -f "$KDIR/pom.xml" -Dspark.version="$SPARK_VERSION" -DskipTests package
fi

# The kernel spec: a folder kernels/xlspark/ in the project-local Jupyter data folder (what `jupyter kernelspec
# install --user` would copy there; Debian ships that command in another package).
export JUPYTER_DATA_DIR="$JUP/data" JUPYTER_CONFIG_DIR="$JUP/config" JUPYTER_RUNTIME_DIR="$JUP/runtime"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
SPEC="$JUPYTER_DATA_DIR/kernels/xlspark"
mkdir -p "$SPEC" "$JUPYTER_CONFIG_DIR" "$JUPYTER_RUNTIME_DIR" /tmp/xlspark-events
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVA="$(command -v "$JAVA")"
CP="$KDIR/target/xlspark-kernel.jar:$(cat "$KDIR/target/classpath.txt"):$THIN:$(cat "$ROOT/target/classpath.txt")"
FLAGS="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"  # the default build's
# shellcheck disable=SC2086  # FLAGS is a list of JVM flags
/usr/bin/python3 - "$SPEC/kernel.json" "$JAVA" -Xmx"${XLSPARK_DRIVER_MEMORY:-4g}" $FLAGS \
  -Djava.awt.headless=true "-Dlog4j.configurationFile=file:$ROOT/conf/log4j2.properties" \
  "-Dxlspark.log.file=$JUP/kernel.log" "-Dxlspark.home=$ROOT" "-Dxlspark.master=${XLSPARK_MASTER:-local[*]}" \
  -cp "$CP" xlspark.notebook.KernelMain '{connection_file}' "$ROOT/notebooks/startup.jsh" <<'EOF'
import json, sys
spec = {"argv": sys.argv[2:], "display_name": "Java (xlspark)", "language": "java",
        "interrupt_mode": "message", "env": {"SPARK_LOCAL_IP": "127.0.0.1"}}
with open(sys.argv[1], "w") as f:
    json.dump(spec, f, indent=1)
EOF
echo "notebook: kernel 'xlspark' (Java $("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p'), Spark $SPARK_VERSION) in $SPEC; log $JUP/kernel.log" >&2

ROOT_FLAG=()
[[ "$(id -u)" -eq 0 ]] && ROOT_FLAG=(--allow-root)
case "${1:-}" in
  --install) ;;
  --execute)
    [[ $# -eq 3 ]] || { echo "usage: jobs/notebook.sh --execute NOTEBOOK.ipynb OUT.ipynb" >&2; exit 2; }
    [[ -f "$2" ]] || { echo "notebook: no such notebook: $2" >&2; exit 2; }
    OUT_DIR="$(mkdir -p "$(dirname "$3")" && cd "$(dirname "$3")" && pwd)"
    start=$SECONDS
    jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=xlspark \
      --ExecutePreprocessor.timeout="${NOTEBOOK_TIMEOUT:-900}" --ExecutePreprocessor.startup_timeout=300 \
      --output-dir "$OUT_DIR" --output "$(basename "$3" .ipynb)" "$2"
    echo "notebook: executed $2 -> $OUT_DIR/$(basename "$3") in $((SECONDS - start)) s" >&2
    ;;
  "")
    exec jupyter notebook --no-browser --ip 127.0.0.1 --port "${NOTEBOOK_PORT:-8888}" \
      --notebook-dir "$ROOT/notebooks" "${ROOT_FLAG[@]}"
    ;;
  *) echo "usage: jobs/notebook.sh [--install | --execute NOTEBOOK.ipynb OUT.ipynb]" >&2; exit 2 ;;
esac
