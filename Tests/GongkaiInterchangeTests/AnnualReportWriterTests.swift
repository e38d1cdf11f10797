import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// The annual report as .docx: the text in order, and tables 二、三、四 with every label and figure of the core's
/// tables and the merged cells of their spanning headers, in both formats.
@Suite struct AnnualReportWriterTests {
    /// A table cell as written: its text, gridSpan and vMerge ("restart", "continue" or nil).
    struct WrittenCell: Equatable {
        var text: String
        var span: Int
        var merge: String?
    }

    static func tables(_ docx: Data) throws -> [[[WrittenCell]]] {
        let body = try #require(try DocxTestSupport.part(docx, "word/document.xml").descendants("body").first)
        return body.children("tbl").map { table in
            table.children("tr").map { row in
                row.children("tc").map { cell in
                    let properties = cell.child("tcPr")
                    let merge = properties?.child("vMerge").map { $0.attribute("val") ?? "continue" }
                    return WrittenCell(text: cell.children("p").map(DocxTestSupport.text).joined(separator: "\n"),
                                       span: properties?.child("gridSpan")?.attribute("val").flatMap(Int.init) ?? 1, merge: merge)
                }
            }
        }
    }

    /// `expected` occurs in `texts` in this order (other texts may come between).
    static func inOrder(_ expected: [String], in texts: [String]) -> Bool {
        var remaining = texts[...]
        for text in expected {
            guard let index = remaining.firstIndex(of: text) else { return false }
            remaining = remaining[(index + 1)...]
        }
        return true
    }

    /// What a reader sees in a table, row by row: captions, row headers, groups, labels and figures.
    static func expectedBody(_ table: ReportTable) -> [String] {
        table.sections.flatMap { section in
            [section.caption].compactMap { $0 } + [section.rowHeader].filter { !$0.isEmpty } + section.rows.flatMap { row in
                (section.rowHeader.isEmpty ? [] : [row.label]) + row.cells.map { $0.value.map { "\($0)" } ?? "" }
            }
        }
    }

    @Test(arguments: [2026, 2020]) func everyLabelAndFigureIsInItsTableInOrder(year: Int) throws {
        let report = AnnualReportSample.report(year: year)
        #expect(report.format == (year == 2026 ? .format2021 : .trial2019))
        let written = try Self.tables(try AnnualReportWriter.docx(report))
        #expect(written.count == 3)
        for (table, cells) in zip(report.tables.all, written) {
            let texts = cells.flatMap { $0.map(\.text) }
            #expect(Self.inOrder(Self.expectedBody(table), in: texts), "\(table.title): rows out of order or missing")
            let headers = table.sections.flatMap { $0.columns.flatMap { $0.groups + [$0.label] } + $0.rows.flatMap(\.groups) }
            for header in Set(headers) { #expect(texts.contains(header), "\(table.title): “\(header)” missing") }
            // Every label and group once per section: spanning headers are merged, not repeated.
            for section in table.sections where section.caption == nil {
                for group in Set(section.columns.flatMap(\.groups) + section.rows.flatMap(\.groups)) {
                    #expect(texts.filter { $0 == group }.count == 1, "“\(group)” is written more than once")
                }
            }
        }
        // Figures: whole numbers without decimals, the 万元 amount as entered.
        let two = written[0].flatMap { $0.map(\.text) }
        #expect(!two.contains { $0.hasSuffix(".0") })
        if report.format == .format2021 { #expect(two.contains("1.25")) }
    }

    @Test func tableThreeMergesTheApplicantAndResultGroups() throws {
        let report = AnnualReportSample.report()
        let three = try Self.tables(try AnnualReportWriter.docx(report))[1]
        #expect(three.allSatisfy { $0.map(\.span).reduce(0, +) == 10 }, "3 label and 7 figure columns on every row")
        // Header: the corner over 3 label columns and 3 rows; 申请人情况 over all 7; 自然人 and 总计 over 2 rows;
        // 法人或其他组织 over its 5 kinds.
        #expect(three[0] == [WrittenCell(text: report.tables.three.sections[0].rowHeader, span: 3, merge: "restart"),
                             WrittenCell(text: "申请人情况", span: 7, merge: nil)])
        #expect(three[1].map(\.text) == ["", "自然人", "法人或其他组织", "总计"])
        #expect(three[1].map(\.span) == [3, 1, 5, 1])
        #expect(three[1].map(\.merge) == ["continue", "restart", nil, "restart"])
        #expect(three[2].map(\.text) == ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
        #expect(three[2].map(\.merge) == ["continue", "continue", nil, nil, nil, nil, nil, "continue"])
        // Body: 一 and 二 over the three label columns, then 三、本年度办理结果 down the first column.
        #expect(three[3].first == WrittenCell(text: "一、本年新收政府信息公开申请数量", span: 3, merge: nil))
        #expect(three[4].first == WrittenCell(text: "二、上年结转政府信息公开申请数量", span: 3, merge: nil))
        #expect(Array(three[5].prefix(2)) == [WrittenCell(text: "三、本年度办理结果", span: 1, merge: "restart"),
                                               WrittenCell(text: "（一）予以公开", span: 2, merge: nil)])
        let withheld = try #require(three.firstIndex { $0.contains { $0.text == "（三）不予公开" } })
        #expect(Array(three[withheld].prefix(3).map(\.text)) == ["", "（三）不予公开", "1.属于国家秘密"])
        #expect(three[withheld][1].merge == "restart" && three[withheld + 1][1].merge == "continue")
        let total = try #require(three.firstIndex { $0.contains { $0.text == "（七）总计" } })
        #expect(three[total].first?.merge == "continue", "（七）总计 is still under 三、本年度办理结果")
        #expect(three.last?.first == WrittenCell(text: "四、结转下年度继续办理", span: 3, merge: nil))
        // The figures of 一: 自然人 3, 商业企业 1, 科研机构 1, 社会公益组织 1, 法律服务机构 0, 其他 1, 总计 7.
        #expect(three[3].dropFirst().map(\.text) == ["3", "1", "1", "1", "0", "1", "7"])
    }

    @Test func tableFourHasThreeHeaderRowsAndNoLabelColumn() throws {
        let four = try Self.tables(try AnnualReportWriter.docx(AnnualReportSample.report()))[2]
        #expect(four.count == 4)
        #expect(four[0] == [WrittenCell(text: "行政复议", span: 5, merge: "restart"), WrittenCell(text: "行政诉讼", span: 10, merge: nil)])
        #expect(four[1] == [WrittenCell(text: "", span: 5, merge: "continue"), WrittenCell(text: "未经复议直接起诉", span: 5, merge: nil),
                            WrittenCell(text: "复议后起诉", span: 5, merge: nil)])
        #expect(four[2].map(\.text) == Array(repeating: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], count: 3).flatMap { $0 })
        // 复议: 维持 1, 纠正 1; 直接起诉: 尚未审结 1; 复议后起诉: 其他结果 1.
        #expect(four[3].map(\.text) == ["1", "1", "0", "0", "2", "0", "0", "0", "1", "1", "0", "0", "1", "0", "1"])
    }

    @Test func tableTwoHasCaptionRowsAndHeadersPerSection() throws {
        let twoOf2021 = try Self.tables(try AnnualReportWriter.docx(AnnualReportSample.report()))[0]
        #expect(twoOf2021.allSatisfy { $0.map(\.span).reduce(0, +) == 4 })
        #expect(twoOf2021[0] == [WrittenCell(text: "第二十条第（一）项", span: 4, merge: nil)])
        #expect(twoOf2021[1].map(\.text) == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        #expect(twoOf2021[5] == [WrittenCell(text: "信息内容", span: 1, merge: nil), WrittenCell(text: "本年处理决定数量", span: 3, merge: nil)])
        #expect(twoOf2021.last == [WrittenCell(text: "行政事业性收费", span: 1, merge: nil), WrittenCell(text: "1.25", span: 3, merge: nil)])

        let trial = try Self.tables(try AnnualReportWriter.docx(AnnualReportSample.report(year: 2020)))[0]
        let captions = trial.filter { $0.count == 1 }.map { $0[0].text }
        #expect(captions == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"])
        // （八） and （九） have two columns on the three-column grid: the second takes the rest.
        let eighth = try #require(trial.firstIndex { $0.first?.text == "第二十条第（八）项" })
        #expect(trial[eighth + 1].map(\.text) == ["信息内容", "上一年项目数量", "本年增/减"])
        #expect(trial[eighth + 1].map(\.span) == [1, 1, 2])
        // Entered cells not yet filled in stay blank.
        #expect(trial[eighth + 2].map(\.text) == ["行政事业性收费", "", ""])
    }

    @Test func textHasTitlePrefaceSectionsInOrderAndSignature() throws {
        var report = AnnualReportSample.report()
        report.sections[4] = report.sections[4].editing("（一）存在的主要问题\n部分信息更新不够及时。\n\n（二）改进情况\n将加强审核。")
        let paragraphs = try DocxTestSupport.paragraphs(try AnnualReportWriter.docx(report, publishedOn: CivilDate("2027-01-20")!))
            .filter { !$0.isEmpty }
        #expect(paragraphs.first == "某县医疗保障局\n2026年政府信息公开工作年度报告")
        #expect(paragraphs[1].hasPrefix("本报告根据《中华人民共和国政府信息公开条例》"))
        #expect(paragraphs[1].contains("（国办公开办函〔2021〕30号）") && paragraphs[1].contains("自2026年1月1日起至2026年12月31日止"))
        #expect(Self.inOrder(NarrativeSection.headings, in: paragraphs))
        #expect(Self.inOrder(["五、存在的主要问题及改进情况", "（一）存在的主要问题", "部分信息更新不够及时。", "（二）改进情况", "将加强审核。",
                              "六、其他需要报告的事项"], in: paragraphs))
        #expect(Array(paragraphs.suffix(2)) == ["某县医疗保障局", "2027年1月20日"])
        for section in report.sections where !section.text.contains("\n") {
            #expect(paragraphs.contains(section.text.trimmed))
        }
        let trial = try DocxTestSupport.paragraphs(try AnnualReportWriter.docx(AnnualReportSample.report(year: 2020)))
        #expect(trial.contains { $0.contains("（国办公开办函〔2019〕60号）") })
        #expect(trial.last { !$0.isEmpty } != "某县医疗保障局", "no signature without a publication date")
    }

    @Test func everyTableKeepsTogetherButNotWithTheNextHeading() throws {
        let body = try #require(try DocxTestSupport.part(try AnnualReportWriter.docx(AnnualReportSample.report()), "word/document.xml")
            .descendants("body").first)
        for table in body.children("tbl") {
            let keeps = table.children("tr").map { row in row.descendants("p").allSatisfy { $0.child("pPr")?.child("keepNext") != nil } }
            #expect(keeps == Array(repeating: true, count: keeps.count - 1) + [false])
        }
    }

    @Test func subheadingsAreShortNumberedLinesWithoutFullStop() {
        #expect(AnnualReportWriter.isSubheading("（一）主动公开情况"))
        #expect(!AnnualReportWriter.isSubheading("（一）主动公开情况。本年共公开信息120条。"))
        #expect(!AnnualReportWriter.isSubheading("（本列数据）"))
        #expect(!AnnualReportWriter.isSubheading("一、总体情况"))
    }

    @Test func headingsAreHeiAndTablesThreeAndFourAreSmallFive() throws {
        let document = AnnualReportWriter.document(AnnualReportSample.report())
        let headings = document.blocks.compactMap { if case .paragraph(let p) = $0, p.style == .heading1 { p.text } else { nil } }
        #expect(headings == NarrativeSection.headings)
        let tables = document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        #expect(tables.map(\.size) == [DocxSize.five, DocxSize.smallFive, DocxSize.smallFive])
        #expect(tables.map(\.keepTogether) == [true, true, true])
        // Each table follows its section's text, before the next heading.
        let kinds = document.blocks.map { block -> String in
            switch block {
            case .table: "table"
            case .paragraph(let p) where p.style == .heading1: p.text
            default: "text"
            }
        }
        for (number, heading) in NarrativeSection.headings.enumerated() where (1...3).contains(number) {
            let start = try #require(kinds.firstIndex(of: heading))
            let next = try #require(kinds.firstIndex(of: NarrativeSection.headings[number + 1]))
            #expect(kinds[start..<next].filter { $0 == "table" }.count == 1 && kinds[next - 1] == "table")
        }
    }
}
