#!/usr/bin/env bash
# CRM big-tenant dataset: generates a baseline tenant (1/20) and a tenant with 200 000 leads and 1 000 000 activity
# rows on the machine's MariaDB, then times typical CRM reads on both (see docs/crm.md).
#   ./max bench crm-dataset [leads] [activities]
set -euo pipefail
cd "$(dirname "$0")/.."
LEADS="${1:-200000}"
ACTIVITIES="${2:-1000000}"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
mvn -B -ntp -q -pl demo -am verify \
  -Dtest=NoneTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrmBigTenantBenchIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dmax.bench.crm=true -Dbench.leads="$LEADS" -Dbench.activities="$ACTIVITIES" 2>&1 \
  | sed -n '/=== CRM dataset benchmark ===/,/^$/p'
