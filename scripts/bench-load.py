"""HTTP and durable-write figures (issue 8), on a release build and a demo clinic of 2,000 clients and 20,000
appointments, all against one server in one run:

- wrk on loopback: a trivial route (/health), the availability endpoint (a week, anyone free) and a chart page (a
  client's record with five signed visit notes, as their therapist); throughput of each as a ratio of the trivial
  route's, and p99 latency; also the cheapest API call and a light signed-in page, what any such request costs;
- durable writes: bookings per second through the API (SQLite, WAL, full sync), as a ratio of a raw sqlite3 loop
  doing one insert per transaction in the same folder;
- resident memory idle, and its peak over all of the above.

Usage: bash scripts/bench-load.sh (builds, then runs this)."""
import os
import re
import sqlite3
import subprocess
import sys
import time
import uuid
from datetime import date, datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("LUMBAR_BINARY", os.path.join(ROOT, ".build", "release", "lumbar"))
sys.path.insert(0, os.path.join(ROOT, "checks"))

import requests  # noqa: E402

from lumbar import Browser, Server  # noqa: E402
from workload import client_ids, slots_for, therapist_id  # noqa: E402

SECONDS = int(os.environ.get("LUMBAR_BENCH_SECONDS", "10"))
CONNECTIONS = 8


def memory(pid, field):
    """VmRSS (now) or VmHWM (peak) of a process, in MB."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def wrk(url, headers=(), script=None):
    """Runs wrk for SECONDS; returns (requests per second counting only 2xx/3xx answers, p99 in ms)."""
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"(\d+) requests in", output).group(1))
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    seconds = float(re.search(r"requests in ([\d.]+)s", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return (total - (int(failed.group(1)) if failed else 0)) / seconds, float(p99.group(1)) * scale


def raw_sqlite_inserts(folder, seconds=5):
    """The floor a durable write sits on: one INSERT per transaction, WAL and full sync, as the server configures."""
    db = sqlite3.connect(os.path.join(folder, "raw.sqlite"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE rows (id TEXT PRIMARY KEY, client_id TEXT NOT NULL, starts_at INTEGER NOT NULL, created_at INTEGER NOT NULL)")
    count, started = 0, time.time()
    while time.time() - started < seconds:
        db.execute("BEGIN")
        db.execute("INSERT INTO rows VALUES (?, ?, ?, ?)", (uuid.uuid4().hex, "client", count, int(time.time() * 1000)))
        db.execute("COMMIT")
        count += 1
    rate = count / (time.time() - started)
    db.close()
    return rate


def back_to_back(slots, turnover=timedelta(minutes=15)):
    """Of the offered start times (every 15 minutes), those that can all be booked: per therapist, in order."""
    chosen, free_from = [], {}
    for slot in sorted(slots, key=lambda s: (s["therapistId"], s["start"])):
        start, end = datetime.fromisoformat(slot["start"]), datetime.fromisoformat(slot["end"])
        if slot["therapistId"] not in free_from or start >= free_from[slot["therapistId"]]:
            chosen.append(slot)
            free_from[slot["therapistId"]] = end + turnover
    return chosen


def booking_script(folder, token, bodies):
    """A wrk script that posts each booking body once, in turn (one wrk thread, so one Lua state)."""
    with open(os.path.join(folder, "bodies.txt"), "w") as f:
        f.write("\n".join(bodies) + "\n")
    script = os.path.join(folder, "book.lua")
    with open(script, "w") as f:
        f.write(f"""
local bodies = {{}}
for line in io.lines("{folder}/bodies.txt") do bodies[#bodies + 1] = line end
local next_body = 0
request = function()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/api/v1/appointments",
    {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {token}"}}, bodies[next_body])
end
""")
    return script


def main():
    server = Server()
    started = time.time()
    output = server.cli("demo", "--clients", "2000", "--appointments", "20000")
    print(f"demo clinic: {output.splitlines()[0]} ({time.time() - started:.1f} s)")
    password = re.search(r"password (\S+)", output).group(1)
    token = server.token("demo-owner@example.com")
    server.start()
    time.sleep(2)
    pid = server.process.pid
    idle = memory(pid, "VmRSS")

    headers = {"Authorization": f"Bearer {token}"}
    therapists = [therapist_id(server, f"demo-therapist-{n}@example.com") for n in range(10)]
    clients = client_ids(server, token)
    location = requests.get(server.base + "/api/v1/locations", headers=headers, timeout=10).json()["locations"][0]["id"]
    service = requests.get(server.base + "/api/v1/services", headers=headers, timeout=10).json()["services"][0]["id"]

    # The chart: a client of the first therapist, with five signed visit notes.
    # Thirty-two months of free times (about 49,000 bookings): enough that the booking run does not run out.
    slots = [slot for after in range(2, 2 + 16 * 61, 61) for slot in slots_for(server, token, therapists, days=60, after=after)]
    client = clients[0]
    mine = [slot for slot in slots if slot["therapistId"] == therapists[0]]
    while requests.post(server.base + "/api/v1/appointments", headers=headers, timeout=10, json={
            "clientId": client, "serviceId": service, "locationId": location, "therapistId": therapists[0],
            "start": mine.pop()["start"]}).status_code != 201:
        pass
    browser = Browser(server.base).sign_in("demo-therapist-0@example.com", password)
    for visit in range(5):
        draft = browser.post(f"/clients/{client}/visits")
        browser.post(draft.headers["Location"], painNow=str(6 - visit), subjective="Low back sore after gardening, easing.",
                     objective="Guarded lumbar flexion.", plan="Swedish and myofascial release; review in a week.", go="sign")
    cookie = "Cookie: lumbar_session=" + browser.session.cookies["lumbar_session"]
    assert browser.get(f"/clients/{client}").status_code == 200

    # The demo clinic is fully booked for the next 30 days; a week after that has free times to compute.
    week = date.today() + timedelta(days=35)
    availability = (f"{server.base}/api/v1/availability?serviceId={service}&locationId={location}"
                    f"&from={week.isoformat()}&to={(week + timedelta(days=6)).isoformat()}")
    assert requests.get(availability, headers=headers, timeout=10).status_code == 200

    trivial = wrk(server.base + "/health")
    # What any signed-in request costs before it does its own work: the cheapest API call (token checked, a few fields
    # of JSON) and a light page (session read, the layout and a short form rendered).
    api_floor = wrk(server.base + "/api/v1/me", headers=[f"Authorization: Bearer {token}"])
    page_floor = wrk(server.base + "/account", headers=[cookie])
    available = wrk(availability, headers=[f"Authorization: Bearer {token}"])
    chart = wrk(f"{server.base}/clients/{client}", headers=[cookie])

    # Durable writes: free times that do not overlap one another (each therapist's day filled in order), each
    # booked once, so every request can succeed. The first therapist's times are left out: one was booked above.
    bodies = ['{"clientId": "%s", "serviceId": "%s", "locationId": "%s", "therapistId": "%s", "start": "%s"}'
              % (clients[(n * 7) % len(clients)], service, location, slot["therapistId"], slot["start"])
              for n, slot in enumerate(back_to_back([slot for slot in slots if slot["therapistId"] != therapists[0]]))]
    bookings = wrk(server.base + "/api/v1/appointments", script=booking_script(server.data, token, bodies))
    booked = bookings[0] * SECONDS
    raw = raw_sqlite_inserts(server.data)
    peak = memory(pid, "VmHWM")
    server.stop()

    print(f"wrk: 1 thread, {CONNECTIONS} connections, {SECONDS} s per route, loopback, release build")
    print(f"  {'route':<34} {'requests/s':>11} {'ratio':>6} {'p99':>9}")
    for name, (rate, p99) in (("GET /health (trivial)", trivial), ("GET /api/v1/me (cheapest API call)", api_floor),
                              ("GET /account (a light page)", page_floor), ("GET /api/v1/availability (7 days)", available),
                              ("GET /clients/ID (chart page)", chart)):
        print(f"  {name:<34} {rate:>11,.0f} {rate / trivial[0]:>6.2f} {p99:>7.1f}ms")
    print(f"  availability / cheapest API call: {available[0] / api_floor[0]:.2f}; chart / light page: {chart[0] / page_floor[0]:.2f}")
    print(f"durable writes: {bookings[0]:,.0f} bookings/s through the API (p99 {bookings[1]:.1f} ms, {booked:,.0f} booked of"
          f" {len(bodies):,} offered times); raw sqlite3 loop {raw:,.0f} inserts/s; ratio {bookings[0] / raw:.2f}")
    print(f"memory: {idle:.0f} MB resident idle, {peak:.0f} MB peak under the load above")
    if booked >= len(bodies):
        print("warning: every offered time was booked before the run ended; use fewer seconds", file=sys.stderr)


if __name__ == "__main__":
    main()
