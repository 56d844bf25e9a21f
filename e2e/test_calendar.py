"""Journeys on the staff calendar: the front desk books by clicking a free time and finding the client by a search;
a cancellation asks first, with a reason and what it costs."""
import pytest
from selenium.webdriver.common.by import By

from flows import add_therapist, set_up_booking, set_up_clinic
from pages import fill, follow, submit, visit


def register_client(browser, base, **person):
    visit(browser, base + "/clients/new")
    fill(browser, **person)
    submit(browser, "Register")


def open_calendar_with_clients(browser, base):
    """A clinic with a therapist in every day, two clients, and the owner at the front desk on tomorrow's calendar."""
    set_up_clinic(browser, base)
    add_therapist(browser, base)
    set_up_booking(browser, base)
    register_client(browser, base, firstName="Ada", lastName="Alpha", email="ada@example.com", phone="416-555-0101")
    register_client(browser, base, firstName="Ben", lastName="Beta", email="ben@example.com", phone="416-555-0102")
    visit(browser, base + "/calendar")
    follow(browser, "Next day →")


def free_time(browser, time):
    """The free time at `time` ("11:00", 24-hour as in its address) in the grid."""
    found = browser.find_elements(By.CSS_SELECTOR, f".cal-free a[href*='time={time}']")
    assert found, f"no free time {time} on the calendar"
    return found[0]


def book_at(browser, base, time, search, client):
    visit(browser, free_time(browser, time).get_attribute("href"))
    assert "Theo Therapist" in browser.find_element(By.ID, "booking-summary").text
    assert "Ben Beta" not in browser.page_source, "no list of every client"
    fill(browser, q=search)
    submit(browser, "Find")
    choice = browser.find_element(By.XPATH, f"//fieldset[@id='client-choices']//label[starts-with(normalize-space(), '{client}')]")
    browser.find_element(By.ID, choice.get_attribute("for")).click()
    submit(browser, "Book")


@pytest.mark.axe
def test_front_desk_books_a_free_time_after_a_client_search(server, browser):
    base = server["base"]
    open_calendar_with_clients(browser, base)
    assert browser.find_elements(By.CSS_SELECTOR, ".cal-col"), "a column for the therapist"
    book_at(browser, base, "11:00", "alp", "Ada Alpha")
    assert "Booked." in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    block = browser.find_element(By.CSS_SELECTOR, ".cal-appt a")
    assert "Ada Alpha" in block.text and "11:00" in block.text
    # The time is taken now: no free time offered at 11:00, and the week shows the booking with Saturday and Sunday.
    assert not browser.find_elements(By.CSS_SELECTOR, ".cal-free a[href*='time=11:00']")
    follow(browser, "Week")
    heads = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".cal-week .cal-col h2")]
    assert len(heads) == 7 and heads[5].startswith("Sat") and heads[6].startswith("Sun"), heads
    # At 1280 px the whole week is on the screen, nothing to scroll sideways.
    size = browser.get_window_size()
    browser.set_window_size(1280, size["height"])
    scroll = browser.execute_script("const c = document.querySelector('.cal'); return [c.scrollWidth, c.clientWidth]")
    browser.set_window_size(size["width"], size["height"])
    assert scroll[0] <= scroll[1], f"the week is {scroll[0]} px wide in {scroll[1]} px"


@pytest.mark.axe
def test_a_cancel_asks_first_and_records_the_reason(server, browser):
    base = server["base"]
    open_calendar_with_clients(browser, base)
    # Two days ahead, so the cancellation is outside the 24-hour window whatever the time now.
    follow(browser, "Next day →")
    book_at(browser, base, "10:00", "416-555-0102", "Ben Beta")
    visit(browser, browser.find_element(By.CSS_SELECTOR, ".cal-appt a").get_attribute("href"))
    assert "Ben Beta" in browser.find_element(By.ID, "appointment-facts").text
    follow(browser, "Cancel appointment")
    assert "Cancel this appointment?" in browser.page_source
    assert "no late-cancellation fee applies" in browser.find_element(By.ID, "fee-message").text
    # Without a reason nothing happens.
    submit(browser, "Yes, cancel the appointment")
    assert "Choose why the appointment is cancelled." in browser.page_source
    follow(browser, "No, keep it")
    assert browser.find_element(By.ID, "appointment-status").text == "Booked"
    follow(browser, "Cancel appointment")
    fill(browser, reason="client asked")
    submit(browser, "Yes, cancel the appointment")
    assert "Cancelled" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert not browser.find_elements(By.CSS_SELECTOR, ".cal-appt"), "a cancelled visit leaves the calendar"
    follow(browser, "Show cancelled")
    assert "Ben Beta" in browser.find_element(By.CSS_SELECTOR, ".cal-appt.cal-ghost").text
