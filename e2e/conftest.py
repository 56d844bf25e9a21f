"""Shared fixtures for browser journeys: a fresh Lumbar server and a headless Chromium."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("LUMBAR_BINARY", os.path.join(ROOT, ".build", "debug", "lumbar"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server():
    """A Lumbar server on an empty SQLite database; mail lands in a file instead of being sent."""
    data = tempfile.mkdtemp(prefix="lumbar-e2e-")
    outbox = os.path.join(data, "outbox.txt")
    sendmail = os.path.join(data, "sendmail")
    with open(sendmail, "w") as f:
        f.write(f"#!/bin/sh\ncat >> '{outbox}'\necho '----' >> '{outbox}'\n")
    os.chmod(sendmail, 0o755)
    port = free_port()
    env = dict(os.environ, LUMBAR_SENDMAIL=sendmail, LUMBAR_PUBLIC_URL=f"http://127.0.0.1:{port}")
    log = open(os.path.join(data, "server.log"), "w")
    process = subprocess.Popen([BINARY, "serve", "--data", data, "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError("server did not start: " + open(os.path.join(data, "server.log")).read())
    yield {"base": base, "data": data, "outbox": outbox}
    process.terminate()
    process.wait(timeout=10)


def pytest_configure(config):
    config.addinivalue_line("markers", "axe: check every page the journey reaches with axe-core 4 at 1280 and 390 px")


@pytest.fixture()
def browser(request):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=412,915"):
        options.add_argument(flag)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(5)
    driver.axe_on = request.node.get_closest_marker("axe") is not None
    driver.axe_seen, driver.axe_failures, driver.axe_pages = set(), [], []
    yield driver
    driver.quit()
    if driver.axe_on:
        assert driver.axe_pages, "the journey is marked for axe-core but reached no page through pages.visit/submit/follow"
        assert not driver.axe_failures, "axe-core found serious or critical violations:\n" + "\n".join(driver.axe_failures)
