"""Journey: a therapist's Today, and the front desk's. A clinic (made by `lumbar demo` and `lumbar user add`) with a
therapist and clients booked today: Cy with no intake, Ben whose intake was triaged emergency, Ada with intake and
consent done but no written gluteal consent for a plan that treats the gluteal area; and Dee tomorrow. The
therapist signs in and lands on Today: the clients in time order with what each needs; "Start note" opens the note.
The front desk signs in to their Today: marks Cy arrived, sees what Cy owes, and marks Dee confirmed.

The day's records are written straight into the database: the journey runs on the machine's real clock, at any
hour, and what it tests is Today, not booking or the intake (their own journeys cover them)."""
import os
import sqlite3
import subprocess
import time as clock
import urllib.request
import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By

from conftest import BINARY, free_port
from flows import demo_with_staff
from pages import fill, heading, submit, visit

PASSWORD = "a temporary passphrase"


def seed(data):
    """The demo clinic, Theo and Fran, four clients and their records for today and tomorrow."""
    db, zone, theo, location, (service, minutes, buffer) = demo_with_staff(data, PASSWORD)
    now = int(clock.time() * 1000)
    today = datetime.now(zone).date()

    def client(first, last, phone):
        found = str(uuid.uuid4())
        db.execute("INSERT INTO clients (id, first_name, last_name, email, phone, emergency_contact, created_at) VALUES (?, ?, ?, ?, ?, '', ?)",
                   (found, first, last, f"{first.lower()}@example.com", phone, now))
        db.execute("INSERT INTO care_assignments (therapist_id, client_id, created_at) VALUES (?, ?, ?)", (theo, found, now))
        return found

    def book(client_id, day, hour, minute=0):
        start = int(datetime.combine(today + timedelta(days=day), time(hour, minute), zone).timestamp() * 1000)
        db.execute("INSERT INTO appointments (id, client_id, therapist_id, location_id, service_id, starts_at, ends_at, occupied_until, status, "
                   "booked_by, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?)",
                   (str(uuid.uuid4()), client_id, theo, location, service, start, start + minutes * 60_000, start + (minutes + buffer) * 60_000,
                    theo, now, now))

    def intake(client_id, urgency):
        found = str(uuid.uuid4())
        db.execute("INSERT INTO intakes (id, client_id, answers, step, created_at, updated_at, submitted_at, input_json, result_json, urgency, decision) "
                   "VALUES (?, ?, '{}', 'review', ?, ?, ?, '{}', '{}', ?, ?)",
                   (found, client_id, now, now, now, urgency, "defer" if urgency == "emergency" else "proceed"))
        return found

    cy, ben, ada, dee = client("Cy", "Gamma", "416-555-0103"), client("Ben", "Beta", "416-555-0102"), client("Ada", "Alpha", "416-555-0101"), \
        client("Dee", "Delta", "416-555-0104")
    book(cy, 0, 9)
    book(ben, 0, 10, 30)
    book(ada, 0, 12)
    book(dee, 1, 10)
    intake(ben, "emergency")
    episode = intake(ada, "routine")
    db.execute("INSERT INTO consents (id, client_id, kind, intake_id, text_version, text_body, signer_name, signature, signature_data, at) "
               "VALUES (?, ?, 'treatment', ?, '1', 'I agree to assessment and treatment.', 'Ada Alpha', 'typed', 'Ada Alpha', ?)",
               (str(uuid.uuid4()), ada, episode, now))
    db.execute("INSERT INTO treatment_plans (id, client_id, intake_id, version, goals, techniques, areas, pressure, frequency, visits, reassess_on, "
               "created_by, created_at) VALUES (?, ?, ?, 1, 'Garden again', 'swedish||1|', 'lumbar-left,gluteal-left', 'moderate', 'once a week', 6, ?, ?, ?)",
               (str(uuid.uuid4()), ada, episode, (today + timedelta(days=28)).isoformat(), theo, now))
    db.commit()
    db.close()


@pytest.fixture()
def clinic():
    """A seeded clinic's server, as conftest's `server` starts one."""
    import tempfile
    data = tempfile.mkdtemp(prefix="lumbar-e2e-today-")
    seed(data)
    port = free_port()
    log = open(os.path.join(data, "server.log"), "w")
    process = subprocess.Popen([BINARY, "serve", "--data", data, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            clock.sleep(0.2)
    yield {"base": base, "data": data}
    process.terminate()
    process.wait(timeout=10)


def sign_in(browser, base, email):
    visit(browser, base + "/login")
    fill(browser, email=email, password=PASSWORD)
    submit(browser, "Sign in")


@pytest.mark.axe
def test_a_therapists_today_and_the_front_desks(clinic, browser):
    base = clinic["base"]
    sign_in(browser, base, "theo@example.com")
    assert "Your clients today" in browser.page_source, "the therapist lands on Today"
    cards = browser.find_elements(By.CSS_SELECTOR, ".today-visit")
    assert [card.find_element(By.TAG_NAME, "h3").text for card in cards] == ["Cy Gamma", "Ben Beta", "Ada Alpha"], "in time order"
    assert [card.find_element(By.CSS_SELECTOR, ".today-time").text for card in cards] == ["9:00 a.m.", "10:30 a.m.", "12:00 p.m."]
    badges = [card.find_element(By.CSS_SELECTOR, ".today-badges").text for card in cards]
    assert "No intake yet" in badges[0]
    assert "Emergency triage, not cleared" in badges[1]
    assert "Gluteal consent missing" in badges[2] and "intake" not in badges[2].lower() and "treatment" not in badges[2].lower()
    assert "Dee Delta" not in browser.page_source, "tomorrow's client is not on today's list"

    submit(browser, "Start note for Ada Alpha")
    assert heading(browser) == "Visit note: Ada Alpha"
    visit(browser, base + "/")
    assert "Continue note" in browser.find_elements(By.CSS_SELECTOR, ".today-visit")[2].text
    submit(browser, "Sign out Theo Therapist")

    # The front desk's Today: arrivals, what is owed, tomorrow's unconfirmed; no clinical detail.
    sign_in(browser, base, "fran@example.com")
    assert "Arriving today" in browser.page_source
    text = browser.find_element(By.TAG_NAME, "main").text.lower()
    for word in ("triage", "emergency", "consent", "note", "reassess", "gluteal"):
        assert word not in text, word
    assert "Nothing owed from today's visits." in browser.page_source
    submit(browser, "Mark arrived: Cy Gamma")
    assert "Marked arrived." in browser.page_source
    owing = browser.find_element(By.CSS_SELECTOR, ".today-owing").text
    assert "Cy Gamma" in owing and "$135.60" in owing
    unconfirmed = browser.find_element(By.ID, "unconfirmed-heading").find_element(By.XPATH, "..").text
    assert "Dee Delta" in unconfirmed and "416-555-0104" in unconfirmed
    submit(browser, "Mark confirmed: Dee Delta")
    assert "Marked confirmed." in browser.page_source
    assert "Every visit tomorrow is confirmed" in browser.page_source
