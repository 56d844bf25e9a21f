"""axe-core 4 checks for browser journeys: every page a marked journey reaches is checked at desktop and phone widths.

axe-core comes from the axe-playwright-python wheel on PyPI (downloaded once into .build/axe); axe-selenium-python
bundles axe 3, whose rules differ. A journey marked `@pytest.mark.axe` fails at its end if any page it reached had a
serious or critical violation; the report names the page, the width, the rule and the first offending elements."""
import glob
import os
import subprocess
import sys
import zipfile
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(ROOT, ".build", "axe")
WIDTHS = (1280, 390)
_source = None


def source():
    global _source
    if _source is None:
        found = glob.glob(os.path.join(CACHE, "**", "axe.min.js"), recursive=True)
        if not found:
            os.makedirs(CACHE, exist_ok=True)
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", CACHE, "axe-playwright-python"], check=True)
            for wheel in glob.glob(os.path.join(CACHE, "*.whl")):
                zipfile.ZipFile(wheel).extractall(os.path.join(CACHE, "unpacked"))
            found = glob.glob(os.path.join(CACHE, "**", "axe.min.js"), recursive=True)
        if not found:
            raise RuntimeError("no axe.min.js in the axe-playwright-python wheel")
        _source = open(found[0], encoding="utf-8").read()
    return _source


def violations(driver):
    """axe-core's serious and critical violations on the page as it is now."""
    driver.execute_script(source())
    found = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return [v for v in found if v.get("impact") in ("serious", "critical")]


def check(driver):
    """Checks the current page once per distinct path at each width, when the journey asked for it."""
    if not getattr(driver, "axe_on", False):
        return
    key = (urlparse(driver.current_url).path, driver.title)
    if key in driver.axe_seen:
        return
    driver.axe_seen.add(key)
    size = driver.get_window_size()
    try:
        for width in WIDTHS:
            driver.set_window_size(width, size["height"])
            for v in violations(driver):
                targets = ", ".join(str(n.get("target")) for n in v.get("nodes", [])[:3])
                driver.axe_failures.append(f"{key[0]} ({key[1]}) at {width}px: {v['impact']} {v['id']}: {v.get('help', '')} [{targets}]")
    finally:
        driver.set_window_size(size["width"], size["height"])
    driver.axe_pages.append(key[0])
