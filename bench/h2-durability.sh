#!/usr/bin/env bash
# ./max bench h2-durability — what the embedded default's durable commits (H2 WRITE_DELAY=0) cost against H2's
# default delayed writes: wallet-shaped transactions on an H2 file database, 1 and 8 clients, rounds interleaved in
# the same run. Last line: RESULT h2-durability ratio=<durable/delayed commits per second, 8 clients>.
# Options: BENCH_SECONDS (per round, default 5), BENCH_ROUNDS (default 3). Needs no MariaDB of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?run through ./max bench h2-durability (it selects JDK 25)}"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
echo "building the benchmark jar..."
rm -f bench/target/max-bench.jar bench/target/max-bench.jar.original
mvn -B -ntp -q -pl bench -am package -DskipTests -Dmaven.test.skip=true
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar bench/target/max-bench.jar h2-durability \
  "${BENCH_SECONDS:-5}" "${BENCH_ROUNDS:-3}"
