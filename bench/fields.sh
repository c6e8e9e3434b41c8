#!/usr/bin/env bash
# ./max bench fields — the real Logistique plan (17 fields) applied through M.A.X. (draft validated through the action
# pipeline, each step committed, catalogue written) to a tenant with 200 000 leads, against the same ALTER TABLE
# statements run by hand in one session on an identical copy of the table, interleaved rounds in the same run.
# Last line: RESULT fields ratio=<ours/raw> ours_ms=<p50> alter_ms=<p50> (target: ratio <= 1.5).
# Options: BENCH_LEADS (default 200000), BENCH_ROUNDS (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=$(mktemp -t max-bench-fields.XXXXXX)
trap 'rm -f "$LOG"' EXIT
PROPS="-Dbench.leads=${BENCH_LEADS:-200000} -Dbench.rounds=${BENCH_ROUNDS:-3}"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
# the logistique jar is built first: the benchmark loads the real plan, as a tenant would
mvn -B -ntp -q -pl brains/logistique -am package -DskipTests >"$LOG" 2>&1
mvn -B -ntp -q -pl platform -am verify -Dtest='NoSuchTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FieldsBenchmark -Dfailsafe.failIfNoSpecifiedTests=false $PROPS >"$LOG" 2>&1 || {
  grep -E "^(round|RESULT)|ERROR|FAIL|Expect" "$LOG" | grep -v '^\s*at ' | head -40 || true
  echo "benchmark failed (full log kept in ${LOG}.kept)" >&2
  cp "$LOG" "$LOG.kept"
  exit 1
}
grep -E "^round " "$LOG"
grep -E "^RESULT fields" "$LOG" | tail -1
