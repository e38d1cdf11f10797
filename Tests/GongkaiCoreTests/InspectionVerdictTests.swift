import GongkaiCore
import Testing

/// The 栏目 single-veto thresholds of 国办秘函〔2019〕19号 ("超过（含）": at the threshold the site fails).
@Suite struct InspectionVerdictTests {
    let at = TestCalendar.date("2026-11-02")
    var options: ComplianceOptions { ComplianceOptions(at: at, calendar: TestCalendar.calendar) }

    /// `count` items named `name`N, each with one record published on `published` (nil: blank).
    func columns(_ name: String, _ count: Int, from firstID: Int, published: String?) -> ([ComplianceItem], [ComplianceRecord]) {
        let items = (0..<count).map { ComplianceItem(id: firstID + $0, agencyID: 7, name: "\(name)\($0 + 1)") }
        let records = published.map { date in
            items.map { ComplianceRecord(id: $0.id * 10, agencyID: 7, itemIDs: [$0.id], title: "信息",
                                         publishedDate: TestCalendar.date(date)) }
        } ?? []
        return (items, records)
    }

    func verdict(_ parts: ([ComplianceItem], [ComplianceRecord])...) -> InspectionVerdict {
        let report = ComplianceMonitor.check(items: parts.flatMap(\.0), records: parts.flatMap(\.1), options: options)
        return report.verdict(for: 7)!
    }

    @Test func blankColumnsFailAtFive() {
        let four = verdict(columns("统计数据", 4, from: 1, published: nil))
        #expect(four.condition(.blankColumns)?.count == 4)
        #expect(four.passed)
        let five = verdict(columns("统计数据", 5, from: 1, published: nil))
        #expect(five.condition(.blankColumns)?.met == true)
        #expect(five.condition(.blankColumns)?.itemIDs == [1, 2, 3, 4, 5])
        #expect(!five.passed)
        #expect(five.summary.contains("空白栏目5个（否决线5个）：达到否决线，单项否决"))
    }

    @Test func staleNewsAndNoticesCountTogetherAndFailAtFive() {
        // 动态 last updated 2026-10-18: 15 days before 2026-11-02, past 2 weeks. 通知公告 2026-05-01: past 6 months.
        let news = columns("工作动态", 3, from: 1, published: "2026-10-18")
        let freshNews = columns("要闻", 2, from: 10, published: "2026-10-19")
        let notices = columns("通知公告", 1, from: 20, published: "2026-05-01")
        let freshNotices = columns("政策文件", 1, from: 30, published: "2026-05-02")
        let four = verdict(news, freshNews, notices, freshNotices)
        #expect(four.condition(.staleColumns)?.itemIDs == [1, 2, 3, 20])
        #expect(four.passed)
        let five = verdict(news, freshNews, notices, freshNotices, columns("通知公告", 1, from: 40, published: "2026-04-30"))
        #expect(five.condition(.staleColumns)?.count == 5)
        #expect(!five.passed)
    }

    @Test func longUnupdatedColumnsFailAtTen() {
        // 人事/规划 columns: 1 year (2015 普查); upkeep columns with no frequency: the 1-year default.
        let personnel = columns("人事信息", 5, from: 1, published: "2025-11-01")
        let plans = columns("规划计划", 4, from: 10, published: "2025-10-01")
        let fresh = columns("规划计划", 3, from: 20, published: "2025-11-02")
        let nine = verdict(personnel, plans, fresh)
        #expect(nine.condition(.longUnupdatedColumns)?.count == 9)
        #expect(nine.passed)
        let ten = verdict(personnel, plans, fresh, columns("机构职能", 1, from: 30, published: "2024-01-01"))
        #expect(ten.condition(.longUnupdatedColumns)?.itemIDs.last == 30)
        #expect(!ten.passed)
    }

    @Test func thresholdsAreSettings() {
        var options = options
        options.thresholds = InspectionThresholds(staleColumns: 5, longUnupdatedColumns: 10, blankColumns: 3)
        let parts = columns("统计数据", 3, from: 1, published: nil)
        let report = ComplianceMonitor.check(items: parts.0, records: parts.1, options: options)
        #expect(report.verdict(for: 7)?.passed == false)
    }

    @Test func oneVerdictPerAgency() {
        let items = [ComplianceItem(id: 1, agencyID: 2, name: "统计数据"), ComplianceItem(id: 2, agencyID: 1, name: "统计数据")]
        let report = ComplianceMonitor.check(items: items, records: [], options: options)
        #expect(report.verdicts.map(\.agencyID) == [1, 2])
        #expect(report.verdicts.map { $0.condition(.blankColumns)!.itemIDs } == [[2], [1]])
    }
}
