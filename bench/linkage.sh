#!/usr/bin/env bash
# Record-linkage benchmark: compiles the test sources and runs org.marugoto.bench.LinkageBenchmark, which generates a
# seeded synthetic population with ground truth (org.marugoto.bench.LinkageData), links it in one batch run and prints
# pairwise and clustered precision/recall/F1 and the time. No database: the engine is plain Java. See bench/README.md.
#
# Usage: bench/linkage.sh [persons...]      default: 20000 1000000
# Environment: BENCH_JAVA_OPTS   extra JVM options, e.g. "-Dbench.seed=7 -Dbench.model=true -XX:ActiveProcessorCount=2"
#              BENCH_MAVEN_OPTS  Maven flags (default: offline, and online if that fails)
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/common.sh
. bench/common.sh

JDK="$(find_jdk)"
compile_test_classpath

echo "Running with $JDK ($(java_major "$JDK")) ..." >&2
# shellcheck disable=SC2086
exec "$JDK/bin/java" -Xms2g -Xmx6g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat bench/target/classpath.txt)" \
  org.marugoto.bench.LinkageBenchmark "$@"
