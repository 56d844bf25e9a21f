"""Mail and invitations as another program reads them: a live server with a French-named clinic, location, service,
therapist and client books, moves and cancels an appointment and books and moves part of a weekly series; each message
it hands to sendmail is parsed with Python's `email` (default policy) and its invitation with `icalendar`, and the
therapist's feed is read the same way.

Every message must have a Date and a Message-ID (unique), headers that are 7-bit and decode to the accented names,
a Content-Transfer-Encoding on every part, CRLF and only CRLF at the ends of lines; every invitation one VEVENT with
the clinic as ORGANIZER and the client as ATTENDEE, the METHOD of its MIME type, SEQUENCE 0 when booked and one more
with each move, a CANCEL's above the last REQUEST's; the feed the same SEQUENCE as the last invitation sent."""
import email
import email.policy
import os
import re
import stat
import sys
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import requests

from lumbar import PASSWORD, Browser, Server

CLINIC = "Clinique Élan"
FROM = "rendezvous@clinique-elan.example"
SERVICE = "Massage thérapeutique"
LOCATION = "Salle Émeraude"
THERAPIST = "Léa Tremblay"
CLIENT = ("Zoë", "Bélanger")
CLIENT_EMAIL = "zoe@example.com"
ZONE = ZoneInfo("America/Toronto")

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)
    return condition


def capture(server):
    """Points the server at a sendmail that keeps each message in its own file, named in the order they came."""
    folder = os.path.join(server.data, "mail")
    os.makedirs(folder)
    script = os.path.join(server.data, "capture-sendmail")
    with open(script, "w") as f:
        f.write(f"#!/bin/sh\nname='{folder}'/$(date +%s%N)-$$\ncat > \"$name.part\" && mv \"$name.part\" \"$name.eml\"\n")
    os.chmod(script, os.stat(script).st_mode | stat.S_IEXEC)
    server.env.update(LUMBAR_SENDMAIL=script, LUMBAR_MAIL_FROM=FROM)
    return folder


def wait_for_mail(folder, count, timeout=90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".eml"))
        if len(names) >= count:
            return [open(os.path.join(folder, n), "rb").read() for n in names]
        time.sleep(0.5)
    raise RuntimeError(f"only {len(os.listdir(folder))} of {count} messages arrived in {timeout} s")


def post_form(browser, page, path, **form):
    browser.get(page)
    answer = browser.post(path, **form)
    if answer.status_code != 303:
        raise RuntimeError(f"POST {path} answered {answer.status_code}: {re.sub(r'<[^>]+>', ' ', answer.text)[:800]}")
    return answer


def set_up(server):
    """The clinic, its owner and therapist, a location, a service, working hours and a client, as people would enter them."""
    owner = Browser(server.base)
    owner.get("/setup")
    answer = owner.post("/setup", clinicName=CLINIC, address="12 rue Saint-Denis, Montréal", timeZone="America/Toronto", hstNumber="",
                        name="Émilie Côté", email="emilie@clinique-elan.example", password=PASSWORD)
    if answer.status_code != 303:
        raise RuntimeError(f"setup answered {answer.status_code}")
    owner.sign_in("emilie@clinique-elan.example")
    server.add_therapist("lea@clinique-elan.example", name=THERAPIST)
    api = {"Authorization": "Bearer " + server.token("emilie@clinique-elan.example")}
    therapist = requests.get(server.base + "/api/v1/me", timeout=10,
                             headers={"Authorization": "Bearer " + server.token("lea@clinique-elan.example")}).json()["id"]
    post_form(owner, "/scheduling", "/scheduling/locations", name=LOCATION, address="12 rue Saint-Denis, Montréal", timeZone="America/Toronto", rooms="")
    post_form(owner, "/scheduling", "/scheduling/services", serviceName=SERVICE, minutes="60", bufferMinutes="15", price="120", taxPercent="13",
              online="on", audience="any")
    location = next(l["id"] for l in requests.get(server.base + "/api/v1/locations", headers=api, timeout=10).json()["locations"] if l["name"] == LOCATION)
    service = next(s["id"] for s in requests.get(server.base + "/api/v1/services", headers=api, timeout=10).json()["services"] if s["name"] == SERVICE)
    # Every day 09:00-17:00, set as an integration would (the page's week grid is covered by the browser journeys).
    week = {day: {"shifts": [{"start": "09:00", "end": "17:00"}], "breaks": []}
            for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
    answer = requests.put(f"{server.base}/api/v1/staff/{therapist}/hours/{location}", json=week, headers=api, timeout=10)
    if answer.status_code >= 300:
        raise RuntimeError(f"PUT hours answered {answer.status_code}: {answer.text[:300]}")
    post_form(owner, "/clients/new", "/clients", firstName=CLIENT[0], lastName=CLIENT[1], email=CLIENT_EMAIL, phone="514-555-0101",
              emergencyContact="Marc Bélanger, 514-555-0102")
    client = requests.get(server.base + "/api/v1/clients", params={"q": CLIENT[1]}, headers=api, timeout=10).json()["clients"][0]["id"]
    return api, dict(clientId=client, serviceId=service, locationId=location, therapistId=therapist)


def at(day, hour):
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZONE).isoformat()


def call(server, api, path, body):
    answer = requests.post(server.base + path, json=body, headers=api, timeout=30)
    if answer.status_code not in (200, 201):
        raise RuntimeError(f"POST {path} answered {answer.status_code}: {answer.text[:300]}")
    return answer.json()


def check_message(raw):
    """One captured message: its headers, parts and line endings. Returns (subject, calendar or None)."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    expect(raw.count(b"\n") == raw.count(b"\r\n") and raw.count(b"\r") == raw.count(b"\r\n"), "a message mixes line endings")
    expect(all(byte < 128 for byte in head), "a header holds raw 8-bit text")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    expect(message["Date"] is not None and message["Date"].datetime is not None, "a message has no readable Date")
    expect(re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(message["Message-ID"] or "")) is not None, f"bad Message-ID {message['Message-ID']!r}")
    to = message["To"].addresses[0]
    expect((to.display_name, to.addr_spec) == (" ".join(CLIENT), CLIENT_EMAIL), f"To reads {to.display_name!r} <{to.addr_spec}>")
    sender = message["From"].addresses[0]
    expect((sender.display_name, sender.addr_spec) == (CLINIC, FROM), f"From reads {sender.display_name!r} <{sender.addr_spec}>")
    subject = str(message["Subject"])
    if any(ord(c) > 127 for c in subject):
        expect("=?" in head.decode("ascii", "replace"), "an accented subject is not an encoded word")
    calendar = None
    for part in message.walk():
        if part.is_multipart():
            continue
        expect(part["Content-Transfer-Encoding"] is not None, f"a {part.get_content_type()} part has no Content-Transfer-Encoding")
        payload = part.get_payload(decode=True)
        if any(byte > 127 for byte in payload):
            expect(part["Content-Transfer-Encoding"] in ("quoted-printable", "base64", "8bit"), "8-bit text under a 7bit label")
        if part.get_content_type() == "text/plain":
            expect(f"Hello {CLIENT[0]}," in part.get_content(), "the greeting does not read back with the accented name")
        if part.get_content_type() == "text/calendar":
            calendar = icalendar.Calendar.from_ical(payload)
            expect(str(calendar.get("METHOD")) == part.get_param("method"), "the MIME method differs from the calendar's METHOD")
    return subject, calendar


def check_invitation(calendar, subject):
    """One VEVENT naming the clinic and the client; returns (METHOD, UID, SEQUENCE)."""
    events = calendar.walk("VEVENT")
    expect(len(events) == 1, f"{subject!r}: {len(events)} VEVENTs in one invitation")
    event = events[0]
    organizer, attendee = event.get("ORGANIZER"), event.get("ATTENDEE")
    expect(organizer is not None and str(organizer).lower() == f"mailto:{FROM}" and organizer.params.get("CN") == CLINIC,
           f"{subject!r}: ORGANIZER is {organizer!r}")
    expect(attendee is not None and str(attendee).lower() == f"mailto:{CLIENT_EMAIL}" and attendee.params.get("CN") == " ".join(CLIENT),
           f"{subject!r}: ATTENDEE is {attendee!r}")
    expect(str(event.get("SUMMARY")).startswith(SERVICE), f"{subject!r}: SUMMARY {event.get('SUMMARY')!r}")
    return str(calendar.get("METHOD")), str(event.get("UID")), int(event.get("SEQUENCE"))


def main():
    server = Server()
    folder = capture(server)
    server.start()
    try:
        api, who = set_up(server)
        first = date.today() + timedelta(days=7)
        single = call(server, api, "/api/v1/appointments", dict(who, start=at(first, 10)))["appointments"][0]["id"]
        call(server, api, f"/api/v1/appointments/{single}/reschedule", {"start": at(first, 14)})
        call(server, api, f"/api/v1/appointments/{single}/cancel", {})
        series = [a["id"] for a in call(server, api, "/api/v1/appointments", dict(who, start=at(first + timedelta(days=1), 10), weeks=3))["appointments"]]
        call(server, api, f"/api/v1/appointments/{series[1]}/reschedule", {"start": at(first + timedelta(days=8), 15)})
        captured = wait_for_mail(folder, 7)
        sent = [check_message(raw) for raw in captured]
        ids = [str(email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]) for raw in captured]
        expect(len(set(ids)) == len(ids), "two messages share a Message-ID")

        invitations = {}
        for subject, calendar in sent:
            if expect(calendar is not None, f"{subject!r} has no invitation"):
                method, uid, sequence = check_invitation(calendar, subject)
                invitations.setdefault(uid, []).append((method, sequence, subject))
        uid = lambda appointment: f"{appointment}@lumbar"  # noqa: E731
        expect([m for m, _, _ in invitations.get(uid(single), [])] == ["REQUEST", "REQUEST", "CANCEL"],
               f"booked, moved, cancelled: {invitations.get(uid(single))}")
        sequences = [s for _, s, _ in invitations.get(uid(single), [])]
        expect(sequences[:2] == [0, 1] and len(sequences) == 3 and sequences[2] > sequences[1], f"SEQUENCE booked, moved, cancelled: {sequences}")
        expect([s for _, s, _ in invitations.get(uid(series[1]), [])] == [0, 1], f"the moved occurrence: {invitations.get(uid(series[1]))}")
        expect(all(len(invitations.get(uid(a), [])) >= 1 for a in series), "an occurrence of the series had no invitation of its own")
        subjects = [s for s, _ in sent]
        expect(f"Appointment confirmed: {SERVICE}" in subjects and f"Appointment confirmed: {SERVICE} (2 of 3)" in subjects,
               f"subjects read back as {subjects}")

        therapist = Browser(server.base).sign_in("lea@clinique-elan.example")
        therapist.get("/account")
        page = therapist.post("/account/calendar-feed")
        path = re.search(r"/feeds/[A-Za-z0-9_-]+\.ics", page.text).group(0)
        feed = icalendar.Calendar.from_ical(requests.get(server.base + path, timeout=10).content)
        in_feed = {str(e.get("UID")): int(e.get("SEQUENCE")) for e in feed.walk("VEVENT")}
        for appointment in series:
            expect(in_feed.get(uid(appointment)) == invitations[uid(appointment)][-1][1],
                   f"feed SEQUENCE {in_feed.get(uid(appointment))} for {appointment}, last sent {invitations[uid(appointment)][-1][1]}")
        expect(uid(single) not in in_feed, "the cancelled appointment is still in the feed")
        print(f"   {len(sent)} messages parsed; SEQUENCE booked/moved/cancelled {sequences}; feed {sorted(in_feed.values())}")
    finally:
        server.stop()
    for problem in problems:
        print("  problem:", problem)
    return not problems


if __name__ == "__main__":
    ok = main()
    print("mail:", "ok" if ok else "FAILED")
    sys.exit(0 if ok else 1)
