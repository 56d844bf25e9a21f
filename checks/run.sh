#!/usr/bin/env bash
# Checks against a running server: API fuzzing, crash durability (SQLite, and PostgreSQL too when
# LUMBAR_TEST_POSTGRES_URL is set) and the backup drill; `bash checks/run.sh crash` runs one. Uses the debug build `swift test` made.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null
# schemathesis (and requests, which the checks use) in their own venv, pinned so a run can be repeated.
if [ ! -x .build/checks-venv/bin/python ] || ! .build/checks-venv/bin/python -c "import schemathesis, requests" 2>/dev/null; then
  python3 -m venv .build/checks-venv
  .build/checks-venv/bin/pip install -q "schemathesis==4.32.5" "requests>=2.31"
fi
python=.build/checks-venv/bin/python
checks=("$@")
[ ${#checks[@]} -gt 0 ] || checks=(fuzz crash backup)
for check in "${checks[@]}"; do
  echo "-- check: $check"
  "$python" "checks/$check.py"
done
