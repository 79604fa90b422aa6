#!/usr/bin/env bash
# Engine-only benchmark (no Spark), single thread: expressions/second for a 1M realistic mix with a cold and a
# warm template cache, and 250-argument calls. Usage: jobs/engine-bench.sh [count] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classpath.txt ] || [ ! -d target/classes/xlspark ]; then
  mvn -q -B -DskipTests package
fi
exec java -Xmx3g -cp "target/classes:$(cat target/classpath.txt)" xlspark.bench.EngineBench "$@"
