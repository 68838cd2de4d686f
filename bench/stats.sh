#!/usr/bin/env bash
# Statistics benchmark: compiles the test sources and runs org.marugoto.bench.StatsBenchmark, which starts Marugoto
# in-process on an embedded PostgreSQL under bench/target/, generates households and consultations inside the database
# with generate_series (once; later runs reuse them) and prints, per report of the last full fiscal year, the time of
# the service beside the same SQL run bare (EXPLAIN ANALYZE). See bench/README.md.
#
# Usage: bench/stats.sh [consultations] [households]     default 5000000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."

consultations="${1:-5000000}"
households="${2:-1000000}"

# shellcheck source=bench/common.sh
. bench/common.sh

JDK="$(find_jdk)"
compile_test_classpath

echo "Running with $JDK ($(java_major "$JDK")) ..." >&2
# shellcheck disable=SC2086
exec "$JDK/bin/java" -Xms512m -Xmx2g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat bench/target/classpath.txt)" \
  org.marugoto.bench.StatsBenchmark "$consultations" "$households"
