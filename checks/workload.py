"""A clinic's day, compressed: workers that book through the API and sign visit notes through the pages, recording
every write the server acknowledged, for the checks that then kill, copy or measure the server."""
import random
import re
import threading
import time
import uuid
from datetime import date, timedelta
from urllib.parse import urlsplit

import requests

from lumbar import Browser

WORKERS = 4


class Load:
    """Workers that book and sign until told to stop; what the server acknowledged is recorded."""

    def __init__(self, server, token, slots, clients, note_clients, browser):
        self.server, self.token, self.browser = server, token, browser
        self.slots, self.clients, self.note_clients = slots, clients, note_clients
        self.lock = threading.Lock()
        self.bookings, self.notes = {}, {}
        self.unanswered = 0
        self.errors = []
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
            return True
        if answer.status_code not in (409, 422):
            raise RuntimeError(f"booking answered {answer.status_code}: {answer.text[:300]}")
        return False

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

    def worker(self, index):
        http = requests.Session()
        while self.running:
            try:
                if index == 0:
                    self.sign_note(random.choice(self.note_clients))
                else:
                    slot = self.take_slot()
                    if slot is None:
                        return
                    self.book(http, random.choice(self.clients), slot)
            except requests.RequestException:
                # The server died under this request: its outcome is unknown, and either outcome is allowed.
                with self.lock:
                    self.unanswered += 1
                time.sleep(0.05)
            except Exception as error:  # noqa: BLE001 - any other surprise fails the check that runs the load
                with self.lock:
                    self.errors.append(f"worker {index}: {error}")
                return

    def start(self):
        self.running = True
        self.threads = [threading.Thread(target=self.worker, args=(i,)) for i in range(WORKERS)]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=30)

    def acknowledged(self):
        """Copies of what has been acknowledged so far: (bookings, notes)."""
        with self.lock:
            return dict(self.bookings), dict(self.notes)


def slots_for(server, token, therapists, days=60, after=2):
    """Free times for the given therapists over `days` days from `after` days ahead, shuffled."""
    headers = {"Authorization": f"Bearer {token}"}
    location = requests.get(server.base + "/api/v1/locations", headers=headers, timeout=10).json()["locations"][0]["id"]
    service = requests.get(server.base + "/api/v1/services", headers=headers, timeout=10).json()["services"][0]["id"]
    first = date.today() + timedelta(days=after)
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


def prepare(server):
    """Seeds a demo clinic, starts the server, signs a therapist in and returns a Load ready to start."""
    output = server.cli("demo", "--clients", "30", "--appointments", "0")
    password = re.search(r"password ([^\s,]+)", output).group(1)
    token = server.token("demo-owner@example.com")
    server.start()
    therapists = [therapist_id(server, f"demo-therapist-{n}@example.com") for n in range(10)]
    clients = client_ids(server, token)
    slots = slots_for(server, token, therapists)
    # The first therapist writes the notes. One booking with her for each of ten clients puts her in their care.
    mine = [slot for slot in slots if slot["therapistId"] == therapists[0]]
    browser = Browser(server.base).sign_in("demo-therapist-0@example.com", password)
    load = Load(server, token, [slot for slot in slots if slot["therapistId"] != therapists[0]], clients, clients[:10], browser)
    http = requests.Session()
    for client in clients[:10]:
        while not load.book(http, client, mine.pop()):
            pass
    return load


