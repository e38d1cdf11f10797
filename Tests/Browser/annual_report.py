#!/usr/bin/python3
"""Browser walkthrough of the annual report, in headless Chromium, against `gongkai serve --demo`.

Usage: annual_report.py BASE_URL ADMIN_PASSWORD AXE_JS SCREENSHOT_PNG AGENCY_ID YEAR
The demo administrator opens 年度报告 from the navigation, opens AGENCY_ID's report for YEAR, sees the fee cell
marked as failing its check, enters the fee, saves, submits and approves; the public page then shows the three
tables with merged headers, both charts and the six sections, and links to the .docx and PDF. axe-core reports no
serious or critical violation on the staff page and the public page. Saves a screenshot of the public page to
SCREENSHOT_PNG. Prints one JSON line with the public page's table-三 figures and ends with
"annual report: N passed, M failed".
"""
import json, os, sys, urllib.request
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Checks, chromium, click_and_wait as click_and_wait_in

base, admin_password, axe_path, screenshot, agency, year = sys.argv[1:7]
driver = chromium()
checks = Checks(driver, axe_path)
check, axe = checks.check, checks.axe


def click_and_wait(element):
    click_and_wait_in(driver, element)


def cell(cell_id):
    return driver.find_element(By.ID, "cell-" + cell_id)


try:
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys("admin")
    driver.find_element(By.ID, "password").send_keys(admin_password)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    click_and_wait(driver.find_element(By.LINK_TEXT, "年度报告"))
    check("年度报告 in the navigation lists the reports", driver.find_element(By.TAG_NAME, "h1").text == "政府信息公开工作年度报告")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"a[href='/admin/reports/{agency}/{year}']"))
    check("the fee cell is marked as failing until it is entered", "failing" in cell("二.fee.amount").get_attribute("class"))
    check("no submit button while a check fails", not driver.find_elements(By.CSS_SELECTOR, f"form[action$='/{year}/submit']"))
    axe("staff report")

    driver.find_element(By.ID, "figure-二.fee.amount").send_keys("0")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"form[action='/admin/reports/{agency}/{year}'] button[type=submit]"))
    check("after saving every check passes", "全部校验通过" in driver.page_source)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"form[action$='/{year}/submit'] button"))
    check("submitted for review", "待审核" in driver.page_source)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"form[action$='/{year}/approve'] button"))
    check("approved and published", "已发布" in driver.page_source)

    driver.get(f"{base}/agencies/{agency}/reports/{year}")
    title = driver.find_element(By.TAG_NAME, "h1").text
    check("the public page is the report", title.endswith(f"{year}年政府信息公开工作年度报告"), title)
    captions = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "table.report-table caption")]
    check("tables 二, 三 and 四", captions == ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"], str(captions))
    merged = driver.find_elements(By.XPATH, "//th[text()='法人或其他组织' and @colspan='5']")
    check("法人或其他组织 spans its five columns", len(merged) == 1)
    charts = [c for c in driver.find_elements(By.CSS_SELECTOR, "figure.report-chart svg[role=img]") if c.size["width"] > 200]
    check("both charts are drawn", len(charts) == 2)
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "section.report-section > h2")]
    check("the six sections in order", len(headings) == 6 and headings[0] == "一、总体情况", str(headings))
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "p.downloads a")]
    check("links to the .docx and the PDF", any(h.endswith(".docx") for h in links) and any(h.endswith(".pdf") for h in links))
    docx = urllib.request.urlopen(f"{base}/agencies/{agency}/reports/{year}.docx").read()
    check("the .docx downloads without a session", docx[:2] == b"PK")
    figures = {k: cell(f"三.{k}.total").text for k in ("newlyReceived", "carriedOver", "concludedTotal", "carriedForward")}
    axe("public report")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(height, 4000))
    driver.save_screenshot(screenshot)
    print(json.dumps(figures, ensure_ascii=False), flush=True)
finally:
    driver.quit()
sys.exit(checks.finish("annual report"))
