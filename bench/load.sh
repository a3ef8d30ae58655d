#!/usr/bin/env bash
# Issue 8's load target: the dashboard's API under concurrent clients. Starts `puente serve` on a
# free port for a node home that has a committed run (e.g. made by `./puente demo --home HOME
# --no-serve`), signs in a regional analyst by API token, and runs org.puente.bench.server.LoadTest
# (50 clients, 60 s measured after 10 s of warm-up by default) over the dashboard's endpoints.
# The load generator and the server share this machine's CPUs.
# Usage: bench/load.sh HOME [CLIENTS] [SECONDS]
#   PUENTE_LOAD_WARMUP  warm-up seconds (default 10)
#   PUENTE_LOAD_OUT     folder for load.json and serve.log (default a temporary directory)
#   PUENTE_JAVA_OPTS    the server's JVM options (./puente's defaults otherwise)
#   PUENTE_LOAD_CATALOG the node's catalog JDBC URL when it is not the embedded one (PostgreSQL)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage="usage: bench/load.sh HOME [CLIENTS] [SECONDS]"
home="${1:?$usage}"
clients="${2:-50}"
seconds="${3:-60}"
warmup="${PUENTE_LOAD_WARMUP:-10}"
out="${PUENTE_LOAD_OUT:-$(mktemp -d /tmp/puente-load-bench.XXXXXX)}"
bench="$root/bench/target/benchmarks.jar"
puente="$root/puente"
if [[ ! -d "$home" ]]; then
  echo "bench/load.sh: no node home at $home (make one with ./puente demo --home HOME --no-serve)" >&2
  exit 2
fi
home="$(cd "$home" && pwd)"
catalog=()
if [[ -n "${PUENTE_LOAD_CATALOG:-}" ]]; then
  catalog=(--catalog "$PUENTE_LOAD_CATALOG")
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
# Built when missing, or when it predates LoadTest.
if [[ ! -f "$bench" ]] || ! unzip -l "$bench" org/puente/bench/server/LoadTest.class >/dev/null 2>&1; then
  (cd "$root" && mvn -q -B -DskipTests -Dspotless.check.skip=true package -pl bench -am)
fi

paths="/api/dashboard/headline"
paths+=",/api/dashboard/series"
paths+=",/api/dashboard/pyramid?population=arrivals"
paths+=",/api/dashboard/pyramid?population=migrants"
paths+=",/api/dashboard/pyramid?population=returns"
paths+=",/api/dashboard/flows"
paths+=",/api/dashboard/returns"
paths+=",/api/tables/crossings?by=reporting_country,direction&period-level=year"

server_pid=""
finish() {
  local status=$?
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in {1..40}; do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    echo "server stopped"
  fi
  echo "machine: $(nproc) cpus, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  java -version 2>&1 | sed 's/^/  /'
  echo "output: $out"
  exit "$status"
}
trap finish EXIT

# 1. A free port (the kernel's choice; released again before the server binds it).
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

# 2. A regional analyst and an API token. The first ./puente call also builds the jar if needed.
if ! added="$("$puente" users add loadtest --role regional-analyst --home "$home" "${catalog[@]}" 2>&1 </dev/null)"; then
  if ! grep -qiE "already exists|exists already" <<<"$added"; then
    echo "$added" >&2
    exit 1
  fi
fi
token="$("$puente" users token loadtest --label load --home "$home" "${catalog[@]}" --quiet </dev/null)"
if [[ -z "$token" ]]; then
  echo "bench/load.sh: 'puente users token' printed no token" >&2
  exit 1
fi

# 3. The server, in the background; up when GET /api/health answers 200 (at most 120 s).
echo "== puente serve --port $port (log: $out/serve.log)"
"$puente" serve --home "$home" --port "$port" "${catalog[@]}" >"$out/serve.log" 2>&1 </dev/null &
server_pid=$!
health() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/api/health" || true
}
deadline=$((SECONDS + 120))
until [[ "$(health)" == "200" ]]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "bench/load.sh: the server exited before answering /api/health:" >&2
    tail -n 20 "$out/serve.log" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "bench/load.sh: no 200 from /api/health within 120 s:" >&2
    tail -n 20 "$out/serve.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "server up after $((SECONDS + 120 - deadline)) s"

# 4. The load. Its exit code (1 when a measured request failed) is this script's.
echo "== LoadTest: $clients clients, $seconds s after $warmup s of warm-up"
status=0
java -XX:+UseParallelGC -Xmx1g -cp "$bench" org.puente.bench.server.LoadTest \
  --url "http://127.0.0.1:$port" --token "$token" --clients "$clients" --seconds "$seconds" \
  --warmup "$warmup" --paths "$paths" --json "$out/load.json" || status=$?
# 5. finish (on EXIT) stops the server and prints the machine.
exit "$status"
