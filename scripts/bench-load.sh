#!/usr/bin/env bash
# HTTP throughput and p99 (wrk), durable bookings per second against a raw sqlite3 loop, and memory under load
# (issue 8). Release build; needs wrk (Debian: apt-get install wrk). docs/performance.md records the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
swift build -c release --product lumbar >/dev/null
exec "$(bash checks/python.sh)" scripts/bench-load.py
