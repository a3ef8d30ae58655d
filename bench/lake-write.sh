#!/usr/bin/env bash
# Times the lake's writing path (append -> staged Parquet -> move -> catalog commit) for one
# submission of ROWS rows x 25 columns. Usage: bench/lake-write.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests -pl bench -am
exec java -Xmx1g -cp bench/target/benchmarks.jar org.puente.bench.LakeWriteTiming "${1:-5000000}" "${2:-3}"
