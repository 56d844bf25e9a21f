"""Crash durability: bookings (API) and signed visit notes (pages) are driven at a live server, which is killed with
SIGKILL mid-load several times and restarted. Afterwards every write the server acknowledged (201 for a booking,
303 after signing) must be in the database, no two booked appointments of a therapist may overlap, and SQLite's
`PRAGMA integrity_check` must say ok. With LUMBAR_TEST_POSTGRES_URL set, the same is done on PostgreSQL."""
import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from datetime import date, timedelta
from urllib.parse import urlsplit, urlunsplit

import requests

from lumbar import Browser, Server

KILLS = int(os.environ.get("LUMBAR_CRASH_KILLS", "5"))
WORKERS = 4


class Load:
    """Workers that book and sign until told to stop; what the server acknowledged is recorded."""

    def __init__(self, server, token, slots, note_clients, browser):
        self.server, self.token, self.browser = server, token, browser
        self.slots, self.note_clients = slots, note_clients
        self.lock = threading.Lock()
        self.bookings, self.notes = {}, {}
        self.unanswered = 0
        self.running = False

    def take_slot(self):
        with self.lock:
            return self.slots.pop() if self.slots else None

    def book(self, http, client_id, slot):
        body = {"clientId": client_id, "serviceId": slot["serviceId"], "locationId": slot["locationId"],
                "therapistId": slot["therapistId"], "start": slot["start"]}
        answer = http.post(self.server.base + "/api/v1/appointments", json=body, timeout=10,
                           headers={"Authorization": f"Bearer {self.token}"})
        if answer.status_code == 201:
            with self.lock:
                for appointment in answer.json()["appointments"]:
                    self.bookings[appointment["id"]] = appointment
        elif answer.status_code not in (409, 422):
            raise RuntimeError(f"booking answered {answer.status_code}: {answer.text[:300]}")

    def sign_note(self, client_id):
        """A draft, then the signed note; only the 303 after signing counts as acknowledged."""
        draft = self.browser.post(f"/clients/{client_id}/visits")
        if draft.status_code != 303:
            raise RuntimeError(f"starting a visit note answered {draft.status_code}")
        path = urlsplit(draft.headers["Location"]).path
        marker = "crash-check " + uuid.uuid4().hex
        signed = self.browser.post(path, painNow="4", subjective=marker, plan="Reassess next visit.", go="sign")
        if signed.status_code != 303:
            raise RuntimeError(f"signing answered {signed.status_code}: {signed.text[:300]}")
        with self.lock:
            self.notes[path.rsplit("/", 1)[1]] = marker

    def worker(self, index, clients):
        http = requests.Session()
        while self.running:
            try:
                if index == 0:
                    self.sign_note(random.choice(self.note_clients))
                else:
                    slot = self.take_slot()
                    if slot is None:
                        return
                    self.book(http, random.choice(clients), slot)
            except requests.RequestException:
                # The server died under this request: its outcome is unknown, and either outcome is allowed.
                with self.lock:
                    self.unanswered += 1
                time.sleep(0.05)

    def run_and_kill(self, clients, kills):
        for round_number in range(kills):
            self.running = True
            threads = [threading.Thread(target=self.worker, args=(i, clients)) for i in range(WORKERS)]
            for thread in threads:
                thread.start()
            time.sleep(random.uniform(1.5, 3.0))
            self.server.kill()
            self.running = False
            for thread in threads:
                thread.join(timeout=30)
            print(f"   kill {round_number + 1}: {len(self.bookings)} bookings and {len(self.notes)} signed notes acknowledged so far,"
                  f" {self.unanswered} requests cut off")
            self.server.start()


def slots_for(server, token, therapists, days=60):
    """Free times for the given therapists over the next `days` days, shuffled."""
    headers = {"Authorization": f"Bearer {token}"}
    location = requests.get(server.base + "/api/v1/locations", headers=headers, timeout=10).json()["locations"][0]["id"]
    service = requests.get(server.base + "/api/v1/services", headers=headers, timeout=10).json()["services"][0]["id"]
    first = date.today() + timedelta(days=2)
    found = []
    for therapist in therapists:
        answer = requests.get(server.base + "/api/v1/availability", headers=headers, timeout=30, params={
            "serviceId": service, "locationId": location, "therapistId": therapist,
            "from": first.isoformat(), "to": (first + timedelta(days=days)).isoformat()})
        answer.raise_for_status()
        found += [dict(slot, serviceId=service, locationId=location) for slot in answer.json()["slots"]]
    random.shuffle(found)
    return found


def therapist_id(server, email):
    token = server.token(email)
    return requests.get(server.base + "/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10).json()["id"]


def client_ids(server, token):
    answer = requests.get(server.base + "/api/v1/clients", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    return [client["id"] for client in answer.json()["clients"]]


def drive(server):
    """Seeds, loads and kills the server; returns the load with what was acknowledged."""
    output = server.cli("demo", "--clients", "30", "--appointments", "0")
    password = re.search(r"password (\S+)", output).group(1)
    token = server.token("demo-owner@example.com")
    server.start()
    therapists = [therapist_id(server, f"demo-therapist-{n}@example.com") for n in range(10)]
    clients = client_ids(server, token)
    slots = slots_for(server, token, therapists)
    # The first therapist writes the notes. One booking with her for each of ten clients puts her in their care.
    mine = [slot for slot in slots if slot["therapistId"] == therapists[0]]
    browser = Browser(server.base).sign_in("demo-therapist-0@example.com", password)
    load = Load(server, token, [slot for slot in slots if slot["therapistId"] != therapists[0]], clients[:10], browser)
    http = requests.Session()
    for client, slot in zip(clients[:10], mine):
        load.book(http, client, slot)
    load.run_and_kill(clients, KILLS)
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
    return bool(intact and not lost_bookings and not lost_notes and overlaps == 0 and load.bookings and load.notes)


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
