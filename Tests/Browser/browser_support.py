"""Shared helpers of the browser checks: a headless Chromium from Debian and page-load waiting."""
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def chromium():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def click_and_wait(driver, element):
    """Clicks a submit button or link and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        # Chromium reports a replaced document either as a stale element or as an inspector error.
        try:
            page.is_enabled()
            return False
        except Exception:
            return driver.execute_script("return document.readyState") == "complete"

    WebDriverWait(driver, 15).until(replaced)
