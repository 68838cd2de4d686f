#!/usr/bin/env bash
# Mixed-load benchmark: compiles the test sources and runs org.marugoto.bench.LoadBenchmark, which starts Marugoto
# in a JVM of its own on a data folder under bench/target/load/ with the demo city, and simulates staff working over
# HTTP on localhost (search, household page, referral inbox, case list and case, now and then a consultation or a
# referral). Prints latency per kind of request and the memory of the application and its PostgreSQL. See
# bench/README.md.
#
# Usage: bench/load.sh [levels]            levels: simulated staff per run, default "50,200"
# Environment: BENCH_JAVA_OPTS   extra JVM options of the load generator, e.g. "-Dbench.duration=30 -Dbench.warmup=10"
#              BENCH_MAVEN_OPTS  Maven flags (default: offline, and online if that fails)
set -euo pipefail
cd "$(dirname "$0")/.."

levels="${1:-50,200}"

# shellcheck source=bench/common.sh
. bench/common.sh

JDK="$(find_jdk)"
compile_test_classpath
commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"

echo "Running with $JDK ($(java_major "$JDK")) ..." >&2
# shellcheck disable=SC2086
exec "$JDK/bin/java" -Xmx512m -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Djdk.httpclient.connectionPoolSize=0 \
  -Dbench.staff="$levels" -Dbench.commit="$commit" ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat bench/target/classpath.txt)" \
  org.marugoto.bench.LoadBenchmark
