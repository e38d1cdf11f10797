import Foundation
import GongkaiCore
import Testing

/// Years before 2021 use the 2019 trial format (国办公开办函〔2019〕60号); the JSON has the agreed shape.
@Suite struct AnnualReportFormatTests {
    @Test func formatIsChosenByYear() {
        #expect(ReportFormat.forYear(2020) == .trial2019)
        #expect(ReportFormat.forYear(2021) == .format2021)
    }

    @Test func year2020UsesTheTrialRowsAndColumns() throws {
        // setup: a 2020 request abandoned for lack of 补正, one 行政许可, one 规范性文件 written 2019 and published 2020.
        let d = AnnualReportFixture.d
        let lapsed = try AnnualReportFixture.request(.naturalPerson, [
            .received(on: d("2020-06-01"), channel: .online), .clarificationRequested(on: d("2020-06-03"), items: ["文号"]),
            .clarificationExpired(on: d("2020-07-31")),
        ])
        let input = ReportInput(year: 2020, agencyName: "某县医疗保障局",
                                normativeDocuments: [.init(recordID: 1, kind: .normativeDocument, writtenDate: d("2019-12-20"),
                                                           publishedDate: d("2020-01-06"))],
                                decisions: [.init(recordID: 2, kind: .license, decidedOn: d("2020-05-05"))], requests: [lapsed])
        // act
        let report = AnnualReportBuilder.build(input)
        // check
        #expect(report.format == .trial2019)
        let two = report.tables.two
        #expect(two.sections.map(\.caption) == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
                                                "第二十条第（九）项"])
        #expect(two.sections[0].columns.map(\.label) == ["本年新制作数量", "本年新公开数量", "对外公开总数量"])
        #expect(two.sections[0].rows.map(\.label) == ["规章", "规范性文件"])
        #expect(two.sections[1].columns.map(\.label) == ["上一年项目数量", "本年增/减", "处理决定数量"])
        #expect(two.sections[1].rows.map(\.label) == ["行政许可", "其他对外管理服务事项"])
        #expect(two.sections[3].columns.map(\.label) == ["上一年项目数量", "本年增/减"])
        #expect(two.sections[4].rows.map(\.label) == ["政府集中采购"])
        #expect(two.sections[4].columns.map(\.label) == ["采购项目数量", "采购总金额"])
        #expect(report.value("二.normativeDocument.madeNew") == 0)
        #expect(report.value("二.normativeDocument.publishedNew") == 1)
        #expect(report.value("二.normativeDocument.publishedTotal") == 1)
        #expect(report.value("二.license.decisions") == 1)
        #expect(two.cell("二.license.previousItems")?.source == .entered)
        // 三: （六）其他处理 is one row; 23 rows in all.
        let rows = report.tables.three.sections[0].rows
        #expect(rows.count == 23)
        #expect(!rows.contains { $0.id.hasPrefix("otherHandling.") })
        let other = try #require(rows.first { $0.id == "otherHandling" })
        #expect(other.label == "（六）其他处理")
        #expect(report.value("三.otherHandling.naturalPerson") == 1 && report.value("三.concludedTotal.total") == 1)
        #expect(report.tables.four.cells.count == 15)
        #expect(report.checks.filter { !$0.ok }.map(\.name) == ["人工填报数据已填写"])
    }

    @Test func jsonHasChineseTableKeysAndChecksWithNameAndOK() throws {
        let report = AnnualReportBuilder.build(AnnualReportFixture.input(requests: try AnnualReportFixture.requests()))
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tables = try #require(object["tables"] as? [String: Any])
        #expect(Set(tables.keys) == ["二", "三", "四"])
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(!checks.isEmpty && checks.allSatisfy { $0["name"] is String && $0["ok"] is Bool })
        #expect(object["format"] as? String == "format2021")
        let decoded = try JSONDecoder().decode(AnnualReport.self, from: data)
        #expect(decoded == report)
    }
}
