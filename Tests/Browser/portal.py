#!/usr/bin/python3
"""Browser checks of the public portal, in headless Chromium, against `gongkai serve --demo`.

Usage: portal.py BASE_URL ADMIN_PASSWORD AXE_JS
Every seed agency's catalog is browsable to its items; a record about 医疗救助 published through the admin UI is
found by search; the policy page links to its 解读 and back; axe-core reports no serious or critical violation on
the home, agency, item, record and search pages. Ends with "portal: N passed, M failed".
"""
import json, os, sys, urllib.parse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Checks, chromium, click_and_wait as click_and_wait_in

base, admin_password, axe_path = sys.argv[1], sys.argv[2], sys.argv[3]
driver = chromium()
checks = Checks(driver, axe_path)
check, axe = checks.check, checks.axe


def click_and_wait(element):
    click_and_wait_in(driver, element)


def new_record(item_name, title, body):
    driver.get(base + "/admin")
    click_and_wait(driver.find_element(By.PARTIAL_LINK_TEXT, "沂源分局信息主动公开基本目录"))
    click_and_wait(driver.find_element(By.LINK_TEXT, item_name))
    click_and_wait(driver.find_element(By.LINK_TEXT, "在此事项下起草信息"))
    driver.find_element(By.ID, "title").send_keys(title)
    driver.find_element(By.ID, "body").send_keys(body)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    record_id = driver.current_url.rstrip("/").split("/")[-1]
    click_and_wait(driver.find_element(By.ID, "submit-record"))
    click_and_wait(driver.find_element(By.ID, "approve-record"))
    return record_id

try:
    driver.get(base + "/")
    agencies = [(a.text, a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".agency-list h3 a")]
    check("the home page lists the five seed agencies", len(agencies) == 5, str(agencies))
    axe("home")
    for name, href in agencies:
        driver.get(href)
        items = driver.find_elements(By.CSS_SELECTOR, ".column a")
        ok = bool(items)
        if ok:
            item_name = items[0].text
            click_and_wait(items[0])
            ok = driver.find_element(By.TAG_NAME, "h1").text == item_name
        check(f"{name}: catalog browsable to its items ({len(items)} item links)", ok)
    driver.get(agencies[0][1])
    axe("agency")
    driver.find_elements(By.CSS_SELECTOR, ".column a")[0].click()
    axe("item")

    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys("admin")
    driver.find_element(By.ID, "password").send_keys(admin_password)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    policy = new_record("救助政策", "沂源县医疗救助实施办法", "为做好医疗救助工作，制定本办法。\n\n- 救助对象\n- 救助标准")
    reading = new_record("政策解读", "《沂源县医疗救助实施办法》政策解读", "一图读懂医疗救助实施办法。")
    driver.get(f"{base}/admin/records/{policy}")
    driver.find_element(By.ID, "other").send_keys(reading)
    Select(driver.find_element(By.ID, "role")).select_by_value("interpretation")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"form[action='/admin/records/{policy}/link'] button"))
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    check("the administrator publishes a policy and its 解读 and links them", True)

    driver.get(base + "/search?q=" + urllib.parse.quote("医疗救助"))
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".results a")]
    check("searching 医疗救助 finds the published record", "沂源县医疗救助实施办法" in titles, str(titles))
    check("matches are highlighted in the snippet", bool(driver.find_elements(By.CSS_SELECTOR, ".results mark")))
    axe("search")

    driver.get(f"{base}/records/{policy}")
    axe("record")
    links = driver.find_elements(By.LINK_TEXT, "《沂源县医疗救助实施办法》政策解读")
    check("the policy page links to its 解读", bool(links))
    if links:
        click_and_wait(links[0])
        check("the 解读 page links back to the policy", bool(driver.find_elements(By.LINK_TEXT, "沂源县医疗救助实施办法")))
    print(json.dumps({"policy": policy, "interpretation": reading}), flush=True)
except Exception as error:
    check("the run completed", False, repr(error))
    driver.save_screenshot("/tmp/gongkai-portal-failure.png")
finally:
    driver.quit()
sys.exit(checks.finish("portal"))
