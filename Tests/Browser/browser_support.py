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
    # The console log, where Chromium reports Content-Security-Policy violations (Checks.csp).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
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


class Checks:
    """Numbered ok/not ok lines, axe-core runs, and the closing "NAME: N passed, M failed" line of a browser script."""

    def __init__(self, driver, axe_path):
        self.driver = driver
        self.axe_js = open(axe_path, encoding="utf-8").read()
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok {self.passed + self.failed} - {name}", flush=True)
        else:
            self.failed += 1
            print(f"not ok {self.passed + self.failed} - {name} {detail}", flush=True)

    def csp(self, name):
        """Fails when the browser console reported a Content-Security-Policy violation since the last look."""
        messages = [entry.get("message", "") for entry in self.driver.get_log("browser")]
        bad = [m for m in messages if "Content Security Policy" in m or "Content-Security-Policy" in m]
        self.check(f"no CSP violation on the {name} page", not bad, "; ".join(bad[:3]))

    def axe(self, name):
        """Fails on serious or critical violations; lists minor and moderate ones as comments. Checks the page for CSP
        violations first, and afterwards drops what axe's own injection logged."""
        self.csp(name)
        self.driver.execute_script(self.axe_js)
        result = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1]; axe.run().then(r => done(r.violations))"
            ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));")
        bad = [f"{v['id']} ({v['impact']}): {v.get('help', '')} {[n.get('target') for n in v.get('nodes', [])][:3]}"
               for v in result if v.get("impact") in ("serious", "critical")]
        others = [f"{v['id']} ({v['impact']})" for v in result if v.get("impact") not in ("serious", "critical")]
        if others:
            print(f"# axe on the {name} page, minor or moderate: {', '.join(others)}", flush=True)
        self.check(f"axe-core: no serious or critical violation on the {name} page", not bad, "; ".join(bad))
        self.driver.get_log("browser")

    def finish(self, label):
        print(f"{label}: {self.passed} passed, {self.failed} failed", flush=True)
        return 1 if self.failed else 0
