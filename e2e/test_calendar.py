"""Journeys on the staff calendar: the front desk books by clicking a free time and finding the client by typing a
few letters (results as they type, chosen by mouse or keyboard); a cancellation asks first, with a reason and what
it costs. The booking form without script (its Find button) is covered by the Swift tests."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from flows import add_therapist, set_up_booking, set_up_clinic
from pages import fill, follow, replaced, settled, submit, visit


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


def click(browser, element):
    """Clicks `element` as a person would and waits for the page it opens."""
    page = browser.find_element(By.TAG_NAME, "html")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    WebDriverWait(browser, 15).until(replaced(page))
    settled(browser)


def live_results(browser, client):
    """The search box's matches as they appear under it, once `client` is among them."""
    def shown(driver):
        options = driver.find_elements(By.CSS_SELECTOR, "#client-search-results [role=option]")
        return options if any(o.is_displayed() and o.text.startswith(client) for o in options) else False
    return WebDriverWait(browser, 10).until(shown)


def book_at(browser, time, search, client, keyboard=False):
    """Clicks the free time, types `search` into the client box, chooses `client` from the live results (with the
    arrow keys and Enter when `keyboard`, else by clicking it) and books."""
    click(browser, free_time(browser, time))
    assert "Theo Therapist" in browser.find_element(By.ID, "booking-summary").text
    assert "Ben Beta" not in browser.page_source, "no list of every client"
    box = browser.find_element(By.ID, "client-search")
    assert box.get_attribute("role") == "combobox"
    box.send_keys(search)
    options = live_results(browser, client)
    assert box.get_attribute("aria-expanded") == "true"
    wanted = next(i for i, o in enumerate(options) if o.text.startswith(client))
    if keyboard:
        for _ in range(wanted + 1):
            box.send_keys(Keys.ARROW_DOWN)
        assert box.get_attribute("aria-activedescendant") == options[wanted].get_attribute("id")
        box.send_keys(Keys.ENTER)
    else:
        options[wanted].click()
    assert browser.find_element(By.CSS_SELECTOR, "[data-picker-chosen]").text.startswith("Chosen: " + client)
    assert browser.find_element(By.CSS_SELECTOR, "input[name=client][data-picker-value]").get_attribute("value")
    assert box.get_attribute("aria-expanded") == "false", "the results close once a client is chosen"
    submit(browser, "Book")


@pytest.mark.axe
def test_front_desk_books_a_free_time_after_a_client_search(server, browser):
    base = server["base"]
    open_calendar_with_clients(browser, base)
    assert browser.find_elements(By.CSS_SELECTOR, ".cal-col"), "a column for the therapist"
    book_at(browser, "11:00", "alp", "Ada Alpha")
    assert "Booked for " in browser.find_element(By.CSS_SELECTOR, "[role=status]").text and "at 11:00 a.m." in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
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
    book_at(browser, "10:00", "416-555-0102", "Ben Beta", keyboard=True)
    visit(browser, browser.find_element(By.CSS_SELECTOR, ".cal-appt a").get_attribute("href"))
    assert "Ben Beta" in browser.find_element(By.ID, "appointment-facts").text
    follow(browser, "Cancel appointment…")
    assert "Cancel this appointment?" in browser.page_source
    assert "no late-cancellation fee applies" in browser.find_element(By.ID, "fee-message").text
    # Without a reason nothing happens.
    submit(browser, "Yes, cancel the appointment")
    assert "Choose why the appointment is cancelled." in browser.page_source
    follow(browser, "No, keep it")
    assert browser.find_element(By.ID, "appointment-status").text == "Booked"
    follow(browser, "Cancel appointment…")
    fill(browser, reason="client asked")
    submit(browser, "Yes, cancel the appointment")
    assert "Cancelled" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert not browser.find_elements(By.CSS_SELECTOR, ".cal-appt"), "a cancelled visit leaves the calendar"
    follow(browser, "Show cancelled")
    assert "Ben Beta" in browser.find_element(By.CSS_SELECTOR, ".cal-appt.cal-ghost").text


@pytest.mark.axe
def test_a_new_client_registered_from_a_booking_comes_back_to_it(server, browser):
    base = server["base"]
    open_calendar_with_clients(browser, base)
    click(browser, free_time(browser, "14:00"))
    summary = browser.find_element(By.ID, "booking-summary").text
    fill(browser, weeks="3")
    submit(browser, "New client")
    assert "you go back to the booking with them chosen" in browser.find_element(By.ID, "client-return").text
    fill(browser, firstName="Cam", lastName="Gamma", phone="416-555-0103")
    submit(browser, "Register")
    assert "Client registered" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert browser.find_element(By.ID, "booking-summary").text == summary, "the same therapist and time"
    assert browser.find_element(By.CSS_SELECTOR, "[data-picker-chosen]").text.startswith("Chosen: Cam Gamma")
    assert browser.find_element(By.NAME, "weeks").get_attribute("value") == "3", "what was typed before leaving is kept"
    submit(browser, "Book")
    assert "Booked 3 weekly visits: " in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "Cam Gamma" in browser.find_element(By.CSS_SELECTOR, ".cal-appt a").text


def test_typing_again_after_find_unchooses_the_match(server, browser):
    base = server["base"]
    open_calendar_with_clients(browser, base)
    click(browser, free_time(browser, "15:00"))
    browser.find_element(By.ID, "client-search").send_keys("alp")
    submit(browser, "Find")
    radio = browser.find_element(By.CSS_SELECTOR, "[data-picker-matches] input[name=client]")
    assert radio.is_selected(), "the one match is chosen"
    browser.find_element(By.ID, "client-search").send_keys("x")
    assert not radio.is_selected(), "typing again unchooses it"
    submit(browser, "Book")
    assert "Choose the client" in browser.find_element(By.ID, "client-search-error").text
