import Foundation
import GongkaiCore
import Testing

/// The arithmetic checks: identities hold on real data; a wrong carry-over, a broken cell and a missing figure fail
/// with the right cells, and then the report cannot be published.
@Suite struct AnnualReportChecksTests {
    let requests: [ReportRequest]
    init() throws { requests = try AnnualReportFixture.requests() }

    /// Last year's report built from the same requests: 结转下年度 R1 (自然人) and R11 (商业企业).
    func report2025(_ requests: [ReportRequest]) -> AnnualReport {
        AnnualReportBuilder.build(AnnualReportFixture.input(year: 2025, requests: requests, figures: []))
    }

    @Test func allChecksPassWithConsistentCarryOver() throws {
        // setup
        let previous = report2025(requests)
        #expect(previous.value("三.carriedForward.naturalPerson") == 1 && previous.value("三.carriedForward.commercialEnterprise") == 1)
        // act
        let report = AnnualReportBuilder.build(AnnualReportFixture.input(requests: requests, previous: previous))
        // check
        #expect(report.failedChecks.isEmpty, "\(report.failedChecks)")
        #expect(report.canPublish && report.failingCells.isEmpty)
        let names = report.checks.map(\.name)
        #expect(names.filter { $0.hasPrefix("表三勾稽关系（") }.count == 7)
        #expect(names.contains("表三勾稽关系（自然人）") && names.contains("表三勾稽关系（总计）"))
        #expect(names.contains("上年结转与上年度报告一致"))
    }

    @Test func withoutLastYearsReportTheCarryOverIsNotChecked() {
        let report = AnnualReportBuilder.build(AnnualReportFixture.input(requests: requests))
        #expect(!report.checks.contains { $0.name == "上年结转与上年度报告一致" })
        #expect(report.canPublish)
    }

    @Test func inconsistentCarryOverFailsOnTheCarriedOverCells() throws {
        // setup: last year's report did not know R11 (index 10), so it carried forward 0 商业企业, 1 in all.
        var withoutR11 = requests
        withoutR11.remove(at: 10)
        let previous = report2025(withoutR11)
        // act
        let report = AnnualReportBuilder.build(AnnualReportFixture.input(requests: requests, previous: previous))
        // check
        let check = try #require(report.checks.first { $0.name == "上年结转与上年度报告一致" })
        #expect(!check.ok)
        #expect(check.cells == ["三.carriedOver.commercialEnterprise", "三.carriedOver.total"])
        #expect(check.explanation.contains("商业企业列本年上年结转1件，2025年度报告结转下年度0件"))
        #expect(report.failedChecks.map(\.name) == ["上年结转与上年度报告一致"])
        #expect(!report.canPublish)
        #expect(report.failingCells == ["三.carriedOver.commercialEnterprise", "三.carriedOver.total"])
    }

    @Test func aChangedCellBreaksTheCornerRuleAndTheRowTotal() throws {
        // setup: someone zeroes 自然人 结转下年度 after computing.
        let input = AnnualReportFixture.input(requests: requests)
        var report = AnnualReportBuilder.build(input)
        var rows = report.tables.three.sections[0].rows
        let index = try #require(rows.firstIndex { $0.id == "carriedForward" })
        rows[index].cells[0].value = 0
        report.tables.three.sections[0].rows = rows
        // act
        report = AnnualReportBuilder.recheck(report, input: input)
        // check: 一 4 + 二 1 ≠ （七） 4 + 四 0 in 自然人; 总计 1 ≠ 0 in that row.
        let corner = try #require(report.checks.first { $0.name == "表三勾稽关系（自然人）" })
        #expect(!corner.ok)
        #expect(corner.cells == ["三.newlyReceived.naturalPerson", "三.carriedOver.naturalPerson",
                                 "三.concludedTotal.naturalPerson", "三.carriedForward.naturalPerson"])
        #expect(corner.explanation.contains("4＋1＝5，而4＋0＝4"))
        #expect(report.failedChecks.map(\.name) == ["表三勾稽关系（自然人）", "表三总计列等于各申请人列之和"])
        #expect(report.checks.first { $0.name == "表三总计列等于各申请人列之和" }?.cells == ["三.carriedForward.total"])
        #expect(!report.canPublish)
    }

    @Test func aMissingEnteredFigureBlocksPublication() {
        let report = AnnualReportBuilder.build(AnnualReportFixture.input(requests: requests, figures: []))
        #expect(report.failedChecks.map(\.name) == ["人工填报数据已填写"])
        #expect(report.failingCells == ["二.fee.amount"])
        #expect(report.tables.cell("二.fee.amount")?.value == nil)
        #expect(!report.canPublish)
    }

    @Test func aFigureForACellTheFormatLacksIsReported() {
        let stray = EnteredFigure(cellID: "二.procurement.amount", value: 3, enteredBy: "张三", enteredOn: TestCalendar.date("2027-01-10"))
        let report = AnnualReportBuilder.build(AnnualReportFixture.input(requests: requests, figures: [AnnualReportFixture.fee, stray]))
        #expect(report.failedChecks.map(\.name) == ["人工填报数据对应本年度表格"])
        #expect(report.failingCells == ["二.procurement.amount"])
    }
}
