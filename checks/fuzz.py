"""API fuzzing: schemathesis sends valid and invalid requests to every operation in /openapi.yaml on a server with a
seeded clinic and a staff token. Fails on any 5xx, any response the document does not describe (status, content
type, schema, headers), schema-invalid input that is accepted, and missing or ignored authentication.

Valid-by-schema input may still get 422 when it breaks a rule no schema can state (a pain start after the
assessment day, `to` before `from`, a time nobody works): the document describes those 422s, so they are expected."""
import os
import subprocess
import sys

from lumbar import Server

EXAMPLES = os.environ.get("LUMBAR_FUZZ_EXAMPLES", "150")

CONFIG = """
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "403", "404", "409", "422"]
"""


def main():
    server = Server()
    server.seed(clients=30)
    token = server.token("demo-owner@example.com")
    server.start()
    config = os.path.join(server.data, "schemathesis.toml")
    with open(config, "w") as f:
        f.write(CONFIG)
    schemathesis = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    try:
        done = subprocess.run([schemathesis, "--config-file", config, "run", server.base + "/openapi.yaml",
                               "--header", f"Authorization: Bearer {token}", "--checks", "all",
                               "--max-examples", EXAMPLES, "--seed", os.environ.get("LUMBAR_FUZZ_SEED", "20261125"),
                               "--no-color"], cwd=server.data)
    finally:
        server.stop()
    log = open(os.path.join(server.data, "server.log")).read()
    errors = log.count(" 500 ")
    if errors:
        print(f"server logged {errors} responses with status 500")
    sys.exit(done.returncode or (1 if errors else 0))


if __name__ == "__main__":
    main()
