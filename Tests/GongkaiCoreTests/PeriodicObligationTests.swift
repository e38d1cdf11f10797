import Foundation
import GongkaiCore
import Testing

/// Periodic rules other than the fixture's quarterly one, as the deadline parser reads them.
@Suite struct PeriodicObligationTests {
    let at = TestCalendar.date("2026-11-02")
    func date(_ text: String) -> CivilDate { TestCalendar.date(text) }

    func check(_ text: String, _ records: [ComplianceRecord]) -> [Obligation] {
        let item = ComplianceItem(id: 1, agencyID: 1, name: "计划执行", rule: DeadlineParser.parse(text))
        return ComplianceMonitor.check(items: [item], records: records,
                                       options: ComplianceOptions(at: at, calendar: TestCalendar.calendar))
            .obligations.filter { $0.kind == .periodic }
    }

    @Test func sameYearRuleInfersTheYearOfPublication() {
        // "每年6月底前公开本年度…": the 2026 report is due 2026-06-30; a record published 2026-06-10 with no
        // period counts for 2026, not 2025.
        let record = ComplianceRecord(id: 7, agencyID: 1, itemIDs: [1], title: "2026年度计划", publishedDate: date("2026-06-10"))
        let obligations = check("每年6月底前公开本年度工作计划", [record])
        #expect(obligations.map { $0.period?.description } == ["2026"])
        #expect(obligations[0].due == date("2026-06-30"))
        #expect(obligations[0].state == .metOnTime && obligations[0].periodInferred)
    }

    @Test func monthlyRuleWithoutADayUsesTheAgencyDefault() {
        // "每月公开上月…" gives no day: 20 workdays after the month ends (DeadlineDefaults). September 2026's
        // count skips the National Day holiday and counts 2026-10-10, so its report is due 2026-11-03.
        let obligations = check("每月公开上月医保基金支出情况", [])
        let september = obligations.first { $0.period == ReportingPeriod("2026-09") }
        #expect(september?.due == TestCalendar.calendar.adding(workdays: 20, to: date("2026-09-30")))
        #expect(september?.due == date("2026-11-03"))
        #expect(september?.state == .dueSoon)
        // 2025-09 (due 2025-11-04) … 2026-08 (due 2026-09-28): in the window and past due; 2025-08 (due
        // 2025-09-26) is before the window.
        #expect(obligations.filter { $0.state == .overdue }.map { $0.period!.description }.first == "2025-09")
        #expect(obligations.filter { $0.state == .overdue }.count == 12)
    }

    @Test func jsonOfObligationsAndVerdicts() throws {
        let report = ComplianceFixture.check()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let quarterly = String(decoding: try encoder.encode(report.obligations.first { $0.itemID == 1 }!), as: UTF8.self)
        #expect(quarterly.contains(#""period":"2025Q4""#) && quarterly.contains(#""records":[101]"#))
        let notices = String(decoding: try encoder.encode(report.obligations.first { $0.itemID == 4 }!), as: UTF8.self)
        #expect(notices.contains(#""source":{"kind":"updateFrequency","text":"每月"}"#))
        let verdict = String(decoding: try encoder.encode(report.verdict(for: 1)!), as: UTF8.self)
        #expect(verdict.contains(#""passed":true"#) && verdict.contains(#""kind":"blankColumns","met":false"#))
    }
}
