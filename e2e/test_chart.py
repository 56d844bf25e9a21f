"""Journey: the therapist opens a client's chart between clients: the header answers at a glance (triage, consent,
plan, pain, next visit, balance), every section is one tap from the row at the top, and nothing scrolls sideways
on a phone. After a signed visit note the pain score is in the header."""
import pytest
from selenium.webdriver.common.by import By

from flows import book_as_new_client, open_clinic_for_booking, sign_out
from pages import choose, fill, follow, submit, visit
from test_intake import fill_intake
from test_program import sign_in

SECTIONS = ["Overview", "Visits", "Plan", "Home program", "Outcomes", "Documents", "Billing"]


def fact(browser, name):
    return browser.find_element(By.ID, "fact-" + name).text


def no_sideways_scroll(browser):
    widths = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the chart is {widths[0]} px wide in a {widths[1]} px window"


@pytest.mark.axe
def test_chart_header_and_sections(server, browser):
    base = server["base"]
    open_clinic_for_booking(browser, base)
    book_as_new_client(browser, base, firstName="Ada", lastName="Alpha", email="ada@example.com", phone="416-555-0101")
    fill_intake(browser)
    sign_out(browser)

    sign_in(browser, base, "theo@example.com", "a temporary passphrase")
    visit(browser, base + "/clients")
    follow(browser, "Ada Alpha")

    # At a glance, before the client walks in.
    assert fact(browser, "triage"), "the referral urgency and treatment decision"
    assert "missing: assessment and treatment" in fact(browser, "consent"), "no consent signed yet"
    assert "none yet" in fact(browser, "plan")
    assert "not rated" in fact(browser, "pain")
    assert browser.booked_on and " · Massage, 60 minutes with Theo Therapist" in fact(browser, "next")
    assert "nothing owing" in fact(browser, "balance")
    assert browser.find_element(By.XPATH, "//button[normalize-space()='Start a visit note']").is_displayed()
    assert browser.find_element(By.ID, "triage").is_displayed()

    # Each section is one tap from any other, marked as the one shown, the header above it.
    for label in SECTIONS[1:] + SECTIONS[:1]:
        follow(browser, label)
        current = browser.find_element(By.CSS_SELECTOR, ".chart-nav a[aria-current=page]")
        assert current.text == label
        assert browser.find_element(By.ID, "fact-pain").is_displayed()
    follow(browser, "Visits")
    assert "No visit notes yet." in browser.find_element(By.ID, "visit-notes").text
    follow(browser, "Documents")
    assert browser.find_element(By.ID, "documents-link").get_attribute("href").endswith("/documents")
    follow(browser, "Billing")
    assert "Massage, 60 minutes" in browser.find_element(By.ID, "appointments").text

    # On a 390 px phone nothing scrolls sideways, on any section.
    size = browser.get_window_size()
    browser.set_window_size(390, size["height"])
    for label in SECTIONS:
        follow(browser, label)
        no_sideways_scroll(browser)
    browser.set_window_size(size["width"], size["height"])

    # A signed visit note puts today's pain in the header, and on the list of visits.
    submit(browser, "Start a visit note")
    choose(browser, "painNow", "5")
    fill(browser, subjective="Stiff after a long drive.", plan="Weekly for four weeks.")
    submit(browser, "Sign and lock")
    follow(browser, "Back to the chart")
    assert "5/10" in fact(browser, "pain") and "the first rated visit" in fact(browser, "pain")
    follow(browser, "Visits")
    assert "pain 5/10" in browser.find_element(By.ID, "visit-notes").text
