#!/usr/bin/env bash
# ./max bench wallet — reserve+commit throughput of the M.A.X. wallet on one hot wallet with 32 concurrent clients,
# against a raw single-row "UPDATE ... SET balance = balance - 1 WHERE id = ? AND balance >= 1" loop with 32
# clients on the same MariaDB, in the same run. Last line: RESULT wallet ratio=<ours/raw> (target >= 0.5).
# Options: BENCH_SECONDS (per round, default 8), BENCH_ROUNDS (default 2), BENCH_JVM_ARGS (more -D settings for the
# measured JVM (Maven user properties reach the test JVM as system properties; -DargLine does not), e.g. "-Dmax.wallet.reserve-writers=8 -Dmax.wallet.commit-writers=16" to size the group commit).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=$(mktemp -t max-bench-wallet.XXXXXX)
trap 'rm -f "$LOG"' EXIT
mvn_cmd -q -pl platform -am verify -DskipTests=false -Dtest='NoSuchTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=WalletBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.seconds="${BENCH_SECONDS:-8}" -Dbench.rounds="${BENCH_ROUNDS:-2}" \
  ${BENCH_JVM_ARGS:-} >"$LOG" 2>&1 || {
  grep -E "round |wallet:|overdraft=|ours |RESULT|ERROR|FAIL" "$LOG" | grep -v '^\s*at ' | head -40
  echo "benchmark failed (full log kept in ${LOG}.kept)" >&2
  cp "$LOG" "$LOG.kept"
  exit 1
}
grep -E "^(round |wallet:|overdraft=|ours |reservations per|single client)" "$LOG"
grep -E "^RESULT wallet" "$LOG" | tail -1
