"""Journey: a client's portal on a phone. A new client books online and sees the price with tax, signs in again later,
finds the appointment in their portal, adds it to their calendar, books a second visit, moves the first to another
free time, cancels the second (after being asked), and finds their forms, home program, receipts and record."""
import pytest
from selenium.webdriver.common.by import By

from flows import open_clinic_for_booking, sign_out
from pages import fill, follow, heading, submit, visit
from test_program import sign_in

PASSWORD = "a long enough passphrase"
PRICE = "$135.60 (includes $15.60 HST)"


def pick_time(browser, day):
    """From the times page: the `day`-th day of the strip, then its first free time; returns the time's label."""
    days = browser.find_elements(By.CSS_SELECTOR, "nav.days a")
    follow(browser, days[day].text)
    times = browser.find_elements(By.CSS_SELECTOR, "ul.times a")
    assert times, "the therapist is in every day, so there are times"
    chosen = times[0].text
    assert chosen.endswith(("a.m.", "p.m.")), chosen
    follow(browser, chosen)
    return chosen


def appointments(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#appointments > li")


@pytest.mark.axe
def test_a_clients_portal_on_a_phone(server, browser):
    base = server["base"]
    open_clinic_for_booking(browser, base)
    browser.set_window_size(390, 844)

    # Booking from the phone: the price is what the client will pay, tax included, and times read as 9:00 a.m.
    visit(browser, base + "/book")
    assert PRICE in browser.find_element(By.TAG_NAME, "main").text
    submit(browser, "See times")
    assert "America/Toronto" not in browser.page_source
    first = pick_time(browser, 4)
    assert heading(browser) == "4. Confirm"
    assert browser.find_element(By.ID, "price").text == PRICE + ", paid at the clinic"
    fill(browser, firstName="Ada", lastName="Alpha", email="ada@example.com", phone="416-555-0101", password=PASSWORD)
    submit(browser, "Book this time")
    assert browser.current_url.endswith("/me?booked=1")
    sign_out(browser)

    # Later, the client signs in and finds the appointment in their portal.
    sign_in(browser, base, "ada@example.com", PASSWORD)
    visit(browser, base + "/me")
    assert heading(browser) == "Hello, Ada"
    listed = appointments(browser)
    assert len(listed) == 1 and first in listed[0].text and "Massage, 60 minutes with Theo Therapist" in listed[0].text
    page = browser.page_source
    for word in ("Chart notes", "API tokens", "the client's first name", "No notes yet", "America/Toronto"):
        assert word not in page, word

    # Add to calendar: the link answers with a calendar file.
    link = browser.find_element(By.LINK_TEXT, "Add to calendar").get_attribute("href")
    kind = browser.execute_async_script(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text().then(t => done([r.headers.get('content-type'), t])))", link)
    assert kind[0].startswith("text/calendar") and "BEGIN:VEVENT" in kind[1], kind[0]

    # A second visit, booked again with the same therapist.
    follow(browser, "Book again with Theo Therapist")
    second = pick_time(browser, 6)
    submit(browser, "Book this time")
    assert len(appointments(browser)) == 2

    # The first moves to another free time, chosen from the same booking pages.
    follow(browser, "Change")
    assert heading(browser) == "Choose a new time"
    assert first in browser.find_element(By.TAG_NAME, "main").text, "the present time is named"
    moved = pick_time(browser, 9)
    assert heading(browser) == "Confirm the new time"
    submit(browser, "Move to this time")
    assert "Your appointment has moved." in browser.page_source
    assert moved in appointments(browser)[1].text or moved in appointments(browser)[0].text

    # Cancelling asks first and says that it is free this far ahead.
    href = appointments(browser)[0].find_element(By.LINK_TEXT, "Cancel").get_attribute("href")
    visit(browser, href)
    assert heading(browser) == "Cancel this appointment?"
    assert "Cancelling is free" in browser.find_element(By.ID, "no-fee").text
    follow(browser, "No, keep my appointment")
    assert len(appointments(browser)) == 2, "keeping it changes nothing"
    visit(browser, href)
    submit(browser, "Yes, cancel it")
    assert "Your appointment is cancelled." in browser.page_source
    assert len(appointments(browser)) == 1
    assert "Cancelled" in browser.find_element(By.ID, "past-appointments").text

    # Forms, home program, receipts and record, in the client's words.
    forms = browser.find_element(By.ID, "forms").text
    assert "Health intake" in forms and "To fill in" in forms
    assert browser.find_element(By.LINK_TEXT, "Start my intake")
    assert "You sign your consent to treatment right after your intake." in browser.page_source
    assert browser.find_element(By.ID, "program-heading") and browser.find_element(By.LINK_TEXT, "My program")
    assert "No receipts yet" in browser.find_element(By.ID, "receipts-heading").find_element(By.XPATH, "..").text
    assert browser.find_element(By.ID, "note-count").text == "No visit notes yet."
    follow(browser, "View or print my record")
    assert "Appointments" in browser.page_source
    # Nothing on the portal is wider than the phone.
    visit(browser, base + "/me")
    widths = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    assert second
