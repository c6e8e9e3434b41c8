#!/usr/bin/env bash
# ./max bench send — one newsletter sent to 50 000 recipients through the outbox adapter (consent checks, outbox
# rows, campaign log rows, one batch task per batch), against a bare JDBC batch insert of the same 50 000 outbox
# rows, same MariaDB, same run. Prints the heap after each 10 000 recipients. Last line:
# RESULT send ratio=<bare/ours time> (target >= 0.25).
# Options: BENCH_RECIPIENTS (default 50000), BENCH_JVM_ARGS (more -D settings for the measured JVM).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=$(mktemp -t max-bench-send.XXXXXX)
trap 'rm -f "$LOG"' EXIT
mvn_cmd -q -pl platform -am verify -DskipTests=false -Dtest='NoSuchTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SendBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.recipients="${BENCH_RECIPIENTS:-50000}" \
  ${BENCH_JVM_ARGS:-} >"$LOG" 2>&1 || {
  grep -E "^(send|bare|ours|heap|skipped|RESULT)|ERROR|FAIL" "$LOG" | grep -v '^\s*at ' | head -40
  echo "benchmark failed (full log kept in ${LOG}.kept)" >&2
  cp "$LOG" "$LOG.kept"
  exit 1
}
grep -E "^(send|bare|ours|heap|skipped)" "$LOG"
grep -E "^RESULT send" "$LOG" | tail -1
