"""Journey: an owner from an empty clinic to the first bookable online slot. Two-step sign-in is enrolled by scanning
the QR code; the location's zone comes from the list; a therapist is invited by email and chooses a password; their
week mixes Mon-Fri 09:00-17:00 with a lunch break and Saturday 10:00-14:00, and both are kept."""
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By

from flows import OWNER, STAFF_PASSWORD, accept_invitation, sign_out
from pages import fill, follow, heading, settled, submit, visit
from qr import page_uri, qr_text
from totp import code


def value(browser, name):
    return browser.find_element(By.NAME, name).get_attribute("value")


@pytest.mark.axe
def test_owner_from_an_empty_clinic_to_the_first_online_booking(server, browser):
    base = server["base"]

    # First run: the clinic and its owner; the clinic's zone is chosen from a list, not typed.
    visit(browser, base + "/setup")
    assert browser.find_element(By.NAME, "timeZone").tag_name == "select"
    fill(browser, clinicName="Spine & Ease", address="12 King St W, Toronto", timeZone="America/Toronto", name="Olive Owner", **OWNER)
    submit(browser, "Create the clinic")
    fill(browser, **OWNER)
    submit(browser, "Sign in")

    # Two-step sign-in by scanning: the decoded QR code is the key URI the page shows, and its secret makes the code.
    scanned = qr_text(browser)
    assert scanned == page_uri(browser) and scanned.startswith("otpauth://totp/")
    secret = parse_qs(urlparse(scanned).query)["secret"][0]
    fill(browser, code=code(secret))
    submit(browser, "Turn on two-step sign-in")

    # The owner's home says what to set up next.
    visit(browser, base + "/")
    checklist = browser.find_element(By.CSS_SELECTOR, "section.checklist").text
    assert "Set up online booking" in checklist and "Add a location" in checklist
    follow(browser, "Add a location")

    # A location, its zone picked from the list of IANA zones.
    assert heading(browser) == "Locations"
    zone = browser.find_element(By.NAME, "timeZone")
    assert zone.tag_name == "select" and zone.find_elements(By.CSS_SELECTOR, "option[value='Europe/London']")
    fill(browser, name="King Street", address="12 King St W, Toronto", timeZone="America/Toronto", rooms="Room 1")
    submit(browser, "Add location")
    assert "Location added." in browser.page_source
    assert "Eastern (Toronto" in browser.find_element(By.ID, "locations").text

    # A service clients can book online, shown with the price they pay.
    follow(browser, "Services")
    fill(browser, serviceName="Massage, 60 minutes", minutes="60", bufferMinutes="15", price="120.00", taxPercent="13")
    assert browser.find_element(By.ID, "online").is_selected()
    submit(browser, "Add service")
    assert "$135.60 with tax" in browser.find_element(By.ID, "services").text

    # A therapist, invited by email (no password typed by the owner).
    visit(browser, base + "/staff")
    fill(browser, name="Theo Therapist", email="theo@example.com", role="therapist", collegeRegistration="R12345")
    submit(browser, "Send invitation")
    assert "Invitation sent." in browser.page_source
    assert "invited, password not chosen yet" in browser.find_element(By.ID, "staff").text

    # Hours: Monday 09:00-17:00 with lunch, copied to Tuesday-Friday; Saturday 10:00-14:00; Sunday closed.
    visit(browser, base + "/scheduling/hours")
    assert "Theo Therapist at King Street" in heading_of_grid(browser)
    fill(browser, d0s1start="09:00", d0s1end="17:00", d0bstart="12:00", d0bend="12:30")
    browser.find_element(By.XPATH, "//button[normalize-space()='Copy Monday to Tue–Fri']").click()
    assert value(browser, "d4s1start") == "09:00" and value(browser, "d4bend") == "12:30"
    assert "Copied Monday to Tuesday, Wednesday, Thursday, Friday" in browser.find_element(By.ID, "copy-status").text
    settled(browser)
    fill(browser, d5s1start="10:00", d5s1end="14:00")
    submit(browser, "Save hours")
    notice = browser.find_element(By.CSS_SELECTOR, "[role=status], .notice").text
    assert "Mon–Fri 09:00–17:00 (break 12:00–12:30)" in notice, notice
    assert "Sat 10:00–14:00" in notice, "Saturday is kept beside the weekdays"

    # Both kept after a reload.
    visit(browser, browser.current_url)
    assert value(browser, "d0s1start") == "09:00" and value(browser, "d2bstart") == "12:00"
    assert value(browser, "d5s1start") == "10:00" and value(browser, "d5s1end") == "14:00"
    assert value(browser, "d6s1start") == ""
    stored = browser.find_element(By.ID, "hours").text
    assert "Mon–Fri 09:00–17:00 (break 12:00–12:30)" in stored and "Sat 10:00–14:00" in stored, stored

    # A refused save on a phone: the reason is beside the day, and reads whole inside the screen.
    size = browser.get_window_size()
    browser.set_window_size(390, 900)
    fill(browser, d1s1end="08:00")
    submit(browser, "Save hours")
    error = browser.find_element(By.ID, "d1s1end-error")
    assert error.is_displayed() and "before it starts" in error.text, error.text
    wide = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert wide[0] <= wide[1], f"the page is {wide[0]} px wide on a {wide[1]} px screen"
    browser.set_window_size(size["width"], size["height"])

    # The home page: the checklist ends with "You can take online bookings now", linking to /book.
    visit(browser, base + "/")
    assert "You can take online bookings now" in browser.find_element(By.CSS_SELECTOR, "section.checklist").text
    follow(browser, "Open your booking page")
    assert urlparse(browser.current_url).path == "/book"
    sign_out(browser)
    browser.delete_all_cookies()

    # The therapist follows the invitation, chooses a password and signs in.
    accept_invitation(browser, base, "theo@example.com", STAFF_PASSWORD)
    fill(browser, email="theo@example.com", password=STAFF_PASSWORD)
    submit(browser, "Sign in")
    assert heading(browser) in ("Hello, Theo Therapist", "Today")
    sign_out(browser)
    browser.delete_all_cookies()

    # A client on /book is offered a time.
    visit(browser, base + "/book")
    submit(browser, "See times")
    offered = browser.find_elements(By.CSS_SELECTOR, "ul.times a")
    for day in range(len(browser.find_elements(By.CSS_SELECTOR, "nav.days a"))):
        if offered:
            break
        follow(browser, browser.find_elements(By.CSS_SELECTOR, "nav.days a")[day].text)
        offered = browser.find_elements(By.CSS_SELECTOR, "ul.times a")
    assert offered, "the first bookable online slot is offered"


def heading_of_grid(browser):
    return browser.find_element(By.ID, "week-h").text
