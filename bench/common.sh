# Shared by bench/search.sh and bench/load.sh (sourced, not run): finds a JDK 21+ and compiles the test classpath.

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

# Compiles main and test sources and writes the test classpath to bench/target/classpath.txt. Offline first (no
# network when every dependency is in ~/.m2); if that fails (a fresh machine, or a plugin not yet downloaded), online.
# BENCH_MAVEN_OPTS replaces both with the flags given, e.g. BENCH_MAVEN_OPTS=-o to forbid the network.
compile_test_classpath() {
  local goals=(test-compile dependency:build-classpath -Dmdep.outputFile=bench/target/classpath.txt
    -Dmdep.includeScope=test -Dspotless.check.skip=true)
  mkdir -p bench/target
  echo "Compiling (Maven, test classpath) ..." >&2
  if [ -n "${BENCH_MAVEN_OPTS+x}" ]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${BENCH_MAVEN_OPTS} "${goals[@]}" >&2
  elif ! ./mvnw -B -q -o "${goals[@]}" >bench/target/maven-offline.log 2>&1; then
    echo "Offline build failed (see bench/target/maven-offline.log); building online ..." >&2
    ./mvnw -B -q "${goals[@]}" >&2
  fi
}
