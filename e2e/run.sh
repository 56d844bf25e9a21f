#!/usr/bin/env bash
# Runs the browser journeys against a debug build (builds it if needed). Needs chromium, chromium-driver, selenium.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product lumbar >/dev/null
cd e2e
python3 -m pytest -q -p no:cacheprovider "$@"
