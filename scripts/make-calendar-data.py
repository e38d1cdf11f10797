#!/usr/bin/env python3
"""Writes the bundled working-day calendar and the independent test table.

Source of the facts: the `chinesecalendar` package on PyPI (pinned below), which transcribes the
State Council's yearly holiday notices. Run once per new year of data; the outputs are committed:
- Sources/GongkaiInterchange/Calendar/Holidays/YYYY.json in the holiday-cn schema
  ({year, papers, days: [{name, date, isOffDay}]}); `papers` is left empty because the package
  does not record the notice URLs.
- Tests/Fixtures/workdays-2019-2026.tsv: for every start day of 2019-2026 and N in {1,5,7,15,20,40},
  the N-th workday after it (the start day itself never counts, 民法典 第二百零一条), computed by the
  package's own arithmetic, not ours. The package's find_workday(k, x) returns the k-th workday after
  the first workday on or after x (that one being the 0th), so ours is find_workday(N - 1, start + 1 day).
  Rows whose answer falls after the package's last year are left out.
"""
import datetime, json, os, subprocess, sys

try:
    import chinese_calendar
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "chinesecalendar==1.11.0"])
    import chinese_calendar
from chinese_calendar.constants import holidays, workdays

NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节", "Mid-autumn Festival": "中秋节", "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
root = os.path.join(os.path.dirname(__file__), "..")
out = os.path.join(root, "Sources/GongkaiInterchange/Calendar/Holidays")
years = sorted({d.year for d in holidays} | {d.year for d in workdays})
for year in years:
    days = [{"name": NAMES[n], "date": d.isoformat(), "isOffDay": True} for d, n in holidays.items() if d.year == year]
    days += [{"name": NAMES[n], "date": d.isoformat(), "isOffDay": False} for d, n in workdays.items() if d.year == year]
    days.sort(key=lambda x: x["date"])
    with open(os.path.join(out, f"{year}.json"), "w", encoding="utf-8") as f:
        json.dump({"year": year, "papers": [], "days": days}, f, ensure_ascii=False, indent=1)
        f.write("\n")

with open(os.path.join(root, "Tests/Fixtures/workdays-2019-2026.tsv"), "w") as f:
    f.write("start\tn\tdue\n")
    day = datetime.date(2019, 1, 1)
    while day.year <= 2026:
        for n in (1, 5, 7, 15, 20, 40):
            try:
                due = chinese_calendar.find_workday(n - 1, day + datetime.timedelta(days=1))
                f.write(f"{day.isoformat()}\t{n}\t{due.isoformat()}\n")
            except NotImplementedError:
                pass
        day += datetime.timedelta(days=1)
print(f"{len(years)} years: {years[0]}-{years[-1]}")
