"""Journey: a fresh server, clinic setup, the owner enrols and signs in with a code, adds a therapist."""
import time

from selenium.webdriver.common.by import By

from flows import accept_invitation
from pages import fill, follow, heading, submit
from totp import code

OWNER = {"email": "olive@example.com", "password": "correct horse battery"}


def test_setup_owner_totp_and_first_therapist(server, browser):
    base = server["base"]
    browser.get(base + "/")
    assert browser.current_url.endswith("/setup")
    assert heading(browser) == "Welcome to Lumbar"

    # A mistake is shown beside its field and nothing typed is lost.
    fill(browser, clinicName="Spine & Ease", address="12 King St W, Toronto", name="Olive Owner",
         email=OWNER["email"], password="short")
    submit(browser, "Create the clinic")
    assert "Use at least 12 characters." in browser.find_element(By.ID, "password-error").text
    assert browser.find_element(By.NAME, "clinicName").get_attribute("value") == "Spine & Ease"

    fill(browser, password=OWNER["password"])
    submit(browser, "Create the clinic")
    assert "/login" in browser.current_url

    # First sign-in: the owner must set up a code app before anything else.
    fill(browser, **OWNER)
    submit(browser, "Sign in")
    assert browser.current_url.endswith("/account/two-factor")
    secret = browser.find_element(By.ID, "totp-secret").text
    fill(browser, code=code(secret))
    submit(browser, "Turn on two-step sign-in")
    codes = browser.find_elements(By.CSS_SELECTOR, "#recovery-codes li")
    assert len(codes) == 10

    # Sign out, then in again with password and a fresh code.
    submit(browser, "Sign out Olive Owner")
    assert browser.current_url.endswith("/login")
    fill(browser, **OWNER)
    submit(browser, "Sign in")
    assert browser.current_url.endswith("/login/code")
    fill(browser, code=code(secret))
    submit(browser, "Continue")
    assert heading(browser) == "Hello, Olive Owner"

    # Invite a therapist; a missing College number is caught first.
    follow(browser, "Staff")
    fill(browser, name="Theo Therapist", email="theo@example.com", role="therapist")
    submit(browser, "Send invitation")
    assert "College registration number" in browser.find_element(By.ID, "collegeRegistration-error").text
    fill(browser, collegeRegistration="R12345")
    submit(browser, "Send invitation")
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "#staff li")]
    assert any("Theo Therapist" in row and "R12345" in row and "invited" in row for row in rows)

    # The therapist chooses a password from the emailed link, then signs in (two-step is optional for them).
    submit(browser, "Sign out Olive Owner")
    accept_invitation(browser, base, "theo@example.com", "a temporary passphrase")
    fill(browser, email="theo@example.com", password="a temporary passphrase")
    submit(browser, "Sign in")
    assert heading(browser) == "Hello, Theo Therapist"
