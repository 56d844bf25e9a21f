#!/usr/bin/env bash
# Checks against a running server: API fuzzing, crash durability (SQLite, and PostgreSQL too when
# LUMBAR_TEST_POSTGRES_URL is set), the backup drill, and mail and invitations as mail and calendar programs read
# them; `bash checks/run.sh crash` runs one. Uses the debug build `swift test` made.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null
python=$(bash checks/python.sh)
checks=("$@")
[ ${#checks[@]} -gt 0 ] || checks=(fuzz crash backup mail)
for check in "${checks[@]}"; do
  echo "-- check: $check"
  "$python" "checks/$check.py"
done
