#!/usr/bin/env bash
# Person search benchmark: compiles the test sources and runs org.marugoto.bench.SearchBenchmark, which starts
# Marugoto in-process on an embedded PostgreSQL under bench/target/, loads the persons with COPY (once; later runs
# reuse them) and prints latency figures per query category. See bench/README.md.
#
# Usage: bench/search.sh [persons]          persons: default 1000000
# Environment: BENCH_JAVA_OPTS   extra JVM options, e.g. "-Dbench.queries=400 -Dbench.only=phone,year-only"
#              BENCH_MAVEN_OPTS  Maven flags (default: offline, and online if that fails)
set -euo pipefail
cd "$(dirname "$0")/.."

persons="${1:-1000000}"

# shellcheck source=bench/common.sh
. bench/common.sh

JDK="$(find_jdk)"
compile_test_classpath

echo "Running with $JDK ($(java_major "$JDK")) ..." >&2
# shellcheck disable=SC2086
exec "$JDK/bin/java" -Xms1g -Xmx2g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat bench/target/classpath.txt)" \
  org.marugoto.bench.SearchBenchmark "$persons"
