#!/usr/bin/env bash
# Import benchmark: compiles the test sources and runs org.marugoto.bench.ImportBenchmark, which starts Marugoto
# in-process on a temporary embedded PostgreSQL with the demo city, generates a CSV of households and persons in memory
# and imports it through the real import service (preview, then one all-or-nothing commit), printing the time of each
# step and the heap used; then imports the same file again (nothing changes). See bench/README.md.
#
# Usage: bench/import.sh [persons]     default 100000
set -euo pipefail
cd "$(dirname "$0")/.."

persons="${1:-100000}"

# shellcheck source=bench/common.sh
. bench/common.sh

JDK="$(find_jdk)"
compile_test_classpath

echo "Running with $JDK ($(java_major "$JDK")) ..." >&2
# shellcheck disable=SC2086
exec "$JDK/bin/java" -Xms512m -Xmx2g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat bench/target/classpath.txt)" \
  org.marugoto.bench.ImportBenchmark "$persons"
