"""Steps several journeys share: a clinic set up by its owner, with staff and booking set-up."""
import glob
import os
import quopri
import re
import sqlite3
import subprocess
import tempfile
import time
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By

from pages import fill, follow, submit, visit
from totp import code

OWNER = {"email": "olive@example.com", "password": "correct horse battery"}
# The password invited staff choose from their invitation in these journeys.
STAFF_PASSWORD = "a temporary passphrase"


def set_up_clinic(browser, base):
    """Creates the clinic, signs the owner in and enrols two-step sign-in; returns the code app secret."""
    browser.get(base + "/setup")
    fill(browser, clinicName="Spine & Ease", address="12 King St W, Toronto", name="Olive Owner", **OWNER)
    submit(browser, "Create the clinic")
    fill(browser, **OWNER)
    submit(browser, "Sign in")
    secret = browser.find_element(By.ID, "totp-secret").text.replace(" ", "")
    fill(browser, code=code(secret))
    submit(browser, "Turn on two-step sign-in")
    browser.get(base + "/")
    return secret


def invitation_link(base, email, seconds=30):
    """The newest one-time link the server at `base` mailed to `email`, read from its outbox file (quoted-printable
    decoded). The link starts with the server's own address, so another journey's outbox never matches."""
    pattern = re.compile(re.escape(base) + r"/welcome\?token=[A-Za-z0-9_-]+")
    deadline = time.time() + seconds
    while time.time() < deadline:
        outboxes = glob.glob(os.path.join(tempfile.gettempdir(), "lumbar-e2e-*", "outbox.txt"))
        for path in sorted(outboxes, key=os.path.getmtime, reverse=True):
            text = quopri.decodestring(open(path, "rb").read()).decode("utf-8", "replace")
            for message in reversed(text.split("\n----\n")):
                found = pattern.search(message)
                if found and email in message:
                    return found.group(0)
        time.sleep(0.5)
    raise AssertionError(f"no invitation for {email} from {base}")


def accept_invitation(browser, base, email, password=STAFF_PASSWORD):
    """Follows the invitation in this browser (choosing a password needs no sign-in; whoever is signed in stays)."""
    visit(browser, invitation_link(base, email))
    fill(browser, password=password)
    submit(browser, "Save my password")


def add_therapist(browser, base, name="Theo Therapist", email="theo@example.com", role="therapist"):
    """The owner invites a staff member, who chooses STAFF_PASSWORD from the emailed link; back on the owner's home."""
    visit(browser, base + "/staff")
    fields = {"collegeRegistration": "R12345"} if role == "therapist" else {}
    fill(browser, name=name, email=email, role=role, **fields)
    submit(browser, "Send invitation")
    accept_invitation(browser, base, email)
    visit(browser, base + "/")


def set_up_booking(browser, base):
    """One Toronto location, a 60-minute massage bookable online, the therapist in every day 09:00-17:00."""
    visit(browser, base + "/scheduling/locations")
    fill(browser, name="King Street", address="12 King St W, Toronto", timeZone="America/Toronto")
    submit(browser, "Add location")
    visit(browser, base + "/scheduling/services")
    fill(browser, serviceName="Massage, 60 minutes", minutes="60", bufferMinutes="15", price="120.00", taxPercent="13")
    submit(browser, "Add service")
    visit(browser, base + "/scheduling/hours")
    for day in range(7):
        fill(browser, **{f"d{day}s1start": "09:00", f"d{day}s1end": "17:00"})
    submit(browser, "Save hours")
    hours = browser.find_element(By.ID, "hours").text
    assert "Theo Therapist at King Street" in hours, hours


def sign_out(browser):
    button = browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button")
    submit(browser, button.text)


def book_as_new_client(browser, base, day=4, password="a long enough passphrase", **person):
    """From the public booking page: the first time on the `day`-th day, creating the client's account on confirm."""
    browser.get(base + "/book")
    submit(browser, "See times")
    days = browser.find_elements(By.CSS_SELECTOR, "nav.days a")
    browser.booked_on = parse_qs(urlparse(days[day].get_attribute("href")).query).get("day", [None])[0]
    follow(browser, days[day].text)
    times = browser.find_elements(By.CSS_SELECTOR, "ul.times a")
    assert times, "the therapist is in every day, so there are times"
    chosen = times[0].text
    follow(browser, chosen)
    fill(browser, password=password, **person)
    submit(browser, "Book this time")
    return chosen


def open_clinic_for_booking(browser, base):
    """A clinic with a therapist bookable online, and the owner signed out: where a new client arrives."""
    set_up_clinic(browser, base)
    add_therapist(browser, base)
    set_up_booking(browser, base)
    sign_out(browser)
    browser.delete_all_cookies()


def demo_with_staff(data, password):
    """The demo clinic with Theo (therapist, registration R12345) and Fran (front desk), written by the CLI; returns an
    open connection to its database, the clinic's zone, Theo's id, the location and the first service (id, minutes, buffer)."""
    from conftest import BINARY
    subprocess.run([BINARY, "demo", "--data", data, "--clients", "1", "--appointments", "0"], check=True, capture_output=True)
    for email, name, role in (("theo@example.com", "Theo Therapist", "therapist"), ("fran@example.com", "Fran Desk", "front-desk")):
        extra = ["--registration", "R12345"] if role == "therapist" else []
        subprocess.run([BINARY, "user", "add", "--data", data, "--email", email, "--name", name, "--role", role, "--password-stdin"] + extra,
                       input=password + "\n", text=True, check=True, capture_output=True)
    db = sqlite3.connect(os.path.join(data, "lumbar.sqlite"))
    zone = ZoneInfo(db.execute("SELECT time_zone FROM clinic").fetchone()[0])
    (theo,), = db.execute("SELECT id FROM accounts WHERE email = 'theo@example.com'").fetchall()
    (location,), = db.execute("SELECT id FROM locations LIMIT 1").fetchall()
    service = db.execute("SELECT id, minutes, buffer_minutes FROM services LIMIT 1").fetchone()
    return db, zone, theo, location, service

