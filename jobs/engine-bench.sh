#!/usr/bin/env bash
# Engine-only benchmark (no Spark), single thread: expressions/second for a 1M realistic mix with a cold and a
# warm template cache, 250-argument calls, (d) 1M rows of W1d (random nesting and signs, most rows a shape of
# their own) and (e) the 250-argument calls of W4d (numbers randomly negative), both from an empty cache.
# Usage: jobs/engine-bench.sh [count] [seed]     (count 2000 for a smoke run)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classpath.txt ] || [ ! -d target/classes/xlspark ]; then
  mvn -q -B -DskipTests package
fi
exec java -Xmx3g -cp "target/classes:$(cat target/classpath.txt)" xlspark.bench.EngineBench "$@"
