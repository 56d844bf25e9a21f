"""Crash durability: bookings (API) and signed visit notes (pages) are driven at a live server, which is killed with
SIGKILL mid-load several times and restarted. Afterwards every write the server acknowledged (201 for a booking,
303 after signing) must be in the database, no two booked appointments of a therapist may overlap, and SQLite's
`PRAGMA integrity_check` must say ok. With LUMBAR_TEST_POSTGRES_URL set, the same is done on PostgreSQL."""
import os
import random
import sqlite3
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

import requests

from lumbar import Server
from workload import prepare

KILLS = int(os.environ.get("LUMBAR_CRASH_KILLS", "5"))


def drive(server):
    """Loads the server and kills it KILLS times, restarting it each time; returns the load."""
    load = prepare(server)
    for round_number in range(KILLS):
        load.start()
        time.sleep(random.uniform(1.5, 3.0))
        server.kill()
        load.stop()
        print(f"   kill {round_number + 1}: {len(load.bookings)} bookings and {len(load.notes)} signed notes acknowledged so far,"
              f" {load.unanswered} requests cut off")
        server.start()
    # The last restart must serve again, with everything still there.
    assert requests.get(server.base + "/health", timeout=10).status_code == 200
    server.stop()
    return load


def check_sqlite():
    server = Server()
    load = drive(server)
    db = sqlite3.connect(os.path.join(server.data, "lumbar.sqlite"))
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    stored = {row[0] for row in db.execute("SELECT id FROM appointments")}
    signed = dict(db.execute("SELECT id, subjective FROM visit_notes WHERE status = 'signed'").fetchall())
    overlaps = db.execute(OVERLAPS).fetchone()[0]
    db.close()
    return report("SQLite", load, integrity == "ok", stored, signed, overlaps, integrity)


OVERLAPS = """
    SELECT COUNT(*) FROM appointments a JOIN appointments b ON a.therapist_id = b.therapist_id AND a.id < b.id
    WHERE a.status NOT IN ('cancelled', 'late-cancelled') AND b.status NOT IN ('cancelled', 'late-cancelled')
      AND a.starts_at < b.occupied_until AND b.starts_at < a.occupied_until"""


def check_postgres(url):
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    target = urlunsplit(parts._replace(path="/lumbar_crash"))
    for statement in ("DROP DATABASE IF EXISTS lumbar_crash", "CREATE DATABASE lumbar_crash"):
        subprocess.run(["psql", "-q", admin, "-c", statement], check=True, capture_output=True)
    server = Server(database_url=target)
    load = drive(server)

    def query(sql):
        return subprocess.run(["psql", "-At", "-F", "|", target, "-c", sql], check=True, capture_output=True, text=True).stdout.splitlines()
    stored = set(query("SELECT id FROM appointments"))
    signed = dict(line.split("|", 1) for line in query("SELECT id, subjective FROM visit_notes WHERE status = 'signed'"))
    overlaps = int(query(OVERLAPS)[0])
    return report("PostgreSQL", load, True, stored, signed, overlaps, "not applicable (PostgreSQL checks its own pages)")


def report(engine, load, intact, stored, signed, overlaps, integrity):
    lost_bookings = set(load.bookings) - stored
    lost_notes = [note for note, marker in load.notes.items() if signed.get(note) != marker]
    print(f"{engine}: {KILLS} kills; {len(load.bookings)} acknowledged bookings, {len(lost_bookings)} missing;"
          f" {len(load.notes)} acknowledged signed notes, {len(lost_notes)} missing; {overlaps} overlaps; integrity_check: {integrity}")
    for error in load.errors:
        print("  problem:", error)
    return bool(intact and not lost_bookings and not lost_notes and overlaps == 0 and load.bookings and load.notes and not load.errors)


def main():
    ok = check_sqlite()
    url = os.environ.get("LUMBAR_TEST_POSTGRES_URL")
    if url:
        ok = check_postgres(url) and ok
    else:
        print("PostgreSQL: skipped (LUMBAR_TEST_POSTGRES_URL is not set)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
