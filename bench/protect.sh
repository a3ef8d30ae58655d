#!/usr/bin/env bash
# Issue 7's disclosure-control target: a hierarchical table of more than 100,000 cells
# (period x citizenship x sex x age group) protected by cell suppression with the default rules and
# audited by the linear-programming attacker; one warm-up run, then RUNS timed runs, median printed.
# Usage: bench/protect.sh [COUNTRIES] [RUNS] [SEED] [SCALE]   (defaults: 150, 3, 7, 10)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -q -B -DskipTests -Dspotless.check.skip=true package -pl bench -am)
fi
echo "machine: $(nproc) cpus, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx3g -cp "$jar" org.puente.bench.sdc.ProtectionTiming "${1:-150}" "${2:-3}" "${3:-7}" "${4:-10}"
