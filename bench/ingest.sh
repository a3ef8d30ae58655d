#!/usr/bin/env bash
# Issue 5's ingest benchmark: a simulated Mexican crossings export of ROWS rows, ingested end to end
# by `./puente ingest` into a fresh node (embedded catalog), with the launcher's JVM options (as a
# user runs it) and with a 512 MB heap;
# then DuckDB alone on the same CSV: reading and grouping it (the issue's reference) and reading it
# into Parquet (the floor for an ingest that ends in Parquet).
# Usage: bench/ingest.sh [ROWS] [OUT]   (defaults: 10000000, a temporary directory)
# The export is kept in OUT (export-ROWS.csv) and reused by a later run with the same OUT.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-10000000}"
out="${2:-$(mktemp -d /tmp/puente-ingest-bench.XXXXXX)}"
jar="$root/cli/target/puente.jar"
bench="$root/bench/target/benchmarks.jar"
spec="$root/examples/specs/mex-crossings.yaml"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
if [[ ! -f "$jar" || ! -f "$bench" ]]; then
  (cd "$root" && mvn -q -B -DskipTests -Dspotless.check.skip=true install)
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cpus, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
echo "load average at start: $(load)"

# 1. The export: MEX crossings (pipe-separated UTF-8, a title line, a header, a totals row).
#    About 227,700 crossing rows per unit of scale (455,317 at --scale 0.002, seed 1); simulate 8%
#    more than needed, then keep the title, the header and exactly ROWS data rows (no totals row:
#    the spec's footer is optional).
export_file="$out/export-$rows.csv"
if [[ ! -f "$export_file" ]]; then
  scale=$(echo "scale=6; $rows * 1.08 / 227700000 + 0.000001" | bc)
  echo "simulating MEX at scale $scale for $rows rows..."
  rm -rf "$out/sim"
  java -jar "$jar" simulate --out "$out/sim" --countries MEX --scale "$scale" --quiet --json \
    >"$out/simulate.json"
  simulated="$out/sim/MEX/inm_registros_migratorios.csv"
  available=$(($(wc -l <"$simulated") - 3))
  if ((available < rows)); then
    echo "the simulation gave $available rows, fewer than $rows" >&2
    exit 1
  fi
  head -n $((rows + 2)) "$simulated" >"$export_file"
  rm -rf "$out/sim"
fi
echo "export: $export_file ($(du -h "$export_file" | cut -f1), $rows data rows)"

# Runs a command under /usr/bin/time -v; its stdout goes to $1.json, time's report to $1.time.
timed() {
  local name="$1"
  shift
  /usr/bin/time -v "$@" >"$out/$name.json" 2>"$out/$name.time"
}
field() { sed -n "s/^\t$2: //p" "$out/$1.time"; }
cpu_seconds() { echo "$(field "$1" 'User time (seconds)') + $(field "$1" 'System time (seconds)')" | bc; }
rss_mb() { echo "$(field "$1" 'Maximum resident set size (kbytes)') / 1024" | bc; }

# 2. ./puente ingest, with the launcher's options and with a 512 MB heap, each into a fresh home.
#    PUENTE_JAVA_OPTS replaces the launcher's JVM options; empty keeps them.
ingest() {
  local name="$1"
  local options="$2"
  rm -rf "$out/home-$name"
  "$root/puente" init --home "$out/home-$name" >/dev/null
  echo "ingest ($name heap: ${options:-as the launcher sets them}), load before: $(load)"
  PUENTE_JAVA_OPTS="$options" timed "ingest-$name" "$root/puente" ingest --home "$out/home-$name" \
    --spec "$spec" "$export_file" --json --quiet
  local read accepted rejected duplicates rate seconds wall cpu
  read=$(jq '.[0].read' "$out/ingest-$name.json")
  accepted=$(jq '.[0].accepted' "$out/ingest-$name.json")
  rejected=$(jq '.[0].rejected' "$out/ingest-$name.json")
  duplicates=$(jq '.[0].duplicates' "$out/ingest-$name.json")
  rate=$(jq '.[0].rowsPerSecond' "$out/ingest-$name.json")
  seconds=$(jq '.[0].seconds' "$out/ingest-$name.json")
  wall=$(field "ingest-$name" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')
  cpu=$(cpu_seconds "ingest-$name")
  echo "  read $read = accepted $accepted + rejected $rejected + duplicates $duplicates"
  echo "  $rate rows/s inside the command (${seconds} s); wall $wall with JVM start;" \
    "CPU ${cpu} s ($(echo "$read / $cpu" | bc) rows per CPU-second," \
    "$(field "ingest-$name" 'Percent of CPU this job got')); max RSS $(rss_mb "ingest-$name") MB;" \
    "load after: $(load)"
  eval "ingest_rate_$name=$rate"
}
ingest default ""
ingest small "-XX:+UseParallelGC -Xmx512m"

# 3. DuckDB alone on the same file.
reference() {
  local name="$1"
  shift
  echo "duckdb $name, load before: $(load)"
  timed "duckdb-$name" java -cp "$bench" org.puente.bench.DuckDbCsvReference "$name" "$@"
  local rate
  rate=$(jq '.rowsPerSecond' "$out/duckdb-$name.json")
  echo "  $(jq -c . "$out/duckdb-$name.json"); wall" \
    "$(field "duckdb-$name" 'Elapsed (wall clock) time (h:mm:ss or m:ss)')," \
    "CPU $(cpu_seconds "duckdb-$name") s, max RSS $(rss_mb "duckdb-$name") MB; load after: $(load)"
  eval "duckdb_rate_$name=$rate"
}
reference group "$export_file"
reference parquet "$export_file" "$out/duckdb-floor.parquet"
rm -f "$out/duckdb-floor.parquet"

echo "ratio ingest / DuckDB read+group: $(echo "scale=3; $ingest_rate_default / $duckdb_rate_group" | bc)" \
  "(default heap), $(echo "scale=3; $ingest_rate_small / $duckdb_rate_group" | bc) (-Xmx512m)"
echo "ratio ingest / DuckDB CSV->Parquet floor: $(echo "scale=3; $ingest_rate_default / $duckdb_rate_parquet" | bc)"
echo "load average at end: $(load); output kept in $out"
