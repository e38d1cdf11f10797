import Foundation
import GongkaiCore
import Testing

@Suite struct WorkingCalendarTests {
    let calendar = TestCalendar.calendar

    /// Checked against a table made once by the chinesecalendar package's own find_workday
    /// (scripts/make-calendar-data.py): every start day of 2019–2026, N ∈ {1, 5, 7, 15, 20, 40}.
    @Test func addingWorkdaysAgreesWithTheOfficialCalendar() throws {
        let table = try String(contentsOf: TestCalendar.root.appendingPathComponent("Tests/Fixtures/workdays-2019-2026.tsv"), encoding: .utf8)
        var checked = 0
        var mismatches: [String] = []
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t").map(String.init)
            let result = calendar.adding(workdays: Int(fields[1])!, to: TestCalendar.date(fields[0]))
            if result.description != fields[2] { mismatches.append("\(fields[0]) + \(fields[1]) = \(result), expected \(fields[2])") }
            checked += 1
        }
        #expect(checked > 17_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func nationalDay2026() {
        #expect(calendar.adding(workdays: 5, to: TestCalendar.date("2026-09-30")) == TestCalendar.date("2026-10-13"))
        #expect(calendar.status(TestCalendar.date("2026-10-10")) == .adjustedWorkday("国庆节"))
        #expect(calendar.status(TestCalendar.date("2026-10-05")) == .holiday("国庆节"))
        #expect(calendar.workdays(from: TestCalendar.date("2026-09-30"), to: TestCalendar.date("2026-10-13")) == 5)
    }

    @Test func yearsWithoutDataAreProvisionalAndUseWeekendsOnly() {
        let start = TestCalendar.date("2026-12-25")
        let result = calendar.adding(workdays: 10, to: start)
        #expect(calendar.isProvisional(from: start, to: result))
        #expect(!calendar.isProvisional(from: TestCalendar.date("2026-01-01"), to: TestCalendar.date("2026-12-31")))
        #expect(calendar.status(TestCalendar.date("2027-01-01")) == .workday) // no 2027 data yet: only the weekend rule
    }

    @Test func addingNThenMEqualsAddingNPlusM() {
        var random = SplitMix64(state: 2026)
        for _ in 0..<2000 {
            let start = CivilDate(dayNumber: Int.random(in: 17_897...20_818, using: &random)) // 2019–2026
            let n = Int.random(in: 0...60, using: &random), m = Int.random(in: 0...60, using: &random)
            #expect(calendar.adding(workdays: m, to: calendar.adding(workdays: n, to: start)) == calendar.adding(workdays: n + m, to: start))
        }
    }

    @Test func aWorkdayResultIsAlwaysAWorkdayAndCountsBack() {
        var random = SplitMix64(state: 7)
        for _ in 0..<2000 {
            let start = CivilDate(dayNumber: Int.random(in: 12_418...21_000, using: &random)) // 2004–2027
            let n = Int.random(in: 1...80, using: &random)
            let result = calendar.adding(workdays: n, to: start)
            #expect(calendar.isWorkday(result))
            #expect(calendar.workdays(from: start, to: result) == n)
        }
    }

    @Test func dueDatesNeverMoveEarlierWhenAHolidayIsAdded() {
        var random = SplitMix64(state: 11)
        for _ in 0..<300 {
            let extra = CivilDate(dayNumber: Int.random(in: 20_454...20_818, using: &random)) // a day in 2026
            var year = calendar.years[2026]!
            year.days.removeAll { $0.date == extra }
            year.days.append(.init(name: "测试假日", date: extra, isOffDay: true))
            let withHoliday = calendar.replacing(year)
            let start = CivilDate(dayNumber: Int.random(in: 20_400...20_800, using: &random))
            let n = Int.random(in: 1...40, using: &random)
            #expect(withHoliday.adding(workdays: n, to: start) >= calendar.adding(workdays: n, to: start))
        }
    }

    @Test func civilDates() {
        #expect(CivilDate("2024-02-29")?.weekday == 4)
        #expect(CivilDate("2023-02-29") == nil)
        #expect(TestCalendar.date("2024-01-31").adding(months: 1) == TestCalendar.date("2024-02-29"))
        #expect(TestCalendar.date("1999-12-31").adding(days: 1).description == "2000-01-01")
    }
}
