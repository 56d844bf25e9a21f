"""Backup drill: while bookings and signed notes keep arriving, `lumbar backup` copies the live SQLite database
(encrypted); the copy is restored into a new folder, a second server starts on it, and it must hold every record
acknowledged before the backup began: through its API (the same clients, booked times no longer offered) and in
its tables (the same appointments and signed notes), with integrity_check ok; and nothing in it that the live server
did not acknowledge."""
import os
import sqlite3
import sys
import tempfile
import time
from datetime import datetime

import requests

from lumbar import Server, cli
from workload import prepare


def api(server, token, path, **params):
    answer = requests.get(server.base + path, headers={"Authorization": f"Bearer {token}"}, params=params, timeout=30)
    answer.raise_for_status()
    return answer.json()


def main():
    live = Server()
    load = prepare(live)
    folder = tempfile.mkdtemp(prefix="lumbar-backup-")
    key, copy = os.path.join(folder, "backup.key"), os.path.join(folder, "lumbar.backup")
    cli("keygen", key)
    load.start()
    time.sleep(2)
    before, notes_before = load.acknowledged()
    live.cli("backup", copy, "--encrypt", key)
    during, _ = load.acknowledged()
    time.sleep(1)
    load.stop()
    everything, _ = load.acknowledged()
    clients_live = api(live, load.token, "/api/v1/clients")["clients"]
    live.stop()

    restored = Server(data=tempfile.mkdtemp(prefix="lumbar-restored-"))
    cli("restore", copy, "--decrypt", key, data=restored.data)
    restored.start()
    problems = []
    if api(restored, load.token, "/api/v1/clients")["clients"] != clients_live:
        problems.append("the restored server lists different clients")
    # A booked time must not be offered again by the restored server.
    for appointment in list(before.values())[:20]:
        day = appointment["start"][:10]
        slots = api(restored, load.token, "/api/v1/availability", serviceId=appointment["serviceId"], locationId=appointment["locationId"],
                    therapistId=appointment["therapistId"], **{"from": day, "to": day})["slots"]
        if any(datetime.fromisoformat(slot["start"]) == datetime.fromisoformat(appointment["start"]) for slot in slots):
            problems.append(f"the restored server offers {appointment['start']}, booked before the backup")
    restored.stop()

    db = sqlite3.connect(os.path.join(restored.data, "lumbar.sqlite"))
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    appointments = {row[0] for row in db.execute("SELECT id FROM appointments")}
    signed = dict(db.execute("SELECT id, subjective FROM visit_notes WHERE status = 'signed'").fetchall())
    db.close()
    missing = set(before) - appointments
    missing_notes = [note for note, marker in notes_before.items() if signed.get(note) != marker]
    invented = appointments - set(everything)
    print(f"backup drill: {len(before)} bookings and {len(notes_before)} signed notes acknowledged before the backup,"
          f" {len(during) - len(before)} bookings during it; restored copy has {len(appointments)} appointments"
          f" ({len(missing)} missing), {len(signed)} signed notes ({len(missing_notes)} missing), integrity_check: {integrity}")
    if integrity != "ok":
        problems.append(f"integrity_check says {integrity}")
    if missing or missing_notes:
        problems.append(f"{len(missing)} bookings and {len(missing_notes)} notes acknowledged before the backup are not in it")
    if invented:
        problems.append(f"{len(invented)} appointments in the copy were never acknowledged")
    if not before or not notes_before:
        problems.append("nothing was written before the backup, so the drill proved nothing")
    problems += load.errors
    for problem in problems:
        print("  problem:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
