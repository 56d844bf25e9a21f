"""Journey: new clients book, fill the intake on a phone and consent; a client reporting cauda equina warning signs is
sent to emergency care and cannot book online; the therapist sees the triage on the chart."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from flows import book_as_new_client, open_clinic_for_booking, sign_out
from pages import choose, fill, follow, heading, submit


def answer_no_to_the_rest(browser):
    # Asked of the page at once: element lookups that find nothing would each wait out the implicit wait.
    unanswered = browser.execute_script(
        "return [...new Set([...document.querySelectorAll('input[type=radio][value=no]')].map(e => e.name))]"
        ".filter(n => !document.querySelector(`input[name='${n}']:checked`))")
    for name in unanswered:
        choose(browser, name, "no")


def on_page(browser, name):
    return browser.execute_script("return document.getElementsByName(arguments[0]).length > 0", name)


def fill_intake(browser, warning_signs=(), leg_sides="none"):
    """Every step, as a client on a phone; returns once the triage advice is showing."""
    follow(browser, "Start my intake")
    submit(browser, "Start")
    assert "Step 1 of" in browser.page_source
    fill(browser, dateOfBirth="1982-04-11", emergencyName="Sam Client")
    # Typed answers are saved as the client goes: a reload in the middle of the step keeps them.
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "autosave-status").text == "Saved")
    browser.refresh()
    assert browser.find_element(By.NAME, "emergencyName").get_attribute("value") == "Sam Client"
    fill(browser, emergencyPhone="416-555-0199")
    submit(browser, "Save and continue")

    assert heading(browser) == "Your health"
    choose(browser, "pregnant", "no")
    submit(browser, "Save and continue")

    assert heading(browser) == "Your back pain"
    choose(browser, "onset", "gradual")
    fill(browser, painStartedOn="2026-10-01")
    choose(browser, "legPain", "none" if leg_sides == "none" else "below-knee")
    choose(browser, "legSides", leg_sides)
    choose(browser, "medicallyAssessed", "no")
    submit(browser, "Save and continue")
    # The pain rating was missed: the problem is named beside it, and the answers given are still there.
    assert "Please choose an answer." in browser.find_element(By.ID, "painNow-error").text
    assert browser.find_element(By.NAME, "painStartedOn").get_attribute("value") == "2026-10-01"
    choose(browser, "painNow", "6")
    submit(browser, "Save and continue")

    for title in ("Nerves, bladder and bowel", "General health signs", "How your back behaves"):
        assert heading(browser) == title
        for sign in warning_signs:
            if on_page(browser, sign):
                choose(browser, sign, "yes")
        answer_no_to_the_rest(browser)
        submit(browser, "Save and continue")

    fill(browser, **{"psfs.activity.1": "Picking up my daughter"})
    choose(browser, "psfs.rating.1", "3")
    submit(browser, "Save and continue")
    assert heading(browser) == "Check your answers"
    assert "Picking up my daughter" in browser.page_source
    submit(browser, "Send my intake")


def test_intake_consent_and_emergency_triage(server, browser):
    base = server["base"]
    open_clinic_for_booking(browser, base)

    # A new client books from a phone, then fills the intake linked from their record.
    book_as_new_client(browser, base, firstName="Ada", lastName="Alpha", email="ada@example.com", phone="416-555-0101")
    assert browser.current_url.endswith("/me?booked=1")
    fill_intake(browser)
    assert heading(browser) == "Thank you, your intake is complete"
    follow(browser, "Next: consent to treatment")
    assert "Your right to stop" in browser.page_source
    choose(browser, "agree", "yes")
    submit(browser, "Sign")
    # Gluteal consent, signed with a finger on the pad.
    assert "gluteal" in heading(browser)
    pad = browser.find_element(By.CSS_SELECTOR, "canvas[data-signature]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", pad)
    ActionChains(browser).move_to_element_with_offset(pad, -80, 0).click_and_hold().move_by_offset(40, 20).move_by_offset(40, -25) \
        .move_by_offset(40, 15).release().perform()
    assert browser.find_element(By.ID, "signatureData").get_attribute("value").startswith("M")
    choose(browser, "agree", "yes")
    submit(browser, "Sign")
    assert "Your consent is recorded" in browser.page_source
    submit(browser, "Go to my record")
    consents = browser.find_element(By.CSS_SELECTOR, ".consents").text
    assert "Consent to assessment and treatment" in consents and "gluteal" in consents and "To sign" not in consents
    sign_out(browser)
    browser.delete_all_cookies()

    # A second client reports numbness in the saddle area and new bladder trouble.
    book_as_new_client(browser, base, day=5, firstName="Ben", lastName="Beta", email="ben@example.com", phone="416-555-0102")
    fill_intake(browser, warning_signs=("sign.saddle-numbness", "sign.bladder-dysfunction"), leg_sides="both")
    assert heading(browser) == "Please get emergency care now"
    advice = browser.find_element(By.ID, "triage-advice").text
    assert "Call 911" in advice and "numbness around my bottom" in advice and "passing or holding urine" in advice
    browser.get(base + "/book")
    assert "Online booking is paused" in browser.find_element(By.ID, "booking-blocked").text
    assert "See times" not in browser.page_source
    sign_out(browser)

    # The therapist is alerted on their start page and sees the triage on the chart.
    browser.get(base + "/login")
    fill(browser, email="theo@example.com", password="a temporary passphrase")
    submit(browser, "Sign in")
    assert "Intakes that need action today" in browser.page_source
    follow(browser, "Ben Beta")
    triage = browser.find_element(By.ID, "triage").text
    assert "emergency" in triage and "defer" in triage and "contraindicated" in triage
    assert browser.find_element(By.ID, "booking-paused").is_displayed()
