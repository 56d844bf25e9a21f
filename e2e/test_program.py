"""Journey: the therapist prescribes a home program from the intake's suggestions, the client follows it on a phone
and logs two days, the therapist sees adherence; the handout prints on one page."""
import base64
import re

from selenium.webdriver.common.by import By

from flows import book_as_new_client, open_clinic_for_booking, sign_out
from pages import choose, fill, follow, heading, submit
from test_intake import fill_intake


def sign_in(browser, base, email, password):
    browser.get(base + "/login")
    fill(browser, email=email, password=password)
    submit(browser, "Sign in")


def test_program_prescribed_followed_and_printed(server, browser):
    base = server["base"]
    open_clinic_for_booking(browser, base)
    book_as_new_client(browser, base, firstName="Ada", lastName="Alpha", email="ada@example.com", phone="416-555-0101")
    fill_intake(browser)
    sign_out(browser)

    # The therapist starts from the suggestions: they are ticked already, so saving takes one click.
    sign_in(browser, base, "theo@example.com", "a temporary passphrase")
    browser.get(base + "/clients")
    follow(browser, "Ada Alpha")
    # The chart's Home program section, then the program itself.
    follow(browser, "Home program")
    follow(browser, "Prescribe a home program")
    ticked = [box.get_attribute("value") for box in browser.find_elements(By.CSS_SELECTOR, "input[name=include]:checked")]
    assert len(ticked) >= 4, ticked
    fill(browser, **{"item-stay-active-often": "a walk after lunch", "note": "Little and often beats a lot at once."})
    submit(browser, "Save program")
    assert "Saved." in browser.page_source
    assert len(browser.find_elements(By.CSS_SELECTOR, ".program-list li")) == len(ticked)
    sign_out(browser)

    # The client sees it on the phone, one item per screen, and logs yesterday and today.
    sign_in(browser, base, "ada@example.com", "a long enough passphrase")
    follow(browser, "My program")
    assert heading(browser) == "My home program"
    follow(browser, "Start, one at a time")
    picture = browser.find_element(By.CSS_SELECTOR, "img.picture")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", picture), "the picture loads"
    follow(browser, "Next")
    assert "2 of" in browser.page_source
    browser.get(base + "/me/program")
    fill(browser, day=browser.find_elements(By.CSS_SELECTOR, "#day option")[1].get_attribute("value"))
    choose(browser, "done", "partly")
    choose(browser, "pain", "5")
    submit(browser, "Save log")
    assert "Thank you for logging" in browser.page_source
    choose(browser, "done", "yes")
    choose(browser, "pain", "3")
    submit(browser, "Save log")
    assert "did it all on 1, some on 1" in browser.find_element(By.ID, "adherence-summary").text

    # The handout: every picture, on one printed page.
    browser.get(base + "/me/program/print")
    pictures = browser.find_elements(By.CSS_SELECTOR, ".cards img")
    assert len(pictures) == len(ticked)
    assert all(browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", p) for p in pictures)
    pdf = base64.b64decode(browser.print_page())
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the handout printed on {pages} pages"
    browser.get(base + "/me")
    sign_out(browser)

    # The therapist sees how it is going.
    sign_in(browser, base, "theo@example.com", "a temporary passphrase")
    browser.get(base + "/clients")
    follow(browser, "Ada Alpha")
    follow(browser, "Home program")
    assert "Home program diary" in browser.find_element(By.ID, "home-program-summary").text
    follow(browser, "Open the home program")
    summary = browser.find_element(By.ID, "adherence-summary").text
    assert "did it all on 1, some on 1" in summary and "Pain 5 → 3" in summary

    # A long program (one of every item) still prints on one page, every picture included.
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=include]"):
        standard = "-" not in box.get_attribute("value") or box.get_attribute("value") in (
            "cat-cow", "childs-pose", "hip-flexor-stretch", "posture-breaks", "lumbar-cushion", "cold-pack", "gentle-yoga", "stay-active")
        if standard != box.is_selected():
            browser.execute_script("arguments[0].click()", box)
    submit(browser, "Save program")
    browser.get(browser.current_url.split("?")[0] + "/print")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".cards img")) == 13
    pdf = base64.b64decode(browser.print_page())
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "thirteen items still fit one page"
