#!/usr/bin/env bash
# HTTP throughput and p99 (wrk), durable bookings per second against a raw sqlite3 loop, and memory under load
# (issue 8). Release build; needs wrk (Debian: apt-get install wrk). docs/performance.md records the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
swift build -c release --product lumbar >/dev/null
if [ ! -x .build/checks-venv/bin/python ] || ! .build/checks-venv/bin/python -c "import requests" 2>/dev/null; then
  python3 -m venv .build/checks-venv
  .build/checks-venv/bin/pip install -q "schemathesis==4.32.5" "requests>=2.31"
fi
exec .build/checks-venv/bin/python scripts/bench-load.py
