"""Small helpers for filling Lumbar's forms the way a person does, waiting for each page to load."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def fill(driver, **fields):
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        if element.tag_name == "select":
            element.find_element(By.CSS_SELECTOR, f"option[value='{value}']").click()
        else:
            element.clear()
            element.send_keys(value)


def submit(driver, label):
    """Clicks the button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(page))


def follow(driver, link_text):
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.LINK_TEXT, link_text).click()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(page))


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text
