"""Journey: a new clinic's owner turns on two-step sign-in by scanning the QR code, as with any other app. The code
drawn on the page (by Lumbar's own encoder) is read from a screenshot by a real QR reader, zxing-cpp, and must be the
otpauth key URI: the clinic and the owner's email percent-encoded, the key in base32, SHA-1, 6 digits, 30 seconds.
The code from the scanned key turns two-step sign-in on."""
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from selenium.webdriver.common.by import By

from flows import OWNER
from pages import fill, heading, submit, visit
from qr import page_uri, qr_text
from totp import code


@pytest.mark.axe
def test_owner_enrols_by_scanning_the_qr_code(server, browser):
    base = server["base"]
    visit(browser, base + "/setup")
    fill(browser, clinicName="Spine & Ease", address="12 King St W, Toronto", name="Olive Owner", **OWNER)
    submit(browser, "Create the clinic")
    fill(browser, **OWNER)
    submit(browser, "Sign in")
    assert heading(browser) == "Set up two-step sign-in"

    scanned = qr_text(browser)
    assert scanned == page_uri(browser)
    uri = urlparse(scanned)
    assert (uri.scheme, uri.netloc) == ("otpauth", "totp")
    assert uri.path == "/Spine%20%26%20Ease:olive%40example.com"
    assert unquote(uri.path) == "/Spine & Ease:olive@example.com"
    query = parse_qs(uri.query)
    assert {name: values for name, values in query.items() if name != "secret"} == {
        "issuer": ["Spine & Ease"], "algorithm": ["SHA1"], "digits": ["6"], "period": ["30"]}
    secret = query["secret"][0]
    assert len(secret) == 32 and set(secret) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert browser.find_element(By.ID, "totp-secret").text.replace(" ", "") == secret, "the key to type is the scanned one"

    fill(browser, code=code(secret))
    submit(browser, "Turn on two-step sign-in")
    assert heading(browser) == "Two-step sign-in is on"
    visit(browser, base + "/")
    assert "/account/two-factor" not in browser.current_url and "/login" not in browser.current_url
