#!/usr/bin/env bash
# Start-up time and memory on a large clinic (issue 8): a release build, `lumbar demo` with 10,000 clients and
# 100,000 appointments, then the time from launch to the first 200 and the resident size once idle. Prints the
# figures; docs/performance.md records them. Usage: bash scripts/bench-startup.sh [clients] [appointments]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-10000}
appointments=${2:-100000}
swift build -c release --product lumbar >/dev/null
bin=.build/release/lumbar
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "demo data: $("$bin" demo --data "$data" --clients "$clients" --appointments "$appointments" | head -1)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for run in 1 2 3; do
  started=$(date +%s%N)
  "$bin" serve --data "$data" --port "$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do sleep 0.005; done
  ready=$(date +%s%N)
  sleep 2
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $run: first 200 after $(( (ready - started) / 1000000 )) ms; resident $(( rss / 1024 )) MB idle"
done
