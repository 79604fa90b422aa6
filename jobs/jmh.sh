#!/usr/bin/env bash
# JMH: the formula engine alone (no Spark) on the benchmark's shapes (xlspark.bench.jmh.EngineShapesBenchmark).
# Builds with the jmh profile into target/jmh, then runs JMH with any arguments given, e.g.
#   jobs/jmh.sh                      # all benchmarks, 1 thread
#   jobs/jmh.sh -t 2 w1MixWarm       # two threads sharing one template cache, like pool mode on 2 cores
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$ROOT" && mvn -q -B -Pjmh -Dmaven.test.skip=true package >&2)
exec java -Xmx2g -cp "$ROOT/target/jmh/classes:$(cat "$ROOT/target/jmh/classpath.txt")" org.openjdk.jmh.Main "$@"
