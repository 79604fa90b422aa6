#!/usr/bin/env bash
# Engine-only benchmark (no Spark), single thread: expressions/second for a 1M realistic mix with a cold and a
# warm template cache, 250-argument calls, (d) 1M rows of W1d (random nesting and signs, most rows a shape of
# their own) and (e) the 250-argument calls of W4d (numbers randomly negative), both from an empty cache.
# Usage: jobs/engine-bench.sh [count] [seed]     (count 2000 for a smoke run)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=jobs/bench-classes.sh
source "$ROOT/jobs/bench-classes.sh"   # BENCH_CP: EngineBench (src/bench/java)
exec java -Xmx3g -cp "$BENCH_CP" xlspark.bench.EngineBench "$@"
