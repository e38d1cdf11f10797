#!/usr/bin/python3
"""Browser checks of the catalog's life in the staff pages, in headless Chromium, against `gongkai serve`.

Usage: catalog.py BASE_URL USERNAME PASSWORD AXE_JS CATALOG_FILE SCREENSHOT_PNG
The system administrator uploads a pipe-text catalog whose 时限 column the importer reads wrong (its header says
完成要求), sees the preview, gives the column the role 时限 and reads it again, saves it; then opens a draft of the
next version, renames an item and approves the draft from today. axe-core reports no serious or critical violation
on the import, preview, catalog, item editor, revision and public version pages. Prints one JSON line with what the
browser saw and ends with "catalog: N passed, M failed".
"""
import datetime, json, os, sys
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Checks, chromium, click_and_wait as click_and_wait_in

base, username, password, axe_path, catalog_file, screenshot = sys.argv[1:7]
driver = chromium()
checks = Checks(driver, axe_path)
check, axe = checks.check, checks.axe
seen = {}


def click_and_wait(element):
    click_and_wait_in(driver, element)


def items_table_text():
    tables = driver.find_elements(By.CSS_SELECTOR, "table.import-items")
    return tables[0].text if tables else ""


try:
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    click_and_wait(driver.find_element(By.LINK_TEXT, "导入或修订目录"))
    check("the workbench links to the import page", driver.find_element(By.TAG_NAME, "h1").text == "导入或修订目录", driver.current_url)
    axe("import")

    driver.find_element(By.ID, "file").send_keys(catalog_file)
    Select(driver.find_element(By.ID, "agency")).select_by_visible_text("按文件中的机关名称")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "button[value=preview]"))
    check("the preview shows the table as read", len(driver.find_elements(By.CSS_SELECTOR, "table.import-table tbody tr")) >= 3)
    check("the misheaded column is not read as 公开时限", "20个工作日内" not in items_table_text(), items_table_text()[:200])
    check("nothing is saved before 保存", "第一版目录" in driver.find_element(By.CSS_SELECTOR, ".outcome").text)
    axe("preview")

    Select(driver.find_element(By.ID, "role-1-5")).select_by_visible_text("时限")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "button[value=preview]"))
    check("read again, the column is 公开时限 as chosen", "公开时限（人工指定）" in driver.find_element(By.CSS_SELECTOR, "table.import-table thead").text)
    check("each item's 时限 is parsed", "20个工作日内" in items_table_text(), items_table_text()[:200])
    axe("preview after choosing a role")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "button[value=store]"))
    heading = driver.find_element(By.TAG_NAME, "h1").text
    check("saving opens the stored catalog", "某县民政局" in heading or "主动公开基本目录" in heading, heading)
    seen["firstVersion"] = driver.current_url.rsplit("/", 1)[-1]
    axe("catalog")

    click_and_wait(driver.find_element(By.XPATH, "//button[contains(., '修订目录')]"))
    seen["draft"] = driver.current_url.rsplit("/", 1)[-1]
    check("修订目录 opens a draft of the next version", "待审核的修订稿" in driver.find_element(By.TAG_NAME, "main").text)
    click_and_wait(driver.find_element(By.LINK_TEXT, "机构职能"))
    axe("item editor")
    check("the item editor shows the parsed 时限", "读作" in driver.find_element(By.ID, "deadline-rule").text)
    rename = driver.find_element(By.ID, "rename")
    rename.clear()
    rename.send_keys("机构职能及内设机构")
    click_and_wait(driver.find_element(By.XPATH, "//button[text()='改名']"))
    check("the item is renamed in the draft", driver.find_element(By.TAG_NAME, "h1").text == "机构职能及内设机构")

    click_and_wait(driver.find_element(By.LINK_TEXT, "审核"))
    page = driver.find_element(By.TAG_NAME, "main").text
    check("the reviewer sees the draft's diff", "更名 1" in page and "机构职能及内设机构" in page, page[:300])
    axe("revision")
    effective = driver.find_element(By.ID, "effective")
    driver.execute_script("arguments[0].value = arguments[1]", effective, datetime.date.today().isoformat())
    click_and_wait(driver.find_element(By.XPATH, "//button[contains(., '批准')]"))
    page = driver.find_element(By.TAG_NAME, "main").text
    check("approved, the draft is the version in force", "第2版" in page and "现行" in page, page[:300])
    click_and_wait(driver.find_element(By.LINK_TEXT, "公开页面"))
    page = driver.find_element(By.TAG_NAME, "main").text
    check("the public version page shows the renamed item", "机构职能及内设机构" in page and "现行" in page, page[:300])
    axe("public version")
    driver.save_screenshot(screenshot)
finally:
    print(json.dumps(seen, ensure_ascii=False), flush=True)
    driver.quit()

sys.exit(checks.finish("catalog"))
