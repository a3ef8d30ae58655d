#!/usr/bin/env bash
# Issue 7's query target: cube queries over a node that has a committed run (e.g. the node
# bench/derive.sh leaves in OUT/home), timed in one JVM by CubeTiming (build, then each table).
# Usage: bench/cubes.sh HOME [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench/target/benchmarks.jar"
if [[ ! -f "$bench" ]]; then
  (cd "$root" && mvn -q -B -DskipTests -Dspotless.check.skip=true package -pl bench -am)
fi
echo "machine: $(nproc) cpus, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
java -XX:+UseParallelGC -Xmx${PUENTE_HEAP:-2g} -cp "$bench" org.puente.bench.stats.CubeTiming "$@"
