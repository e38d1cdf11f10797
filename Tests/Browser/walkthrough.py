#!/usr/bin/python3
"""Browser walkthrough of publishing, in headless Chromium (Debian's chromium + chromium-driver + python3-selenium).

Usage: walkthrough.py BASE_URL ADMIN_USER ADMIN_PASSWORD
The administrator creates an editor for 沂源's 基金监管科 and a reviewer; the editor drafts a record under 执法结果
and submits it; the reviewer approves it; the record appears on its public URL with its 索引号; the editor gets
403 trying to draft under an item of 综合科. Prints one line per step and "browser: N passed, 0 failed" at the end.
"""
import os, sys
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import chromium, click_and_wait as click_and_wait_in

base, admin_user, admin_password = sys.argv[1], sys.argv[2], sys.argv[3]
PASSWORD = "browser-pass-2026"
driver = chromium()
steps = 0

def step(name):
    global steps
    steps += 1
    print(f"ok {steps} - {name}", flush=True)

def click_and_wait(element):
    click_and_wait_in(driver, element)

def login(user, password):
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    assert "/admin" in driver.current_url, f"login as {user} failed: {driver.current_url}"

def logout():
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))

def create_user(username, role, department=None):
    driver.get(base + "/admin/users")
    driver.find_element(By.ID, "new-username").send_keys(username)
    driver.find_element(By.ID, "new-password").send_keys(PASSWORD)
    Select(driver.find_element(By.ID, "role")).select_by_value(role)
    agency = Select(driver.find_element(By.ID, "agency"))
    agency.select_by_visible_text(next(o.text for o in agency.options if "沂源" in o.text))
    if department:
        departments = Select(driver.find_element(By.ID, "departments"))
        departments.select_by_visible_text(next(o.text for o in departments.options if "沂源" in o.text and o.text.endswith(department)))
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/admin/users'] button[type=submit]"))
    assert "已创建账号 " + username in driver.page_source, driver.page_source[driver.page_source.find("<main"):][:1500]

def open_item(name):
    driver.get(base + "/admin")
    click_and_wait(driver.find_element(By.PARTIAL_LINK_TEXT, "沂源分局信息主动公开基本目录"))
    click_and_wait(driver.find_element(By.LINK_TEXT, name))

try:
    login(admin_user, admin_password)
    step("administrator logs in")
    create_user("fund-editor", "editor", "基金监管科")
    create_user("yiyuan-reviewer", "reviewer")
    step("administrator creates an editor for 基金监管科 and a reviewer")
    logout()

    login("fund-editor", PASSWORD)
    open_item("执法结果")
    click_and_wait(driver.find_element(By.LINK_TEXT, "在此事项下起草信息"))
    driver.find_element(By.ID, "title").send_keys("沂源县某定点药店违规行为行政处罚决定")
    driver.find_element(By.ID, "documentNumber").send_keys("源医保罚字〔2026〕5号")
    driver.find_element(By.ID, "triggerDate").send_keys("2026-11-02")
    driver.find_element(By.ID, "body").send_keys("当事人：某药店。\n\n处罚结果：警告并追回医保基金。")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]"))
    record_url = driver.current_url
    assert "/admin/records/" in record_url, record_url
    click_and_wait(driver.find_element(By.ID, "submit-record"))
    assert "待审核" in driver.find_element(By.ID, "status").text
    step("editor drafts a record under 执法结果 and submits it")
    logout()

    login("yiyuan-reviewer", PASSWORD)
    driver.get(base + "/admin/review")
    click_and_wait(driver.find_element(By.PARTIAL_LINK_TEXT, "行政处罚决定"))
    assert "对比" in driver.page_source
    click_and_wait(driver.find_element(By.PARTIAL_LINK_TEXT, "返回信息页"))
    click_and_wait(driver.find_element(By.ID, "approve-record"))
    assert "已发布" in driver.find_element(By.ID, "status").text
    index_number = driver.find_element(By.ID, "index-number").text
    step(f"reviewer approves it (索引号 {index_number})")
    logout()

    driver.get(base + "/records/" + record_url.rstrip("/").split("/")[-1])
    assert driver.find_element(By.ID, "index-number").text == index_number, driver.page_source[:2000]
    assert "源医保罚字〔2026〕5号" in driver.page_source
    step("the record is on its public URL with its 索引号")

    login("fund-editor", PASSWORD)
    open_item("部门职能配置及内设机构")
    assert "在此事项下起草信息" not in driver.page_source
    driver.get(driver.current_url + "/records/new")
    assert "出错了（403）" in driver.page_source, driver.page_source[:2000]
    step("the editor gets 403 drafting under an item of 综合科")
    # Chromium logs every Content-Security-Policy violation to the console; the log spans the whole walkthrough.
    violations = [e.get("message", "") for e in driver.get_log("browser") if "Content Security Policy" in e.get("message", "")]
    assert not violations, f"CSP violations: {violations[:3]}"
    step("no CSP violation in the browser console on any page of the walkthrough")
    print(f"browser: {steps} passed, 0 failed", flush=True)
except Exception as error:
    print(f"not ok {steps + 1} - {error}", flush=True)
    driver.save_screenshot("/tmp/gongkai-browser-failure.png")
    print(f"browser: {steps} passed, 1 failed", flush=True)
    sys.exit(1)
finally:
    driver.quit()
