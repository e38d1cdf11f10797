#!/usr/bin/env python3
"""Checks two `gongkai serve` instances on one PostgreSQL behind nginx (scripts/test-cluster starts them).

Usage: cluster_check.py ENV_FILE
The environment file (written by scripts/test-cluster) names the ports, the PostgreSQL URL and the commands to stop
and start PostgreSQL and to SIGKILL an instance. Each check prints one line; any failure raises and exits non-zero.
Standard library only (urllib)."""
import html
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

env = dict(line.rstrip("\n").split("=", 1) for line in open(sys.argv[1]) if "=" in line)
A = "http://127.0.0.1:" + env["PORT_A"]
B = "http://127.0.0.1:" + env["PORT_B"]
LB = "http://127.0.0.1:" + env["PORT_LB"]
PASSWORD = env["ADMIN_PASSWORD"]
figures = {}


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)
    print("ok   " + message, flush=True)


class Client:
    """A browser-like client: cookies, no redirects followed."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url, data=None, headers=None, timeout=10):
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        req = urllib.request.Request(url, data=body, headers=headers or {})
        if isinstance(data, dict):
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(req, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace"), dict(error.headers)

    def cookies_for_host(self):
        # The jar keys cookies by host, not port: both instances are 127.0.0.1, as two browsers would see one site.
        return {c.name: c.value for c in self.jar}


def csrf_of(page):
    match = re.search(r'name="_csrf" value="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def api(base, method, path, token, body=None, timeout=10):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw or b"{}")
        except ValueError:
            return error.code, {"raw": raw.decode("utf-8", "replace")}


def get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def health(base):
    try:
        status, body = get(base + "/healthz", timeout=5)
        return json.loads(body)
    except Exception:
        return None


def psql(sql):
    return subprocess.run(["psql", env["DB_URL"], "-Atc", sql], check=True, capture_output=True, text=True).stdout.strip()


last_failure = [None]


def publish(base, token, item, title):
    """Creates, submits and approves a record; (id, 索引号) once approved, else None (last_failure says why)."""
    content = {"title": title, "documentNumber": "", "issuer": "", "reportingPeriod": "", "topic": "", "body": "集群测试正文"}
    status, created = api(base, "POST", f"/api/v1/items/{item}/records", token, {"content": content})
    if status != 201:
        last_failure[0] = ("create", status, created)
        return None
    rid = created["id"]
    status, body = api(base, "POST", f"/api/v1/records/{rid}/submit", token, {})
    if status != 200:
        last_failure[0] = ("submit", status, body)
        return None
    status, record = api(base, "POST", f"/api/v1/records/{rid}/approve", token, {})
    if status != 200:
        last_failure[0] = ("approve", status, record)
        return None
    return rid, record.get("indexNumber")


# 1. A login on one instance is valid on the other; CSRF tokens too.
browser = Client()
status, page, _ = browser.request(A + "/login")
check(status == 200 and csrf_of(page), "login form on instance A")
status, _, headers = browser.request(A + "/login", {"_csrf": csrf_of(page), "next": "/admin", "username": "admin", "password": PASSWORD})
check(status in (302, 303) and "gk_session" in browser.cookies_for_host(), f"login on instance A (status {status})")
status, page, _ = browser.request(B + "/admin")
check(status == 200 and "admin" in page, f"the session from A is signed in on instance B (status {status})")
status, page, _ = browser.request(A + "/admin/tokens")
token_csrf = csrf_of(page)
check(status == 200 and token_csrf, "token page on A")
status, _, _ = browser.request(B + "/admin/tokens", {"name": "没有令牌"})
check(status == 403, f"a form posted to B without the CSRF token is refused (status {status})")
status, page, _ = browser.request(B + "/admin/tokens", {"_csrf": token_csrf, "name": "集群测试"})
match = re.search(r'id="new-token".*?<code>([^<]+)</code>', page, re.S)
check(status == 200 and match, f"a form posted to B with the CSRF token issued on A is accepted (status {status})")
token = html.unescape(match.group(1))

# 2. 索引号 counters across instances: concurrent publishes through both, every number distinct.
item = int(psql("SELECT node_id FROM catalog_items ORDER BY node_id LIMIT 1"))
agency = int(psql(f"SELECT c.agency_id FROM catalog_nodes n JOIN catalogs c ON c.id = n.catalog_id WHERE n.id = {item}"))
# 索引号 need the agency's 统一社会信用代码: set on B through the admin form, with the session and token from A.
status, _, _ = browser.request(B + "/admin/agencies", {"_csrf": token_csrf, "id": str(agency), "organisationCode": "DEMO00000000000001"})
check(status in (302, 303), f"the agency's 统一社会信用代码 set on B (status {status})")
results, lock = [], threading.Lock()


def stream(base, n, prefix):
    for i in range(n):
        published = publish(base, token, item, f"{prefix}-{i}")
        with lock:
            results.append(published)


threads = [threading.Thread(target=stream, args=(base, 10, f"计数{k}")) for k, base in enumerate([A, B, A, B])]
for t in threads:
    t.start()
for t in threads:
    t.join()
numbers = [r[1] for r in results if r]
check(len(numbers) == 40 and all(numbers), f"40 records published concurrently through both instances ({len(numbers)} acknowledged; last failure: {last_failure[0]})")
check(len(set(numbers)) == 40, "their 索引号 are all distinct")
serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
check(serials == list(range(serials[0], serials[0] + 40)), f"and consecutive ({serials[0]}…{serials[-1]})")

# 3. A publish on one instance shows on the other's cached portal within a second.
item_page = f"/items/{item}"
for base in (A, B):
    get(base + item_page)
    get(base + item_page)  # now cached
title = "跨实例可见性测试" + str(int(time.time()))
started = time.monotonic()
check(publish(A, token, item, title) is not None, "publish on A")
seen = None
while time.monotonic() - started < 5:
    if title in get(B + item_page)[1]:
        seen = time.monotonic() - started
        break
    time.sleep(0.02)
check(seen is not None and seen < 1.0, f"the record shows on B's cached item page after {seen if seen is None else round(seen * 1000)} ms (< 1000)")
figures["cross_instance_visibility_ms"] = round(seen * 1000)
status, page = get(LB + item_page)
check(status == 200 and title in page, "and through nginx")

# 4. Exactly one instance leads the scheduled jobs; SIGKILL it and the other takes over.
ha, hb = health(A), health(B)
check(ha and hb and [ha["jobLeader"], hb["jobLeader"]].count(True) == 1, f"exactly one job leader (A: {ha}, B: {hb})")
leader, follower, follower_name = ("A", B, "B") if ha["jobLeader"] else ("B", A, "A")
subprocess.run(["kill", "-KILL", env["PID_" + leader]], check=True)
killed = time.monotonic()
took = None
while time.monotonic() - killed < 15:
    h = health(follower)
    if h and h["jobLeader"]:
        took = time.monotonic() - killed
        break
    time.sleep(0.05)
check(took is not None and took < 5, f"instance {follower_name} took over {None if took is None else round(took * 1000)} ms after SIGKILL of {leader} (< 5000)")
figures["leader_takeover_ms"] = round(took * 1000)
status, _ = get(LB + "/")
check(status == 200, "nginx still serves the portal through the survivor")
# The new leader runs the jobs (the log says so within a few seconds).
log = env["LOG_" + follower_name]
deadline = time.monotonic() + 10
while time.monotonic() < deadline and "job=scheduled-publication" not in open(log, encoding="utf-8", errors="replace").read().split("this instance leads")[-1]:
    time.sleep(0.2)
check("job=scheduled-publication" in open(log, encoding="utf-8", errors="replace").read().split("this instance leads")[-1],
      f"instance {follower_name} runs the scheduled jobs as leader")

# 5. PostgreSQL restarted under load: fast Chinese 503 while down, recovery without a restart, nothing acknowledged lost.
survivor = follower
acknowledged, stop_load = [], threading.Event()


def writer():
    n = 0
    while not stop_load.is_set():
        n += 1
        try:
            published = publish(survivor, token, item, f"重启负载-{n}")
        except Exception:
            published = None
        if published:
            with lock:
                acknowledged.append(published)
        else:
            time.sleep(0.05)


def reader():
    while not stop_load.is_set():
        try:
            get(survivor + "/search?q=" + urllib.parse.quote("集群"), timeout=10)
        except Exception:
            time.sleep(0.05)


load = [threading.Thread(target=writer) for _ in range(3)] + [threading.Thread(target=reader) for _ in range(2)]
for t in load:
    t.start()
time.sleep(2)
before = len(acknowledged)
check(before > 0, f"publishing under load before the restart ({before} acknowledged)")
subprocess.run(["bash", "-c", env["PG_STOP"]], check=True)
down_at = time.monotonic()
worst = 0.0
for path in ["/search?q=" + urllib.parse.quote("停机"), "/admin", f"/records/{acknowledged[0][0]}?x={time.time()}"]:
    t0 = time.monotonic()
    status, page, _ = browser.request(survivor + path, timeout=15)
    elapsed = time.monotonic() - t0
    worst = max(worst, elapsed)
    check(status == 503 and "数据库暂时无法连接" in page, f"{path.split('?')[0]} answers 503 in Chinese while PostgreSQL is down ({round(elapsed * 1000)} ms)")
check(worst < 5, f"and fails fast (slowest {round(worst * 1000)} ms < 5000)")
figures["down_503_slowest_ms"] = round(worst * 1000)
h = health(survivor)
check(h is not None and h["status"] == "unavailable", "/healthz says unavailable")
time.sleep(2)
subprocess.run(["bash", "-c", env["PG_START"]], check=True)
up_at = time.monotonic()
recovered = None
while time.monotonic() - up_at < 30:
    status, _, _ = browser.request(survivor + "/admin", timeout=5)
    if status == 200:
        recovered = time.monotonic() - up_at
        break
    time.sleep(0.1)
check(recovered is not None, f"the instance serves again {None if recovered is None else round(recovered * 1000)} ms after PostgreSQL is back, without a restart")
figures["recovery_after_pg_start_ms"] = round(recovered * 1000)
count_at_up = len(acknowledged)
# Writes resume too: wait (up to 20 s on a loaded machine) for a few more acknowledged publishes.
deadline = time.monotonic() + 20
while time.monotonic() < deadline and len(acknowledged) < count_at_up + 3:
    time.sleep(0.1)
stop_load.set()
for t in load:
    t.join()
check(len(acknowledged) > count_at_up,
      f"publishing resumed ({len(acknowledged) - count_at_up} more acknowledged; last failure: {last_failure[0]})")
ids = ",".join(str(r[0]) for r in acknowledged)
stored = dict(line.split("|") for line in psql(f"SELECT id, index_number FROM records WHERE status = 'published' AND id IN ({ids})").splitlines())
lost = [r for r in acknowledged if stored.get(str(r[0])) != r[1]]
check(not lost, f"every acknowledged publish is stored with its 索引号 ({len(acknowledged)} acknowledged, {len(lost)} lost)")
duplicates = psql("SELECT COUNT(*) - COUNT(DISTINCT index_number) FROM records WHERE index_number IS NOT NULL")
check(duplicates == "0", "索引号 are still unique")

print("figures: " + json.dumps(figures), flush=True)
