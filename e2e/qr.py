"""Reads the enrolment page's QR code as a phone's camera would: a picture of the drawn code, decoded by zxing-cpp."""
import io

import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By


def qr_text(driver):
    """The text of the QR code on the page (the first `svg` inside `.enrol-qr`), decoded from a screenshot of it."""
    element = driver.find_element(By.CSS_SELECTOR, ".enrol-qr svg")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    picture = Image.open(io.BytesIO(element.screenshot_as_png)).convert("L")
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
    assert found, "no QR code could be read from the page"
    return found[0].text


def page_uri(driver):
    """The key URI the page says its QR code carries (for comparing with what was scanned)."""
    return driver.find_element(By.CSS_SELECTOR, ".enrol-qr").get_attribute("data-otpauth")
