#!/usr/bin/env bash
# ./max bench sse [subscribers=5000] [events=60] [warmup=20] [interval=500]
# 5 000 concurrent SSE subscribers on one M.A.X. node (platform + MariaDB) vs a bare JDK SSE server, same NIO client,
# same run. Prints "RESULT sse ratio=<M.A.X. p99 / bare JDK p99>" (target <= 2). Everything on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?run through ./max bench sse (it selects JDK 25)}"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# one fd per connection on each side (server + client in one JVM): raise the soft limit as far as allowed
hard=$(ulimit -Hn)
if [ "$hard" = "unlimited" ] || [ "$hard" -ge 65536 ]; then ulimit -n 65536; else ulimit -n "$hard"; fi
echo "open files limit: $(ulimit -n)"

echo "building the benchmark jar..."
mvn -B -ntp -q -pl bench -am package -DskipTests -Dmaven.test.skip=true

# bounded: the bench itself stops after its measurements; timeout guards against a hang
timeout 900 "$JAVA_HOME/bin/java" -Xms1g -Xmx2g --sun-misc-unsafe-memory-access=allow \
  --enable-native-access=ALL-UNNAMED -jar bench/target/max-bench.jar sse "$@"
