"""Steps several journeys share: a clinic set up by its owner, with staff and booking set-up."""
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.by import By

from pages import fill, follow, submit
from totp import code

OWNER = {"email": "olive@example.com", "password": "correct horse battery"}


def set_up_clinic(browser, base):
    """Creates the clinic, signs the owner in and enrols two-step sign-in; returns the code app secret."""
    browser.get(base + "/setup")
    fill(browser, clinicName="Spine & Ease", address="12 King St W, Toronto", name="Olive Owner", **OWNER)
    submit(browser, "Create the clinic")
    fill(browser, **OWNER)
    submit(browser, "Sign in")
    secret = browser.find_element(By.ID, "totp-secret").text
    fill(browser, code=code(secret))
    submit(browser, "Turn on two-step sign-in")
    browser.get(base + "/")
    return secret


def add_therapist(browser, base, name="Theo Therapist", email="theo@example.com"):
    browser.get(base + "/staff")
    fill(browser, name=name, email=email, role="therapist", collegeRegistration="R12345", password="a temporary passphrase")
    submit(browser, "Add staff member")


def set_up_booking(browser, base):
    """One Toronto location, a 60-minute massage bookable online, the therapist in every day 09:00-17:00."""
    browser.get(base + "/scheduling")
    fill(browser, name="King Street", address="12 King St W, Toronto", timeZone="America/Toronto")
    submit(browser, "Add location")
    fill(browser, serviceName="Massage, 60 minutes", minutes="60", bufferMinutes="15", price="120.00", taxPercent="13")
    submit(browser, "Add service")
    for day in range(7):
        box = browser.find_element(By.ID, f"day{day}")
        if not box.is_selected():
            box.click()
    fill(browser, start="09:00", end="17:00")
    submit(browser, "Save hours")
    hours = browser.find_element(By.ID, "hours-h").find_element(By.XPATH, "..").text
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
