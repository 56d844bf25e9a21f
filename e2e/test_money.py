"""Journey: money at the front desk. Ben arrives for his massage and the visit is charged; Ada buys him a gift
certificate, which pays part of the visit and his credit card the rest; part of the card payment is refunded.
The end-of-day report shows each method and the refund, and the receipt, which says what was refunded, prints on
one page. The clinic is seeded as Today's journey seeds it: straight into the database, on the machine's clock."""
import base64
import os
import re
import sqlite3
import subprocess
import time as clock
import urllib.request
import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, free_port
from flows import demo_with_staff
from pages import fill, replaced, settled, submit, visit

PASSWORD = "a temporary passphrase"


def seed(data):
    """The demo clinic with Fran at the desk, Theo, and Ben booked an hour ago today, or at 9:00 if it is earlier."""
    db, zone, theo, location, (service, minutes, buffer) = demo_with_staff(data, PASSWORD)
    now = int(clock.time() * 1000)
    local = datetime.now(zone)
    start_at = max(datetime.combine(local.date(), time(0, 5), zone), local - timedelta(hours=1))
    ids = {}
    for first, last in (("Ada", "Alpha"), ("Ben", "Beta")):
        ids[first] = str(uuid.uuid4())
        db.execute("INSERT INTO clients (id, first_name, last_name, email, phone, emergency_contact, created_at) VALUES (?, ?, ?, ?, '', '', ?)",
                   (ids[first], first, last, f"{first.lower()}@example.com", now))
    start = int(start_at.timestamp() * 1000)
    db.execute("INSERT INTO appointments (id, client_id, therapist_id, location_id, service_id, starts_at, ends_at, occupied_until, status, "
               "booked_by, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?)",
               (str(uuid.uuid4()), ids["Ben"], theo, location, service, start, start + minutes * 60_000, start + (minutes + buffer) * 60_000, theo, now, now))
    db.commit()
    db.close()
    return {"ada": ids["Ada"], "ben": ids["Ben"], "location": location, "day": local.date().isoformat()}


@pytest.fixture()
def clinic():
    import tempfile
    data = tempfile.mkdtemp(prefix="lumbar-e2e-money-")
    seeded = seed(data)
    port = free_port()
    log = open(os.path.join(data, "server.log"), "w")
    process = subprocess.Popen([BINARY, "serve", "--data", data, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            clock.sleep(0.2)
    yield dict(seeded, base=base, data=data)
    process.terminate()
    process.wait(timeout=10)


def invoice(browser, title):
    """The invoice on the billing page whose heading contains `title`."""
    for item in browser.find_elements(By.CSS_SELECTOR, "li.invoice"):
        if title in item.find_element(By.TAG_NAME, "h3").text:
            return item
    raise AssertionError(f"no invoice {title!r} in: {browser.find_element(By.TAG_NAME, 'main').text}")


def pay(browser, item, amount, method, code=None):
    """Fills the invoice's own payment form as a person would and sends it."""
    form = item.find_element(By.CSS_SELECTOR, "form.payment-form")
    form.find_element(By.CSS_SELECTOR, f"select[name=method] option[value='{method}']").click()
    if code:
        field = form.find_element(By.NAME, "code")
        assert field.is_displayed(), "the code is asked for once the gift certificate is chosen"
        field.clear()
        field.send_keys(code)
    else:
        assert not form.find_element(By.NAME, "code").is_displayed(), "no code field for a card"
    box = form.find_element(By.NAME, "amount")
    box.clear()
    box.send_keys(amount)
    page = browser.find_element(By.TAG_NAME, "html")
    form.find_element(By.XPATH, ".//button[normalize-space()='Record payment']").click()
    WebDriverWait(browser, 15).until(replaced(page))
    settled(browser)


def pages_when_printed(browser):
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.5, "paperHeight": 11, "preferCSSPageSize": True})["data"])
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.axe
def test_a_visit_paid_by_gift_certificate_and_card_refunded_in_part_and_the_day_reported(clinic, browser):
    base = clinic["base"]
    visit(browser, base + "/login")
    fill(browser, email="fran@example.com", password=PASSWORD)
    submit(browser, "Sign in")
    submit(browser, "Mark arrived: Ben Beta")
    assert "Marked arrived." in browser.page_source

    # Ada buys Ben a $50 gift certificate and pays cash for it.
    visit(browser, base + f"/clients/{clinic['ada']}/billing")
    fill(browser, recipient="Ben Beta")
    browser.find_element(By.ID, "gift-amount").send_keys("50")
    submit(browser, "Sell gift certificate")
    assert "Gift certificate sold." in browser.page_source
    sale = invoice(browser, "Gift certificate")
    code = re.search(r"GIFT-[A-Z0-9]{4}-[A-Z0-9]{4}", sale.text).group(0)
    pay(browser, sale, "50.00", "cash")
    assert "Payment recorded." in browser.page_source

    # Ben's visit: $50 from the certificate, the rest on his card.
    visit(browser, base + f"/clients/{clinic['ben']}/billing")
    massage = invoice(browser, "Massage")
    assert "Owes $135.60" in massage.text
    pay(browser, massage, "60.00", "gift", code=code)
    refusal = invoice(browser, "Massage").text
    assert "That certificate has $50.00 left" in refusal, "a redemption beyond the balance is refused, saying why"
    assert invoice(browser, "Massage").find_element(By.NAME, "amount").get_attribute("value") == "60.00", "what was typed is kept"
    pay(browser, invoice(browser, "Massage"), "50.00", "gift", code=code.lower())
    assert "Owes $85.60" in invoice(browser, "Massage").text
    pay(browser, invoice(browser, "Massage"), "85.60", "credit")
    massage = invoice(browser, "Massage")
    assert "Paid" in massage.find_element(By.CSS_SELECTOR, ".badge").text
    assert f"$50.00 from gift certificate {code}" in massage.text and "$85.60 by credit card" in massage.text

    # $20 of the card payment goes back: the page asks first and needs a reason.
    card = [row for row in massage.find_elements(By.CSS_SELECTOR, ".invoice-money li") if "credit card" in row.text][0]
    page = browser.find_element(By.TAG_NAME, "html")
    card.find_element(By.LINK_TEXT, "Refund…").click()
    WebDriverWait(browser, 15).until(replaced(page))
    settled(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Refund a payment?"
    amount = browser.find_element(By.NAME, "amount")
    amount.clear()
    amount.send_keys("20")
    submit(browser, "Yes, record the refund")
    assert "Reason (required)" in browser.page_source and "Say why" in browser.page_source, "no reason, no refund"
    fill(browser, reason="Session cut short")
    submit(browser, "Yes, record the refund")
    assert "Refund recorded." in browser.page_source
    assert "Refunded $20.00 by credit card" in invoice(browser, "Massage").text

    # The receipt: what was charged, each payment, the refund, and one page when printed.
    massage = invoice(browser, "Massage")
    page = browser.find_element(By.TAG_NAME, "html")
    massage.find_element(By.XPATH, ".//button[normalize-space()='Issue receipt']").click()
    WebDriverWait(browser, 15).until(replaced(page))
    settled(browser)
    receipt = browser.find_element(By.TAG_NAME, "main").text
    for fact in ("Ben Beta", "Theo Therapist", "R12345", "$120.00", "$15.60", "$135.60", "Gift certificate", "Credit card", "$20.00"):
        assert fact in receipt, fact
    assert browser.find_element(By.ID, "receipt-paid").text == "$115.60"
    assert browser.find_element(By.ID, "receipt-balance").text == "$0.00"
    assert "Includes a refund of $20.00" in receipt and "Charged after refunds" in receipt
    assert pages_when_printed(browser) == 1, "the receipt prints on one page"

    # The end of the day at the desk: each method, the refund, the certificate drawn, nothing left owing.
    visit(browser, base + f"/reports/end-of-day?date={clinic['day']}&location={clinic['location']}")
    report = browser.find_element(By.TAG_NAME, "main").text
    for fact in ("Cash", "$50.00", "Credit card", "$85.60", "Gift certificate", "$20.00"):
        assert fact in report, fact
    assert pages_when_printed(browser) == 1, "the end-of-day report prints on one page"
