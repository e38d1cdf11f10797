#!/usr/bin/python3
"""Checks a calendar feed with a real iCalendar parser (the `icalendar` package) and RFC 5545 line rules.

Usage: ics_check.py FILE.ics
Prints one JSON line {"events": N, "uids": [...], "summaries": [...], "urls": [...], "calname": ..., "timezone": ...}
and ends with "ics: N passed, M failed"; exits non-zero when a check fails.
"""
import datetime, json, sys
import icalendar

data = open(sys.argv[1], "rb").read()
passed, failed = 0, 0

def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok {passed + failed} - {name}", flush=True)
    else:
        failed += 1
        print(f"not ok {passed + failed} - {name} {detail}", flush=True)

lines = data.split(b"\r\n")
check("every line ends with CRLF", data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""))
long_lines = [line for line in lines if len(line) > 75]
check("no line is longer than 75 octets", not long_lines, repr(long_lines[:2]))
try:
    for line in lines:
        line.decode("utf-8")
    utf8 = True
except UnicodeDecodeError:
    utf8 = False
check("folding never splits a UTF-8 character", utf8)

calendar = icalendar.Calendar.from_ical(data)
check("VERSION is 2.0", str(calendar.get("VERSION")) == "2.0")
check("PRODID is present", bool(calendar.get("PRODID")))
check("X-WR-CALNAME is present", bool(calendar.get("X-WR-CALNAME")))
check("X-WR-TIMEZONE is Asia/Shanghai", str(calendar.get("X-WR-TIMEZONE")) == "Asia/Shanghai")
events = calendar.walk("VEVENT")
uids, summaries, urls, problems = [], [], [], []
for event in events:
    start, end = event.get("DTSTART").dt, event.get("DTEND").dt
    if type(start) is not datetime.date or type(end) is not datetime.date:
        problems.append(f"not all-day: {start!r}")
    elif end - start != datetime.timedelta(days=1):
        problems.append(f"DTEND is not the next day: {start} {end}")
    for name in ("UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "URL"):
        if not event.get(name):
            problems.append(f"{name} missing in {event.get('UID')}")
    uids.append(str(event.get("UID")))
    summaries.append(str(event.get("SUMMARY")))
    urls.append(str(event.get("URL")))
check("every VEVENT is an all-day event with UID, DTSTAMP, SUMMARY, DESCRIPTION and URL", not problems, "; ".join(problems[:3]))
check("UIDs are unique", len(set(uids)) == len(uids))
print(json.dumps({"events": len(events), "uids": uids, "summaries": summaries, "urls": urls,
                  "calname": str(calendar.get("X-WR-CALNAME")), "timezone": str(calendar.get("X-WR-TIMEZONE"))},
                 ensure_ascii=False), flush=True)
print(f"ics: {passed} passed, {failed} failed", flush=True)
sys.exit(1 if failed else 0)
