"""Validates a FHIR R4 JSON Bundle (standard input) with fhir.resources 6.2 (FHIR 4.0.1), whose models are generated
from the official FHIR definitions: unknown elements, wrong types, missing required elements and bad references
are refused. Prints the resource types found, or the validation errors, and exits non-zero on failure."""
import json
import sys

import fhir.resources
from fhir.resources.bundle import Bundle

assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__
document = json.load(sys.stdin)
bundle = Bundle.parse_obj(document)
urls = {entry.fullUrl for entry in bundle.entry}
types = sorted({entry.resource.resource_type for entry in bundle.entry})
for entry in document["entry"]:
    for key in ("subject", "patient", "author"):
        reference = entry["resource"].get(key, {}).get("reference")
        if reference and reference not in urls:
            sys.exit(f"{entry['resource']['resourceType']}.{key} points outside the bundle: {reference}")
print(" ".join(types))
