#!/usr/bin/python3
"""Browser walkthrough of 依申请公开, in headless Chromium, against `gongkai serve --demo`.

Usage: requests.py BASE_URL ADMIN_PASSWORD AXE_JS
A person files an application on /apply (without JavaScript-dependent controls) and gets a tracking code; the demo
administrator registers it and asks for 补正; the person corrects it on /apply/status (code + contact); staff answer
(予以公开); the person sees the answer and downloads the letter as .docx ("PK") and PDF ("%PDF"). axe-core reports no
serious or critical violation on /apply and /apply/status. Prints one JSON line with what was seen and ends with
"requests: N passed, M failed".
"""
import json, os, sys
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Checks, chromium, click_and_wait as click_and_wait_in

base, admin_password, axe_path = sys.argv[1], sys.argv[2], sys.argv[3]
driver = chromium()
checks = Checks(driver, axe_path)
check, axe = checks.check, checks.axe
seen = {}
CONTACT = "13800138000"


def click_and_wait(element):
    click_and_wait_in(driver, element)


def look_up(code):
    driver.get(base + "/apply/status")
    driver.find_element(By.ID, "code").send_keys(code)
    driver.find_element(By.ID, "contact").send_keys(CONTACT)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/apply/status'] button[type=submit]"))

def download(button_id):
    """Submits the download form from the page (same cookies) and returns the first bytes of the answer."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var form = document.getElementById(arguments[0]).form;
        fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
          .then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('content-type'),
                                                      head: String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 4)))})))
          .catch(e => done({status: 0, head: String(e)}));
    """, button_id)

def staff_step(form_type, fill=None):
    form = driver.find_element(By.CSS_SELECTOR, f"form input[name=type][value={form_type}]").find_element(By.XPATH, "..")
    if fill:
        fill(form)
    click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))

try:
    # 1. The person files an application.
    driver.get(base + "/")
    click_and_wait(driver.find_element(By.LINK_TEXT, "申请公开"))
    check("申请公开 in the public navigation opens the form", driver.find_element(By.TAG_NAME, "h1").text == "政府信息公开申请", driver.current_url)
    axe("application form")
    Select(driver.find_element(By.ID, "agency")).select_by_index(1)
    driver.find_element(By.ID, "name").send_keys("王五")
    driver.find_element(By.ID, "documentNumber").send_keys("110105194912310021")  # wrong checksum first
    driver.find_element(By.ID, "contact").send_keys(CONTACT)
    driver.find_element(By.ID, "information").send_keys("2025年度本县城乡居民医保基金收支情况")
    Select(driver.find_element(By.ID, "delivery")).select_by_visible_text("电子邮件")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/apply'] button[type=submit]"))
    errors = driver.find_element(By.ID, "form-errors").text
    check("a wrong ID checksum is explained in Chinese", "校验不通过" in errors, errors)
    check("nothing typed is lost", driver.find_element(By.ID, "information").get_attribute("value") == "2025年度本县城乡居民医保基金收支情况"
          and driver.find_element(By.ID, "name").get_attribute("value") == "王五")
    number = driver.find_element(By.ID, "documentNumber")
    number.clear()
    number.send_keys("11010519491231002X")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/apply'] button[type=submit]"))
    code = driver.find_element(By.ID, "tracking-code").text
    seen["code"] = code
    check("the receipt shows a tracking code", len(code) == 17 and code[4] == "-", code)

    look_up(code)
    check("the status page shows the request as not yet registered", "未登记" in driver.find_element(By.ID, "status-phase").text)
    axe("status")

    # 2. Staff register the application and ask for 补正.
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys("admin")
    driver.find_element(By.ID, "password").send_keys(admin_password)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    click_and_wait(driver.find_element(By.LINK_TEXT, "依申请公开"))
    check("the staff list masks the ID number", "110105********002X" in driver.page_source and "11010519491231002X" not in driver.page_source)
    click_and_wait(driver.find_element(By.LINK_TEXT, code))
    check("the staff page shows the applicant's ID number", "11010519491231002X" in driver.page_source)
    staff_step("received")
    check("registered", "已登记" in driver.find_element(By.ID, "request-phase").text, driver.find_element(By.ID, "request-phase").text)
    staff_step("clarificationRequested", lambda form: form.find_element(By.ID, "clarify-items").send_keys("请写明所需信息的文件名称或文号"))
    check("staff asked for 补正", "待补正" in driver.find_element(By.ID, "request-phase").text, driver.find_element(By.ID, "request-phase").text)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))

    # 3. The person corrects on the status page.
    look_up(code)
    items = driver.find_element(By.ID, "clarification-items").text
    check("the status page lists what to correct", "文件名称或文号" in items, items)
    axe("status (补正)")
    information = driver.find_element(By.ID, "information")
    information.clear()
    information.send_keys("医保发〔2025〕12号《关于2025年度城乡居民医保基金收支情况的报告》")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/apply/correct'] button[type=submit]"))
    check("the correction is acknowledged", "已收到您的补正" in driver.page_source)
    check("the phase is back to 已登记", "已登记" in driver.find_element(By.ID, "status-phase").text, driver.find_element(By.ID, "status-phase").text)

    # 4. Staff answer.
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys("admin")
    driver.find_element(By.ID, "password").send_keys(admin_password)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    driver.get(base + "/admin/requests")
    click_and_wait(driver.find_element(By.LINK_TEXT, code))
    check("staff see the corrected description", "医保发〔2025〕12号" in driver.find_element(By.ID, "request-information").text)
    staff_step("answered", lambda form: Select(form.find_element(By.ID, "answer-outcome")).select_by_value("disclosed"))
    check("answered", "已答复" in driver.find_element(By.ID, "request-phase").text, driver.find_element(By.ID, "request-phase").text)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))

    # 5. The person sees the answer and downloads the letter.
    look_up(code)
    outcome = driver.find_element(By.ID, "answer-outcome").text
    seen["outcome"] = outcome
    check("the person sees the answer", outcome == "予以公开", outcome)
    axe("status (answered)")
    docx = download("download-docx")
    check("the letter downloads as .docx", docx.get("status") == 200 and docx.get("head", "").startswith("PK"), str(docx))
    pdf = download("download-pdf")
    check("the letter downloads as PDF", pdf.get("status") == 200 and pdf.get("head") == "%PDF", str(pdf))
    seen["docx"], seen["pdf"] = docx.get("head", "")[:2], pdf.get("head")
except Exception as error:  # a missing element fails the run with its message
    check("walkthrough completed", False, repr(error))
finally:
    driver.quit()

print(json.dumps(seen, ensure_ascii=False), flush=True)
sys.exit(checks.finish("requests"))
