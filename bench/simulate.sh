#!/usr/bin/env bash
# Times `puente simulate` end to end and reports records written per second.
# Usage: bench/simulate.sh [SCALE] [OUT]   (defaults: 0.01, a temporary directory)
# Prints the command's own summary (records, seconds, records/s from the --json result) and the
# wall-clock time of the whole command including JVM start.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:-0.01}"
out="${2:-$(mktemp -d /tmp/puente-sim-bench.XXXXXX)}"
jar="$root/cli/target/puente.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -q -B -DskipTests -Dspotless.check.skip=true install)
fi
echo "machine: $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
start=$(date +%s.%N)
summary="$(java ${PUENTE_JAVA_OPTS:-} -jar "$jar" simulate --out "$out" --scale "$scale" --json)"
end=$(date +%s.%N)
records=$(grep -m1 '"records"' <<<"$summary" | tr -dc '0-9')
seconds=$(grep -m1 '"seconds"' <<<"$summary" | sed 's/[^0-9.]//g')
rate=$(grep -m1 '"recordsPerSecond"' <<<"$summary" | tr -dc '0-9')
wall=$(echo "$end - $start" | bc)
echo "scale $scale: $records records in ${seconds}s inside the command ($rate records/s)"
echo "whole command (JVM start included): ${wall}s, $(echo "$records / $wall" | bc) records/s"
echo "output: $out ($(du -sh "$out" | cut -f1))"
