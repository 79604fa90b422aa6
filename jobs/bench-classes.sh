# Sourced by the benchmark scripts (ROOT set). The benchmark classes (src/bench/java: drivers, the POI baseline,
# the slow HTTP server, the workbook corpus generator) are compiled with the tests into target/test-classes, never
# into the job jar. Builds them when missing or older than the sources, and sets BENCH_CP: the main classes, the
# benchmark classes and the runtime classpath (Spark included).
BENCH_STAMP="$ROOT/target/bench-classes.stamp"
if [[ ! -f "$BENCH_STAMP" || ! -f "$ROOT/target/classpath.txt" || ! -d "$ROOT/target/test-classes/xlspark/bench" \
      || -n "$(find "$ROOT/src/bench" "$ROOT/src/main" "$ROOT/src/platform" "$ROOT/pom.xml" -newer "$BENCH_STAMP" \
               -type f -print -quit 2>/dev/null)" ]]; then
  echo "bench: compiling the benchmark classes (mvn -q -B -DskipTests test-compile)" >&2
  if ! (cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests test-compile >&2); then
    echo "bench: compiling the benchmark classes failed" >&2
    exit 1
  fi
  touch "$BENCH_STAMP"
fi
BENCH_CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$ROOT/target/classpath.txt")"
