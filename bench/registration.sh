#!/usr/bin/env bash
# Registration benchmark (issue 18): registers every record of a seeded linkage population one by one through the
# registration path of one agency (the form's duplicate check, then the registration, which links the record as it is
# saved) and prints the precision, recall and F1 of the warnings shown and of the coordinators' queue. See
# bench/README.md.
#
# Usage: bench/registration.sh [persons]     default 2000 (about 4,400 records)
set -euo pipefail
cd "$(dirname "$0")/.."

persons="${1:-2000}"

# shellcheck source=bench/common.sh
. bench/common.sh

JDK="$(find_jdk)"
compile_test_classpath

echo "Running with $JDK ($(java_major "$JDK")) ..." >&2
# shellcheck disable=SC2086
exec "$JDK/bin/java" -Xms512m -Xmx2g -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat bench/target/classpath.txt)" \
  org.marugoto.bench.RegistrationBenchmark "$persons"
