import Foundation
import GongkaiCore
import Testing

/// Every cell of tables 二, 三 and 四 for 2026 against counts worked out by hand in `AnnualReportFixture`.
@Suite struct AnnualReportTablesTests {
    func report() throws -> AnnualReport {
        AnnualReportBuilder.build(AnnualReportFixture.input(requests: try AnnualReportFixture.requests()))
    }

    /// Asserts that `table` has exactly `expected.count + zeros` cells, each equal to `expected[id] ?? 0`.
    func expectCells(_ table: ReportTable, _ expected: [String: Decimal], cellCount: Int,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(table.cells.count == cellCount, sourceLocation: sourceLocation)
        for cell in table.cells {
            #expect(cell.value == (expected[cell.id] ?? 0), "\(cell.id)", sourceLocation: sourceLocation)
        }
        for id in expected.keys { #expect(table.cell(id) != nil, "missing \(id)", sourceLocation: sourceLocation) }
    }

    @Test func tableTwoCountsDocumentsDecisionsAndTakesTheEnteredFee() throws {
        // setup / act
        let two = try report().tables.two
        // check
        #expect(two.title == "二、主动公开政府信息情况")
        #expect(two.sections.map(\.caption) == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"])
        #expect(two.sections.allSatisfy { $0.rowHeader == "信息内容" })
        #expect(two.sections[0].columns.map(\.label) == ["本年制发件数", "本年废止件数", "现行有效件数"])
        #expect(two.sections[0].rows.map(\.label) == ["规章", "行政规范性文件"])
        #expect(two.sections[2].rows.map(\.label) == ["行政处罚", "行政强制"])
        #expect(two.sections[3].columns.map(\.label) == ["本年收费金额（单位：万元）"])
        expectCells(two, [
            "二.regulation.inForce": 1,
            "二.normativeDocument.issued": 2, "二.normativeDocument.repealed": 1, "二.normativeDocument.inForce": 4,
            "二.license.decisions": 3, "二.penalty.decisions": 2, "二.fee.amount": Decimal(string: "1.25")!,
        ], cellCount: 10)
        let fee = try #require(two.cell("二.fee.amount"))
        #expect(fee.source == .entered && fee.enteredBy == "张三" && fee.enteredOn == TestCalendar.date("2027-01-10"))
        #expect(two.cell("二.license.decisions")?.source == .computed)
    }

    @Test func tableThreeEveryCell() throws {
        let three = try report().tables.three
        let columns = three.sections[0].columns
        #expect(columns.map(\.label) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
        #expect(columns[1].groups == ["申请人情况", "法人或其他组织"])
        #expect(three.sections[0].rowHeader == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
        let rows = three.sections[0].rows
        #expect(rows.count == 25)
        #expect(rows.first?.label == "一、本年新收政府信息公开申请数量")
        #expect(rows.last?.label == "四、结转下年度继续办理")
        #expect(rows.contains { $0.label == "3.危及“三安全一稳定”" && $0.groups == ["三、本年度办理结果", "（三）不予公开"] })
        expectCells(three, [
            // 一: R2 R3 R9 R10 | R4 | R5 | R6 | R7 R14 | R8
            "三.newlyReceived.naturalPerson": 4, "三.newlyReceived.commercialEnterprise": 1,
            "三.newlyReceived.researchInstitution": 1, "三.newlyReceived.socialWelfareOrganization": 1,
            "三.newlyReceived.legalServiceOrganization": 2, "三.newlyReceived.otherOrganization": 1, "三.newlyReceived.total": 10,
            // 二: R1 | R11
            "三.carriedOver.naturalPerson": 1, "三.carriedOver.commercialEnterprise": 1, "三.carriedOver.total": 2,
            // 三: R1 R2 R9 予以公开, R3 部分公开, R4 R14 R5 R11 R6 R7 R8
            "三.disclosed.naturalPerson": 3, "三.disclosed.total": 3,
            "三.partiallyDisclosed.naturalPerson": 1, "三.partiallyDisclosed.total": 1,
            "三.withheld.thirdPartyRights.commercialEnterprise": 1, "三.withheld.thirdPartyRights.total": 1,
            "三.withheld.processInformation.legalServiceOrganization": 1, "三.withheld.processInformation.total": 1,
            "三.unavailable.notHeld.researchInstitution": 1, "三.unavailable.notHeld.total": 1,
            "三.unavailable.needsCreation.commercialEnterprise": 1, "三.unavailable.needsCreation.total": 1,
            "三.notProcessed.duplicate.socialWelfareOrganization": 1, "三.notProcessed.duplicate.total": 1,
            "三.otherHandling.clarificationOverdue.legalServiceOrganization": 1, "三.otherHandling.clarificationOverdue.total": 1,
            "三.otherHandling.feeUnpaid.otherOrganization": 1, "三.otherHandling.feeUnpaid.total": 1,
            "三.concludedTotal.naturalPerson": 4, "三.concludedTotal.commercialEnterprise": 2,
            "三.concludedTotal.researchInstitution": 1, "三.concludedTotal.socialWelfareOrganization": 1,
            "三.concludedTotal.legalServiceOrganization": 2, "三.concludedTotal.otherOrganization": 1, "三.concludedTotal.total": 11,
            // 四: R10
            "三.carriedForward.naturalPerson": 1, "三.carriedForward.total": 1,
        ], cellCount: 25 * 7)
        #expect(three.cells.allSatisfy { $0.source == .computed })
    }

    @Test func tableFourEveryCell() throws {
        let four = try report().tables.four
        #expect(four.title == "四、政府信息公开行政复议、行政诉讼情况")
        let columns = four.sections[0].columns
        #expect(columns.count == 15)
        #expect(columns.prefix(5).map(\.label) == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
        #expect(columns[5].groups == ["行政诉讼", "未经复议直接起诉"] && columns[10].groups == ["行政诉讼", "复议后起诉"])
        expectCells(four, [
            // 复议: R2 维持, R3 纠正, R6 其他, R5 decided 2027 → 尚未审结; R12 decided 2025 not counted.
            "四.cases.review.upheld": 1, "四.cases.review.corrected": 1, "四.cases.review.other": 1, "四.cases.review.pending": 1,
            "四.cases.review.total": 4,
            // 直接起诉: R4 pending. 复议后起诉: R3 其他结果.
            "四.cases.directLitigation.pending": 1, "四.cases.directLitigation.total": 1,
            "四.cases.litigationAfterReview.other": 1, "四.cases.litigationAfterReview.total": 1,
        ], cellCount: 15)
    }
}
