#!/usr/bin/env bash
# ./max bench brains — a cached reload of a brain jar through the BrainManager (no child JVM) vs a plain
# URLClassLoader in one JVM run, then new jars that each need a child JVM. Prints
# "RESULT brains ratio=<cached reload/plain>" (target <= 3) and "RESULT brains first_load_ms=<p95 of check + child +
# register for a new jar>" (target <= 1500). Needs no database.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
ROUNDS="${1:-300}"
FRESH="${2:-20}"

echo "Building plugins-api, platform (test classes) and the logistique brain..."
mvn -B -ntp -q -o -pl platform,brains/logistique -am -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test \
  || mvn -B -ntp -q -pl platform,brains/logistique -am -DskipTests package \
  dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

JAR=$(ls brains/logistique/target/brain-logistique-*.jar | head -1)
CP="platform/target/test-classes:platform/target/classes:plugins-api/target/classes:$(cat platform/target/bench-classpath.txt)"
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -Xshare:auto -XX:+UseG1GC -Xmx512m \
  -Dlogback.configurationFile=bench/brains-logback.xml \
  -cp "$CP" fr.macrea.max.brain.BrainLoadBenchmark "$JAR" "$ROUNDS" "$FRESH"
