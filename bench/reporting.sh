#!/usr/bin/env bash
# ./max bench reporting — a tenant with 200 000 leads and 1 000 000 activity rows (generated once into the MariaDB
# schema crm_bench_reporting, reused by later runs), then the Reporting dashboard, the first lead page, a filtered
# search and a text search through M.A.X.'s services, each against hand-written indexed SQL for the same answer, in
# the same run (interleaved). Last line: RESULT reporting ratio=<worst ours/raw> dashboard_p95_ms=<ms>
# (targets: ratio <= 2, dashboard p95 <= 100 ms). Options: BENCH_ITERATIONS (default 40),
# BENCH_LEADS / BENCH_ACTIVITIES (default 200000 / 1000000; other values regenerate the schema).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=$(mktemp -t max-bench-reporting.XXXXXX)
trap 'rm -f "$LOG"' EXIT
PROPS="-Dbench.iterations=${BENCH_ITERATIONS:-40} -Dbench.warmup=${BENCH_WARMUP:-30} -Dbench.leads=${BENCH_LEADS:-200000} -Dbench.activities=${BENCH_ACTIVITIES:-1000000}"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
mvn -B -ntp -q -pl platform -am verify -Dtest='NoSuchTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ReportingBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -DargLine="$PROPS" >"$LOG" 2>&1 || {
  grep -E "^(data|query|served|RESULT)|ERROR|FAIL|Expect" "$LOG" | grep -v '^\s*at ' | head -40 || true
  echo "benchmark failed (full log kept in ${LOG}.kept)" >&2
  cp "$LOG" "$LOG.kept"
  exit 1
}
grep -E "^(data|query|served) " "$LOG"
grep -E "^RESULT reporting" "$LOG" | tail -1
