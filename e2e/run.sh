#!/usr/bin/env bash
# Runs the browser journeys against the debug build (built if needed). Needs chromium, chromium-driver, selenium.
set -euo pipefail
cd "$(dirname "$0")/.."
# The same build `swift test` made (testable), so CI does not compile everything a second time.
swift build --build-tests >/dev/null
# FHIR exports are checked with models generated from the official FHIR R4 definitions, in their own venv
# (they need pydantic 1, which must not disturb the system's packages).
if [ ! -x .build/fhir-venv/bin/python ] || ! .build/fhir-venv/bin/python -c "import fhir.resources" 2>/dev/null; then
  python3 -m venv .build/fhir-venv
  .build/fhir-venv/bin/pip install -q "fhir.resources==6.2.0" "pydantic>=1.10,<2"
fi
export LUMBAR_FHIR_PYTHON="$PWD/.build/fhir-venv/bin/python"
cd e2e
python3 -m pytest -q -p no:cacheprovider "$@"
