"""What the checks share: the lumbar binary, a server they can start and kill, a clinic seeded through the CLI, and
a staff member signed in to the web pages the way a browser would (CSRF cookie, password, two-step code)."""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "e2e"))
from totp import code  # noqa: E402

BINARY = os.environ.get("LUMBAR_BINARY", os.path.join(ROOT, ".build", "debug", "lumbar"))
PASSWORD = "a long enough passphrase"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args, data=None, database_url=None, stdin=None):
    """Runs `lumbar ARGS` on the given storage; returns standard output, raising with its errors if it failed."""
    storage = ["--database-url", database_url] if database_url else ["--data", data] if data else []
    done = subprocess.run([BINARY, *args, *storage], input=stdin, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"lumbar {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


class Server:
    """A `lumbar serve` process on a folder (SQLite) or a PostgreSQL URL; mail is written to a file."""

    def __init__(self, data=None, database_url=None):
        self.data = data or tempfile.mkdtemp(prefix="lumbar-check-")
        self.database_url = database_url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        sendmail = os.path.join(self.data, "sendmail")
        with open(sendmail, "w") as f:
            f.write(f"#!/bin/sh\ncat >> '{self.data}/outbox.txt'\n")
        os.chmod(sendmail, 0o755)
        self.env = dict(os.environ, LUMBAR_SENDMAIL=sendmail, LUMBAR_PUBLIC_URL=self.base, LUMBAR_BCRYPT_COST="12")

    def cli(self, *args, stdin=None):
        return cli(*args, data=self.data, database_url=self.database_url, stdin=stdin)

    def start(self):
        storage = ["--database-url", self.database_url] if self.database_url else ["--data", self.data]
        log = open(os.path.join(self.data, "server.log"), "a")
        self.process = subprocess.Popen([BINARY, "serve", *storage, "--port", str(self.port)], env=self.env,
                                        stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if requests.get(self.base + "/health", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        self.process.kill()
        raise RuntimeError("server did not start: " + open(os.path.join(self.data, "server.log")).read()[-2000:])

    def kill(self):
        """SIGKILL: no shutdown, no flush; what survives is what the storage made durable."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def seed(self, clients=30):
        """A demo clinic (owner, ten therapists, one location and service) with `clients` clients."""
        self.cli("demo", "--clients", str(clients), "--appointments", "0")

    def add_therapist(self, email, name="Check Therapist"):
        self.cli("user", "add", "--email", email, "--name", name, "--role", "therapist", "--registration", "C1234", "--password-stdin",
                 stdin=PASSWORD + "\n")

    def token(self, email):
        return self.cli("token", "add", "--email", email, "--name", "checks").strip()


class Browser:
    """A person's web session. Each form carries the page's CSRF token (the session's once signed in), as pages do."""

    CSRF = re.compile(r'name="_csrf" value="([^"]+)"')

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        self.csrf = None

    def remember(self, response):
        found = self.CSRF.search(response.text)
        if found:
            self.csrf = found.group(1)
        return response

    def get(self, path):
        return self.remember(self.session.get(self.base + path, timeout=30))

    def post(self, path, **form):
        if self.csrf is None:
            self.get("/login")
        return self.remember(self.session.post(self.base + path, data=dict(form, _csrf=self.csrf), allow_redirects=False, timeout=30))

    def sign_in(self, email, password=PASSWORD):
        """Signs in, enrolling two-step sign-in on the first visit (staff must)."""
        self.post("/login", email=email, password=password)
        page = self.get("/account/two-factor")
        # The key is shown in groups of four for typing; the code app needs it whole.
        shown = re.search(r'id="totp-secret"[^>]*>(.*?)</code>', page.text, re.S)
        secret = re.sub(r"<[^>]+>|\s", "", shown.group(1)) if shown else ""
        if not re.fullmatch(r"[A-Z2-7]+", secret):
            raise RuntimeError("no two-step enrolment page after signing in: " + page.text[:500])
        answer = self.post("/account/two-factor", code=code(secret))
        if answer.status_code not in (200, 303):
            raise RuntimeError(f"two-step enrolment answered {answer.status_code}")
        return self
