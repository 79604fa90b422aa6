#!/usr/bin/env bash
# The notebook test (.ci/run): the kernel's unit tests, then notebooks/explore.ipynb executed headless with the
# xlspark kernel (jobs/notebook.sh --execute) and the executed copy checked: every code cell ran, no error output,
# the expected values in its tables and printed lines, at least one image (the timing chart); then a kernel driven
# over Jupyter's protocol (notebooks/check_kernel.py): values, a compile error, an interrupted Spark job, shutdown.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
start=$SECONDS
SPARK_VERSION="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml | head -n 1)"

echo "notebook-test: kernel unit tests (mvn -B -f notebooks/kernel/pom.xml verify)"
mvn -B -Dstyle.color=never -f notebooks/kernel/pom.xml -Dspark.version="$SPARK_VERSION" verify 2>&1 \
  | sed $'s/\033\\[[0-9;]*m//g' | grep -E 'Tests run:|BUILD|ERROR|FAIL' || true
[[ -f notebooks/kernel/target/xlspark-kernel.jar ]] || { echo "notebook-test: kernel build failed" >&2; exit 1; }

OUT="$ROOT/target/notebook-test/explore.ipynb"
rm -f "$OUT"
jobs/notebook.sh --execute notebooks/explore.ipynb "$OUT"

/usr/bin/python3 notebooks/check_executed.py "$OUT" --images 1 \
  'html:<td>=1+2</td><td>NUMBER</td><td>3</td>' \
  'html:<td>=ROUND(price*qty*1.19,2)</td><td>NUMBER</td><td>71.36</td>' \
  'html:<td>WIDGET x2</td>' \
  'html:<td>=1/0</td><td>ERROR</td><td>#DIV/0!</td>' \
  'html:<td>=ROUND(SUM(price,qty)/3,3)</td><td>NUMBER</td><td>1.167</td>' \
  'html:<td>=-2^2</td><td>NUMBER</td><td>4</td>' \
  'html:<td>=2^3^2</td><td>NUMBER</td><td>64</td>' \
  'html:<td>TEXT</td><td>2024-02-01</td>' \
  'html:<td>=IFERROR(1/0,&quot;div by zero&quot;)</td><td>TEXT</td><td>div by zero</td>' \
  'html:<td>5</td><td>=SUM(1,2,3,qty)</td><td>16</td>' \
  'html:<td>serial</td><td>serial</td><td>1</td><td>20000</td>' \
  'html:<th>workbook</th><th>formula cells</th><th>matched</th>' \
  'html:<td>=SQRT(-A3)</td><td>#NUM!</td><td>#VALUE!</td>' \
  'text:pool: 20000 rows, 0 differ from serial' \
  'text:tasks: 20000 rows, 0 differ from serial' \
  'text:auto: 20000 rows, 0 differ from serial' \
  'text:mismatched (match rate'

# the kernel spec jobs/notebook.sh installed (its project-local Jupyter folders)
JUPYTER_DATA_DIR="$ROOT/target/jupyter/data" JUPYTER_CONFIG_DIR="$ROOT/target/jupyter/config" \
  JUPYTER_RUNTIME_DIR="$ROOT/target/jupyter/runtime" /usr/bin/python3 notebooks/check_kernel.py
echo "notebook-test: passed in $((SECONDS - start)) s"
