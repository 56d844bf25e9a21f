"""Journey: a client withdraws a consent from their portal on a phone. The portal asks first, on a page of its own
(a "No" keeps the consent), then says the consent is withdrawn and shows it so; the client's home is the portal."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from flows import book_as_new_client, open_clinic_for_booking
from pages import choose, follow, heading, replaced, settled, submit, visit
from test_intake import fill_intake


def consented_client(browser, base):
    """A client who booked online, filled the intake and signed the consent to treatment (not the gluteal one)."""
    open_clinic_for_booking(browser, base)
    browser.set_window_size(390, 844)
    book_as_new_client(browser, base, firstName="Ada", lastName="Alpha", email="ada@example.com", phone="416-555-0101")
    fill_intake(browser)
    follow(browser, "Next: consent to treatment")
    choose(browser, "agree", "yes")
    submit(browser, "Sign")


def treatment_consent(browser):
    return next(li for li in browser.find_elements(By.CSS_SELECTOR, ".consents li") if "assessment and treatment" in li.text)


def ask_to_withdraw(browser):
    link = treatment_consent(browser).find_element(By.CSS_SELECTOR, "a[href*='/withdraw']")
    page = browser.find_element(By.TAG_NAME, "html")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    WebDriverWait(browser, 15).until(replaced(page))
    settled(browser)


@pytest.mark.axe
def test_a_client_is_asked_before_withdrawing_a_consent(server, browser):
    base = server["base"]
    consented_client(browser, base)
    visit(browser, base + "/")
    assert browser.current_url.endswith("/me"), "a client's home is their portal"
    assert "Signed" in treatment_consent(browser).text

    ask_to_withdraw(browser)
    assert heading(browser) == "Withdraw your consent?"
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Consent to assessment and treatment, signed" in main
    assert "Your therapist will not assess or treat you until you sign it again." in main
    follow(browser, "No, keep my consent")
    assert "Signed" in treatment_consent(browser).text, "No keeps the consent"

    ask_to_withdraw(browser)
    submit(browser, "Yes, withdraw my consent")
    assert "Your consent is withdrawn." in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "Withdrawn" in treatment_consent(browser).text
    for word in ("API tokens", "Record withdrawal", "Chart notes"):
        assert word not in browser.page_source, word
