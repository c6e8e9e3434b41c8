#!/usr/bin/env bash
# ./max bench ui-memory — heap per signed-in Vaadin session with the Reporting tab open and its live feed
# subscribed (demo tenants' users, real Spring context on MariaDB, Karibu sessions of the real SpringServlet),
# against the same number of sessions of the same users on an empty route without layout, in the same JVM and run;
# N = 50 and 200. Last line: RESULT ui-memory mb_per_session=<X at the largest N> ratio=<ours/empty> (target X <= 1).
# Options: BENCH_SESSIONS (default "50,200"), BENCH_HISTOGRAM (default true: class histogram difference at the
# largest N), BENCH_XMX (default 3g).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=$(mktemp -t max-bench-ui-memory.XXXXXX)
trap 'rm -f "$LOG"' EXIT
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
# failsafe forwards -D user properties to the test JVM; JVM flags go through surefire.jdk25.args (the pom's
# @{argLine} reads the project's own empty argLine, not a -DargLine given here)
mvn -B -ntp -q -pl ui -am verify -Dspring-boot.repackage.skip=true -Dtest='NoSuchTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=UiMemoryBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.sessions="${BENCH_SESSIONS:-50,200}" -Dbench.histogram="${BENCH_HISTOGRAM:-true}" \
  -Dsurefire.jdk25.args="-XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED -Xshare:auto -Xmx${BENCH_XMX:-3g}" \
  >"$LOG" 2>&1 || {
  grep -E "^(setup|sessions|histogram|RESULT)|ERROR|FAIL|Expect" "$LOG" | grep -v '^\s*at ' | head -60 || true
  echo "benchmark failed (full log kept in ${LOG}.kept)" >&2
  cp "$LOG" "$LOG.kept"
  exit 1
}
grep -E "^(setup|sessions|histogram) " "$LOG"
grep -E "^RESULT ui-memory" "$LOG" | tail -1
