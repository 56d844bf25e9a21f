#!/usr/bin/env bash
# Prints the Python the checks and the load benchmark use: schemathesis, requests and icalendar in their own venv, pinned so a
# run can be repeated, made on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/checks-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import schemathesis, requests, icalendar" 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q "schemathesis==4.32.5" "requests>=2.31" "icalendar==7.3.2" >&2
fi
echo "$PWD/$venv/bin/python"
