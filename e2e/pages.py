"""Small helpers for filling Lumbar's forms the way a person does, waiting for each page to load."""
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import axe


def fill(driver, **fields):
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        if element.tag_name == "select":
            element.find_element(By.CSS_SELECTOR, f"option[value='{value}']").click()
        elif element.get_attribute("type") in ("time", "date", "datetime-local"):
            # Date and time pickers take keystrokes in the locale's order; set the value as the picker would.
            driver.execute_script("arguments[0].value = arguments[1]", element, value)
        else:
            element.clear()
            element.send_keys(value)


def replaced(page):
    """True once `page` (an element of the old page) is gone: Chromium reports that in more than one way."""
    def check(_driver):
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def submit(driver, label):
    """Clicks the button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click()
    WebDriverWait(driver, 15).until(replaced(page))
    axe.check(driver)


def follow(driver, link_text):
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.LINK_TEXT, link_text).click()
    WebDriverWait(driver, 15).until(replaced(page))
    axe.check(driver)


def visit(driver, url):
    """Opens `url` as typing it would, then checks the page with axe-core when the journey is marked for it."""
    driver.get(url)
    axe.check(driver)


def settled(driver):
    """Checks the page as it is now (after a click that replaced it some other way) with axe-core."""
    axe.check(driver)


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def choose(driver, name, value):
    """Picks a radio button or ticks a checkbox, as a tap on its label would."""
    element = driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
    if not element.is_selected():
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
