# Sourced by jobs/xlspark, jobs/spark-home.sh and jobs/shell.sh (ROOT set): the build that XLSPARK_SPARK picks.
#   XLSPARK_SPARK unset or 3.5   Spark 3.5, Scala 2.13 (the default build)      target/
#   XLSPARK_SPARK=4              Spark 4.2, Scala 2.13 (mvn -Pspark-4)          target/spark4.2_2.13/
#   XLSPARK_SPARK=3.5_2.12       Spark 3.5, Scala 2.12 (mvn -Pscala-2.12)       target/spark3.5_2.12/
# Sets PLATFORM, PROFILES (Maven options), BUILD (its build directory), JAVA (JAVA_HOME's java, else java), and
# platform_build [MVN OPTIONS] (package without tests) and platform_prop KEY (from BUILD/platform.properties).
case "${XLSPARK_SPARK:-3.5}" in
  3.5|3.5_2.13) PLATFORM=spark3.5_2.13; PROFILES=(); BUILD="$ROOT/target" ;;
  4|4.2|4.2_2.13) PLATFORM=spark4.2_2.13; PROFILES=(-Pspark-4); BUILD="$ROOT/target/$PLATFORM" ;;
  3.5_2.12|2.12) PLATFORM=spark3.5_2.12; PROFILES=(-Pscala-2.12); BUILD="$ROOT/target/$PLATFORM" ;;
  *) echo "xlspark: XLSPARK_SPARK=$XLSPARK_SPARK is none of 3.5, 4, 3.5_2.12" >&2; exit 2 ;;
esac
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

platform_build() {
  echo "xlspark: building the $PLATFORM jars (mvn -q -B ${PROFILES[*]} -Dmaven.test.skip=true package)" >&2
  # Debian's Maven 3.8 prints stray ANSI resets even with -B; keep stderr readable
  (cd "$ROOT" && mvn -q -B -Dstyle.color=never "${PROFILES[@]}" -Dmaven.test.skip=true "$@" package 2>&1) \
    | sed $'s/\033\\[0m//g' >&2
  return "${PIPESTATUS[0]}"
}
platform_prop() { sed -n "s/^$1=//p" "$BUILD/platform.properties" 2>/dev/null; }
