#!/usr/bin/env bash
# Issue 6's end-to-end measurement: a simulated region (all ten countries, two years) loaded into
# one node with the shipped specs, then `puente run` (linkage, stays, 12/16-month classes) timed as
# a whole process, then its linkage and its classes checked against the simulator's truth.
# Usage: bench/derive.sh [SCALE] [OUT] [SEED]   (defaults: 0.001, a temporary directory, 1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:-0.001}"
out="${2:-$(mktemp -d /tmp/puente-derive-bench.XXXXXX)}"
seed="${3:-1}"
jar="$root/cli/target/puente.jar"
bench="$root/bench/target/benchmarks.jar"
specs="$root/examples/specs"
if [[ ! -f "$jar" || ! -f "$bench" ]]; then
  (cd "$root" && mvn -q -B -DskipTests -Dspotless.check.skip=true install)
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
puente() { java -XX:+UseParallelGC -Xmx${PUENTE_HEAP:-4g} -jar "$jar" "$@"; }
echo "machine: $(nproc) cpus, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"

rm -rf "$out/region" "$out/home"
puente simulate --out "$out/region" --scale "$scale" --seed "$seed" --quiet
puente init --home "$out/home" >/dev/null
# Every export of the simulator, with the spec shipped for it (examples/specs/simulated-region.csv).
tail -n +2 "$specs/simulated-region.csv" | while IFS=, read -r country file spec; do
  puente ingest --home "$out/home" --spec "$specs/$spec.yaml" "$out/region/$country/$file" --quiet </dev/null
done

echo "== puente run (heap ${PUENTE_HEAP:-4g})"
/usr/bin/time -f "wall %e s, user %U s, max RSS %M KB" \
  java -XX:+UseParallelGC -Xmx${PUENTE_HEAP:-4g} -jar "$jar" run --home "$out/home" --as-of 2024-12-31
echo "== linkage against the truth"
puente linkage evaluate --home "$out/home" --truth "$out/region/truth/records.csv"
echo "== 12/16-month classes against the truth"
puente export crossings --home "$out/home" --out "$out/crossings.csv" >/dev/null
java -cp "$bench" org.puente.bench.derive.DerivationAccuracy "$out/crossings.csv" "$out/region/truth"
