#!/usr/bin/python3
"""Browser checks of the compliance dashboard, in headless Chromium, against `gongkai serve --demo`.

Usage: compliance.py BASE_URL ADMIN_PASSWORD AXE_JS SCREENSHOT_PNG DEPARTMENT_ID
The demo administrator signs in, opens 合规检查 from the navigation, sees a verdict card per agency and both charts
drawn, filters by a kind of finding, follows a finding to its item, makes a department's calendar feed and fetches
it without a session (DEPARTMENT_ID's); axe-core reports no serious or critical violation on the dashboard (all agencies and one) and
the departments page. Saves a screenshot of the dashboard to SCREENSHOT_PNG. Prints one JSON line with what the
page showed (for the caller to compare with the sweep) and ends with "compliance: N passed, M failed".
"""
import json, os, re, sys, urllib.request
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Checks, chromium, click_and_wait as click_and_wait_in

base, admin_password, axe_path, screenshot, department = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
driver = chromium()
checks = Checks(driver, axe_path)
check, axe = checks.check, checks.axe
seen = {}


def click_and_wait(element):
    click_and_wait_in(driver, element)


try:
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys("admin")
    driver.find_element(By.ID, "password").send_keys(admin_password)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    click_and_wait(driver.find_element(By.LINK_TEXT, "合规检查"))
    check("合规检查 in the navigation opens the dashboard", driver.find_element(By.TAG_NAME, "h1").text == "合规检查", driver.current_url)

    cards = driver.find_elements(By.CSS_SELECTOR, "article.verdict")
    headlines = {card.get_attribute("id").split("-")[1]: card.find_element(By.CSS_SELECTOR, ".headline").text for card in cards}
    seen["verdicts"] = headlines
    check("a verdict card per agency, each with its conclusion", len(cards) >= 2 and all(headlines.values()), str(headlines))
    check("each verdict lists the three 栏目 conditions", all(len(card.find_elements(By.CSS_SELECTOR, ".conditions > li")) == 3 for card in cards))
    total = re.search(r"共发现问题(\d+)项", driver.find_element(By.ID, "counts-heading").find_element(By.XPATH, "..").text)
    seen["total"] = int(total.group(1)) if total else None
    check("the counts section states the number of findings", total is not None)

    charts = driver.find_elements(By.CSS_SELECTOR, "svg[role=img]")
    drawn = [c for c in charts if c.size["width"] > 200 and c.size["height"] > 50]
    titles = [c.find_element(By.TAG_NAME, "title").get_attribute("textContent") for c in charts]
    check("both charts are drawn as images with titles", len(drawn) == 2 and all(titles), f"{[c.size for c in charts]} {titles}")
    bars = driver.find_elements(By.CSS_SELECTOR, "#departments-heading ~ figure svg rect")
    check("the department chart has bars", len(bars) > 0)
    check("the trend table has 12 months", len(driver.find_elements(By.CSS_SELECTOR, "#trend-table tbody tr")) == 12)
    rows = driver.find_elements(By.CSS_SELECTOR, "#findings-table tbody tr")
    seen["rows"] = len(rows)
    check("the findings table lists findings", len(rows) > 0)
    axe("dashboard (all agencies)")

    # The top of the page (verdicts, counts, both charts); axe scrolls while it checks contrast.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(height, 3200))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(screenshot)
    driver.set_window_size(1280, 900)
    check("a screenshot of the dashboard is saved", os.path.getsize(screenshot) > 10000)

    kind_link = driver.find_element(By.CSS_SELECTOR, "#counts-heading ~ table tbody a")
    kind_label = kind_link.text
    click_and_wait(kind_link)
    kinds = {cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#findings-table tbody tr td:first-child")}
    check(f"filtering by {kind_label} shows only that kind", kinds == {kind_label}, str(kinds))

    driver.get(base + "/admin/compliance")
    first = driver.find_element(By.CSS_SELECTOR, "#findings-table a.item-link")
    item_name, item_href = first.text, first.get_attribute("href")
    click_and_wait(first)
    check("a finding links to its item page", driver.current_url == item_href and driver.find_element(By.TAG_NAME, "h1").text == item_name,
          f"{driver.current_url} {item_href}")

    agency = sorted(headlines)[0]
    driver.get(f"{base}/admin/compliance?agency={agency}")
    check("one agency's dashboard shows its verdict only", len(driver.find_elements(By.CSS_SELECTOR, "article.verdict")) == 1)
    axe("dashboard (one agency)")

    driver.get(base + "/admin/departments")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"form[action='/admin/departments/{department}/calendar-feed'] button"))
    url = driver.find_element(By.CSS_SELECTOR, f"#feed-{department} code.feed-url").text
    check("the department shows its new feed address", f"/ical/departments/{department}.ics?token=" in url, url)
    axe("departments")
    with urllib.request.urlopen(url, timeout=10) as response:
        body = response.read()
        check("the feed answers without a session as text/calendar", response.headers["Content-Type"] == "text/calendar; charset=utf-8"
              and response.headers["Cache-Control"].startswith("private"))
    seen["feedDepartment"] = int(department)
    seen["feedEvents"] = body.count(b"\r\nBEGIN:VEVENT\r\n")
    check("the feed is a calendar", body.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    print(json.dumps(seen, ensure_ascii=False), flush=True)
except Exception as error:
    check("the run completed", False, repr(error))
    driver.save_screenshot("/tmp/gongkai-compliance-failure.png")
finally:
    driver.quit()
sys.exit(checks.finish("compliance"))
