"""Journey: a new client books online from a phone, gets the confirmation email, then cancels."""
import os
import time

from selenium.webdriver.common.by import By

from flows import book_as_new_client, open_clinic_for_booking, sign_out
from pages import fill, follow, heading, submit


def wait_for_mail(path, text, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if os.path.exists(path) and text in open(path).read():
            return open(path).read()
        time.sleep(0.5)
    raise AssertionError(f"no mail containing {text!r}")


def test_new_client_books_gets_confirmation_and_cancels(server, browser):
    base = server["base"]
    open_clinic_for_booking(browser, base)

    # A new client, on a phone, from the public booking page.
    browser.get(base + "/book")
    assert heading(browser) == "Book a massage"
    submit(browser, "See times")
    assert len(browser.find_elements(By.CSS_SELECTOR, "nav.days a")) == 14

    # Creating the account in the same step; a short password is caught first, nothing typed is lost.
    chosen = book_as_new_client(browser, base, firstName="Ada", lastName="Alpha", email="ada@example.com", phone="416-555-0101",
                                password="short")
    assert heading(browser) == "4. Confirm"
    assert "12 characters" in browser.find_element(By.ID, "password-error").text
    assert browser.find_element(By.NAME, "email").get_attribute("value") == "ada@example.com"
    fill(browser, password="a long enough passphrase")
    submit(browser, "Book this time")
    assert browser.current_url.endswith("/me?booked=1")
    assert "You're booked" in browser.page_source
    listed = browser.find_element(By.ID, "appointments").text
    assert chosen in listed and "Massage, 60 minutes" in listed

    mail = wait_for_mail(server["outbox"], "Appointment confirmed")
    assert "To: Ada Alpha <ada@example.com>" in mail
    assert "BEGIN:VCALENDAR" in mail and "METHOD:REQUEST" in mail

    follow(browser, "Cancel")
    assert heading(browser) == "Cancel this appointment?"
    submit(browser, "Yes, cancel it")
    assert "Your appointment is cancelled." in browser.page_source
    assert "Cancelled" in browser.find_element(By.ID, "past-appointments").text
    mail = wait_for_mail(server["outbox"], "Appointment cancelled")
    assert "METHOD:CANCEL" in mail
