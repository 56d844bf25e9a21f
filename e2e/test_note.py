"""Journey: a therapist writes a routine follow-up note in a handful of steps (copied from the last visit, one change
of pain, one tap on the body chart, signed), marks the chart by tap and by keyboard with its legend in view, keeps a
template of their own and fills a note from it, and is asked before leaving a note with a change not yet saved."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from pages import choose, fill, follow, replaced, submit
from test_program import sign_in
from test_visit import ada_books_and_consents


class Counted:
    """The therapist's clicks and typed groups, counted as the issue counts them: one per click or per run of typing."""

    def __init__(self, browser):
        self.browser = browser
        self.count = 0

    def click(self, element, waits=False):
        self.count += 1
        page = self.browser.find_element(By.TAG_NAME, "html")
        element.click()
        if waits:
            WebDriverWait(self.browser, 15).until(replaced(page))

    def button(self, label):
        self.click(self.browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']"), waits=True)

    def type(self, element, text):
        self.count += 1
        element.send_keys(text)


def region(browser, code):
    """A region of the body chart, scrolled to the middle of the window."""
    element = browser.find_element(By.CSS_SELECTOR, f"g[data-region='{code}']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    return element


def open_chart(browser, base):
    browser.get(base + "/clients")
    follow(browser, "Ada Alpha")


def test_follow_up_note_in_a_few_steps(server, browser):
    base = server["base"]
    ada_books_and_consents(browser, base)
    sign_in(browser, base, "theo@example.com", "a temporary passphrase")
    open_chart(browser, base)

    # The first visit, written in full.
    submit(browser, "Start a visit note")
    assert "nothing to copy yet" in browser.page_source
    choose(browser, "painNow", "6")
    fill(browser, subjective="Sore after moving house.", objective="Tight left quadratus lumborum.", plan="Weekly for four weeks.")
    choose(browser, "tool", "tension")
    region(browser, "lumbar-left").click()
    choose(browser, "technique", "swedish")
    browser.find_element(By.ID, "t-swedish-lumbar-left").click()
    fill(browser, **{"technique-swedish-minutes": "30"})
    submit(browser, "Sign and lock")
    assert browser.find_element(By.ID, "note-status").text == "signed"
    follow(browser, "Back to the chart")

    # A week later: copy forward, change the pain, tap one region, say what the client reports, sign.
    steps = Counted(browser)
    steps.button("Start a visit note")
    steps.button("Copy into this note")
    assert "Copied from the last visit" in browser.page_source
    widths = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the note is {widths[0]} px wide in a {widths[1]} px phone window"
    assert browser.find_element(By.ID, "plan").get_attribute("value") == "Weekly for four weeks."
    assert browser.find_element(By.ID, "mark-lumbar-left").get_attribute("value") == "tension"
    steps.click(browser.find_element(By.CSS_SELECTOR, "input[name='painNow'][value='3']"))
    steps.click(region(browser, "lumbar-right"))
    assert "Right low back: pain 5 marked." in browser.find_element(By.ID, "chart-status").text
    assert region(browser, "lumbar-right").find_elements(By.CSS_SELECTOR, "use[href='#symbol-pain']"), "the region lights up at once"
    steps.type(browser.find_element(By.ID, "subjective"), "Easier week; slept well.")
    steps.button("Sign and lock")
    assert browser.find_element(By.ID, "note-status").text == "signed", browser.find_element(By.TAG_NAME, "main").text[:800]
    assert steps.count <= 12, f"a routine follow-up took {steps.count} steps"
    signed = browser.find_element(By.CSS_SELECTOR, "article.signed-note").text
    assert "Weekly for four weeks." in signed and "Swedish massage: Left low back, moderate pressure, 30 min" in signed
    chart = browser.execute_script("return fetch(document.querySelector('article.signed-note img').src).then(r => r.text())")
    for label in ("Pain", "Tension", "Trigger point", "Numbness", "Tingling"):
        assert f">{label}</text>" in chart, f"the printed chart's legend names {label}"
    assert chart.count("href=\"#symbol-pain\"") == 2 and chart.count("href=\"#symbol-tension\"") == 2, "one of each marked, one of each in the legend"
    follow(browser, "Back to the chart")

    # A template of Theo's own, then a note filled from it.
    browser.get(base + "/note-templates")
    fill(browser, name="Quick follow-up", plan="Same program; reassess at visit 4.")
    choose(browser, "technique", "myofascial-release")
    browser.find_element(By.ID, "t-myofascial-release-sacrum").click()
    fill(browser, **{"technique-myofascial-release-minutes": "15"})
    submit(browser, "Add template")
    assert "Saved “Quick follow-up”." in browser.page_source
    open_chart(browser, base)
    submit(browser, "Start a visit note")
    fill(browser, subjective="Stiff this morning.", template=browser.find_element(By.CSS_SELECTOR, "#template option").get_attribute("value"))
    submit(browser, "Fill from template")
    assert "Filled from the template" in browser.page_source
    assert browser.find_element(By.ID, "subjective").get_attribute("value") == "Stiff this morning."
    assert browser.find_element(By.ID, "plan").get_attribute("value") == "Same program; reassess at visit 4."
    assert browser.find_element(By.ID, "t-myofascial-release").is_selected()
    assert browser.find_element(By.ID, "t-myofascial-release-sacrum").is_selected()

    # The keyboard marks the chart too: a region is a button.
    choose(browser, "tool", "numbness")
    region(browser, "thigh-posterior-left").send_keys(Keys.ENTER)
    assert browser.find_element(By.ID, "mark-thigh-posterior-left").get_attribute("value") == "numbness"
    # Tapping with areas of a ticked technique sets that technique's areas.
    choose(browser, "tool", "area:myofascial-release")
    region(browser, "lumbar-right").click()
    assert browser.find_element(By.ID, "t-myofascial-release-lumbar-right").is_selected()

    # Leaving asks first while a change is not yet saved (here the connection is down), and not once it is saved.
    leaving = "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"
    browser.execute_script("document.getElementById('autosave-status').textContent = '';")
    browser.find_element(By.ID, "objective").send_keys(" Softer today.")
    WebDriverWait(browser, 5).until(lambda driver: "Saved automatically at" in driver.find_element(By.ID, "autosave-status").text)
    assert not browser.execute_script(leaving), "everything is saved: leaving needs no question"
    browser.execute_script("window.fetch = function () { return new Promise(function () {}); };")
    browser.find_element(By.ID, "objective").send_keys(" Tender at L5.")
    assert browser.execute_script(leaving), "a change not yet saved: the browser asks before leaving"
