"""Journey: the therapist opens the appointment from the calendar, sees the intake's triage, marks the body chart,
writes and signs a SOAP note and amends it, records the payment and prints a one-page receipt; the client
downloads their record."""
import base64
import os
import re
import sqlite3
import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from flows import book_as_new_client, open_clinic_for_booking, sign_out
from pages import choose, fill, follow, heading, replaced, submit
from test_intake import fill_intake
from test_program import sign_in


def arrive_now(data):
    """Moves the one booked visit to start a minute ago, keeping its length and turnover."""
    db = sqlite3.connect(os.path.join(data, "lumbar.sqlite"))
    start = int(time.time() * 1000) - 60_000
    with db:
        db.execute("""UPDATE appointments SET ends_at = ? + (ends_at - starts_at), occupied_until = ? + (occupied_until - starts_at),
                      starts_at = ? WHERE status = 'booked'""", (start, start, start))
    db.close()


def ada_books_and_consents(browser, base):
    """A clinic open for booking, and Ada booked with Theo, her intake sent and treatment consented; signed out."""
    open_clinic_for_booking(browser, base)
    book_as_new_client(browser, base, firstName="Ada", lastName="Alpha", email="ada@example.com", phone="416-555-0101")
    fill_intake(browser)
    follow(browser, "Next: consent to treatment")
    choose(browser, "agree", "yes")
    submit(browser, "Sign")
    sign_out(browser)


def test_visit_charted_billed_and_downloaded(server, browser):
    base = server["base"]
    ada_books_and_consents(browser, base)

    # The visit's day comes: a client is marked arrived only on it. The journey runs on the machine's clock, so the visit
    # is brought to this minute rather than the clock to the visit.
    assert browser.booked_on, "the booking page's day links carry their date"
    arrive_now(server["data"])

    # The therapist finds the appointment on today's calendar and marks the arrival.
    sign_in(browser, base, "theo@example.com", "a temporary passphrase")
    browser.get(base + "/calendar")
    assert "Ada Alpha" in browser.page_source
    # The appointment's block on the calendar opens its page, where the arrival is marked.
    block = browser.find_element(By.CSS_SELECTOR, ".cal-appt a")
    page = browser.find_element(By.TAG_NAME, "html")
    block.click()
    WebDriverWait(browser, 15).until(replaced(page))
    submit(browser, "Arrived")
    assert "Marked arrived." in browser.page_source
    follow(browser, "Ada Alpha")
    assert "Intake and triage" in browser.page_source and browser.find_element(By.ID, "triage").is_displayed()

    # A SOAP note: pain, what the client says, a region tapped on the body chart, a technique, the plan.
    submit(browser, "Start a visit note")
    choose(browser, "painNow", "5")
    fill(browser, subjective="Stiff after a long drive.", plan="Weekly for four weeks.")
    # The body chart: choose the kind and strength, then tap the region; it lights up at once.
    choose(browser, "tool", "tension")
    browser.find_element(By.ID, "strength").send_keys(Keys.RIGHT, Keys.RIGHT)
    region = browser.find_element(By.CSS_SELECTOR, "g[data-region='lumbar-left']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", region)
    region.click()
    assert browser.find_element(By.ID, "mark-lumbar-left").get_attribute("value") == "tension"
    assert browser.find_element(By.ID, "intensity-lumbar-left").get_attribute("value") == "7"
    assert "Left low back: tension 7 marked." in browser.find_element(By.ID, "chart-status").text
    choose(browser, "technique", "swedish")
    fill(browser, **{"technique-swedish-minutes": "45"})
    submit(browser, "Sign and lock")
    assert browser.find_element(By.ID, "note-status").text == "signed"
    assert "Stiff after a long drive." in browser.page_source

    # An amendment keeps the original and says why.
    submit(browser, "Amend this note")
    fill(browser, amendReason="Drive was two hours, not one", subjective="Stiff after a two-hour drive.")
    submit(browser, "Sign and lock")
    assert "Drive was two hours, not one" in browser.find_element(By.ID, "amendments-heading").find_element(By.XPATH, "..").text
    assert "Stiff after a long drive." in browser.page_source, "the original stays as written"

    # The plan for the episode, started from the client's activities and the assessment.
    follow(browser, "Back to the chart")
    follow(browser, "Treatment plan")
    submit(browser, "Save plan")
    assert "Current plan (version 1)" in browser.page_source, browser.find_element(By.TAG_NAME, "main").text[:1500]
    follow(browser, "Back to the chart")

    # Payment and a receipt that prints on one page.
    follow(browser, "Payments and receipts")
    submit(browser, "Record payment")
    assert browser.find_element(By.ID, "total-owed").text == "$0.00"
    submit(browser, "Issue receipt")
    assert "Ada Alpha" in browser.find_element(By.ID, "receipt-client").text and "registration R12345" in browser.page_source
    pdf = base64.b64decode(browser.print_page())
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    # On a 390 px phone the receipt fits the screen: nothing to scroll sideways.
    size = browser.get_window_size()
    browser.set_window_size(390, size["height"])
    widths = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    browser.set_window_size(size["width"], size["height"])
    assert widths[0] <= widths[1], f"the receipt is {widths[0]} px wide in a {widths[1]} px window"
    browser.get(base + "/")
    sign_out(browser)

    # The client downloads their record.
    sign_in(browser, base, "ada@example.com", "a long enough passphrase")
    browser.get(base + "/me")
    assert browser.find_elements(By.CSS_SELECTOR, "#my-receipts a"), "the receipt is on the client's record"
    assert browser.find_element(By.LINK_TEXT, "Download my record as a data file").get_attribute("href").endswith("/me/record.json")
    # What the download link fetches (a download itself does not show in the page).
    record = browser.execute_script("return fetch('/me/record.json').then(r => r.text())")
    assert '"client":"Ada Alpha"' in record and "Stiff after a two-hour drive." in record

    # The same record for another health system: a FHIR R4 bundle that validates against the official definitions.
    bundle = browser.execute_script("return fetch('/me/record.fhir.json').then(r => r.text())")
    checked = subprocess.run([os.environ["LUMBAR_FHIR_PYTHON"], os.path.join(os.path.dirname(__file__), "fhir_validate.py")],
                             input=bundle, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr[-2000:]
    for resource in ("CarePlan", "Consent", "Encounter", "Observation", "Patient", "Practitioner", "QuestionnaireResponse"):
        assert resource in checked.stdout.split(), (resource, checked.stdout)
