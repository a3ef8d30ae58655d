#!/usr/bin/env bash
# Issue 10's measurement: the same simulated region derived by both engines on this machine.
# A region (all ten countries, two years) is simulated and loaded into one node with the shipped
# specs; the node is copied, and `puente run --retrain` is timed as a whole process on each copy:
# the embedded DuckDB engine, then the Spark engine in local mode (`--engine spark --master
# local[N]`). Both runs must commit the same records and travellers, and `puente export crossings`
# of the two homes must be the same rows (sorted); the script says so or fails.
# Usage: bench/engines.sh [SCALE] [OUT] [SEED]
#   SCALE 0.00245 is about 1 million crossings, 0.0245 about 10 million (docs/BENCHMARKS.md).
#   Heap: PUENTE_HEAP (default 4g) for both engines, PUENTE_JAVA_EXTRA more JVM options for both
#   (e.g. -Xmn2g, so that ParallelGC's old generation holds a large country's linkage state);
#   PUENTE_LOAD_HEAP (default 4g) for simulating and ingesting; Spark's threads: SPARK_THREADS
#   (default nproc).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:-0.00245}"
out="${2:-$(mktemp -d /tmp/puente-engines-bench.XXXXXX)}"
seed="${3:-1}"
heap="${PUENTE_HEAP:-4g}"
extra="${PUENTE_JAVA_EXTRA:-}"
threads="${SPARK_THREADS:-$(nproc)}"
jar="$root/cli/target/puente.jar"
specs="$root/examples/specs"
"$root/puente" version >/dev/null # builds the jars when missing or stale
mkdir -p "$out"
out="$(cd "$out" && pwd)"
puente() { java -XX:+UseParallelGC "-Xmx${PUENTE_LOAD_HEAP:-4g}" -jar "$jar" "$@"; }
echo "machine: $(nproc) cpus, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"

if [[ ! -d "$out/loaded" ]]; then
  rm -rf "$out/region" "$out/home"
  puente simulate --out "$out/region" --scale "$scale" --seed "$seed" --quiet
  puente init --home "$out/home" >/dev/null
  tail -n +2 "$specs/simulated-region.csv" | while IFS=, read -r country file spec; do
    puente ingest --home "$out/home" --spec "$specs/$spec.yaml" "$out/region/$country/$file" --quiet </dev/null
  done
  mv "$out/home" "$out/loaded"
fi
crossings=$(tail -n +2 "$out/region/truth/records.csv" | awk -F, '$5 == "CROSSING"' | wc -l)
echo "region: scale $scale, seed $seed, $crossings crossing records exported"

run_engine() { # NAME, then the command after 'run'
  local name="$1"; shift
  rm -rf "$out/home-$name"
  cp -a "$out/loaded" "$out/home-$name"
  echo "== $name (heap $heap${extra:+, $extra})"
  /usr/bin/time -f "$name: wall %e s, user %U s, system %S s, max RSS %M KB" -o "$out/time-$name.txt" \
    "$@" --home "$out/home-$name" --as-of 2024-12-31 --retrain --json >"$out/run-$name.json"
  cat "$out/time-$name.txt"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); s=r["summary"];
print("  records %d, travellers %d" % (s["records"], s["travellers"]))' "$out/run-$name.json"
}

# shellcheck disable=SC2086 # $extra is a list of options
run_engine duckdb java -XX:+UseParallelGC "-Xmx$heap" $extra -jar "$jar" run
PUENTE_JAVA_OPTS="-XX:+UseParallelGC -Xmx$heap $extra" \
  run_engine spark "$root/puente" run --engine spark --master "local[$threads]"

python3 - "$out/run-duckdb.json" "$out/run-spark.json" <<'PY'
import json, sys
d, s = (json.load(open(f))["summary"] for f in sys.argv[1:])
same = d["records"] == s["records"] and d["travellers"] == s["travellers"]
print("same records and travellers on both engines:", "yes" if same else "NO")
sys.exit(0 if same else 1)
PY
for name in duckdb spark; do
  puente export crossings --home "$out/home-$name" --out "$out/crossings-$name.csv" >/dev/null
  (head -n 1 "$out/crossings-$name.csv"; tail -n +2 "$out/crossings-$name.csv" | LC_ALL=C sort) \
    | sha256sum | sed "s|-\$|$name's exported crossings (sorted), $(($(wc -l <"$out/crossings-$name.csv") - 1)) rows|"
done
if cmp -s <(LC_ALL=C sort "$out/crossings-duckdb.csv") <(LC_ALL=C sort "$out/crossings-spark.csv"); then
  echo "the exported crossings are identical on both engines"
else
  echo "the exported crossings DIFFER between the engines"
  exit 1
fi
