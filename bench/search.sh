#!/usr/bin/env bash
# Person search benchmark: compiles the test sources and runs org.marugoto.bench.SearchBenchmark, which starts
# Marugoto in-process on an embedded PostgreSQL under bench/target/, loads the persons with COPY (once; later runs
# reuse them) and prints latency figures per query category. See bench/README.md.
#
# Usage: bench/search.sh [persons]          persons: default 1000000
# Environment: BENCH_JAVA_OPTS   extra JVM options, e.g. "-Dbench.queries=400 -Dbench.only=phone,year-only"
#              BENCH_MAVEN_OPTS  Maven flags (default -o: offline, dependencies are cached)
set -euo pipefail
cd "$(dirname "$0")/.."

persons="${1:-1000000}"

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

# A JDK 21 or newer: JAVA_HOME if it is one, else the newest under /usr/lib/jvm, ~/.sdkman or ~/.jdks.
find_jdk() {
  local best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(java_major "$JAVA_HOME")"
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  fi
  for candidate in /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate")"
    if [ "${major:-0}" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ "$best_major" -ge 21 ]; then echo "$best"; return; fi
  echo "No JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, ~/.sdkman, ~/.jdks)" >&2
  exit 1
}

JDK="$(find_jdk)"
mkdir -p bench/target
echo "Compiling (Maven, test classpath) ..." >&2
# shellcheck disable=SC2086
./mvnw -B -q ${BENCH_MAVEN_OPTS:--o} test-compile dependency:build-classpath \
  -Dmdep.outputFile=bench/target/classpath.txt -Dmdep.includeScope=test >&2

echo "Running with $JDK ($(java_major "$JDK")) ..." >&2
# shellcheck disable=SC2086
exec "$JDK/bin/java" -Xms1g -Xmx2g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat bench/target/classpath.txt)" \
  org.marugoto.bench.SearchBenchmark "$persons"
