import Foundation
@testable import GongkaiInterchange
import Testing

/// Tables with merged cells, as the annual report's table 三 needs, read back by the importer's own DOCXReader.
@Suite struct DocxTableTests {
    typealias Cell = DocxTable.Cell

    /// A corner cell over two rows and two columns, a header spanning three columns, a label over two rows,
    /// and a short last row.
    static func table() -> DocxTable {
        DocxTable(columnWidths: [3, 2, 1, 1, 1], rows: [
            .init([Cell("项目", columnSpan: 2, rowSpan: 2), Cell("申请人情况", columnSpan: 3)], isHeader: true),
            .init(["自然人", "法人或其他组织", "总计"], isHeader: true),
            .init([Cell("一、本年新收政府信息公开申请数量", columnSpan: 2, alignment: .left), "3", "1", "4"]),
            .init([Cell("三、本年度办理结果", rowSpan: 2), "（一）予以公开", "2", "1", "3"]),
            .init(["（二）部分公开", "1", "0", "1"]),
            .init(["四、结转下年度继续办理"]),
        ])
    }

    @Test func mergedCellsRoundTripThroughTheReader() throws {
        var document = DocxDocument()
        document.heading("三、收到和处理政府信息公开申请情况")
        document.append(Self.table())
        let source = try DOCXReader.read(try #require(try DocxPackage.entries(try document.data())["word/document.xml"]))
        let rows = source.blocks.compactMap { if case .row(let row) = $0 { row.cells } else { nil } }
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { $0.count == 5 })
        #expect(rows.map { $0.map(\.text) } == [
            ["项目", "", "申请人情况", "", ""],
            ["", "", "自然人", "法人或其他组织", "总计"],
            ["一、本年新收政府信息公开申请数量", "", "3", "1", "4"],
            ["三、本年度办理结果", "（一）予以公开", "2", "1", "3"],
            ["", "（二）部分公开", "1", "0", "1"],
            ["四、结转下年度继续办理", "", "", "", ""],
        ])
        func flags(_ row: Int) -> [String] {
            rows[row].map { ($0.mergedFromAbove ? "↑" : "") + ($0.mergedFromLeft ? "←" : "") }
        }
        #expect(flags(0) == ["", "←", "", "←", "←"])
        #expect(flags(1) == ["↑", "↑←", "", "", ""])
        #expect(flags(2) == ["", "←", "", "", ""])
        #expect(flags(4) == ["↑", "", "", "", ""])
        #expect(flags(5) == ["", "", "", "", ""])
    }

    @Test func wordMarkupHasGridSpanVMergeWidthsAndHeaderRows() throws {
        var document = DocxDocument()
        document.append(Self.table())
        let body = try #require(try DocxTestSupport.part(try document.data(), "word/document.xml").descendants("body").first)
        let table = try #require(body.child("tbl"))
        // A paragraph separates a final table from the section properties.
        #expect(body.children.map(\.name) == ["tbl", "p", "sectPr"])
        let grid = table.child("tblGrid")?.children("gridCol").compactMap { $0.attribute("w").flatMap(Int.init) } ?? []
        #expect(grid.count == 5 && grid.reduce(0, +) == DocxPage.textWidth && abs(grid[0] - 3 * grid[2]) <= 3)
        let rows = table.children("tr")
        #expect(rows.map { $0.child("trPr")?.child("tblHeader") != nil } == [true, true, false, false, false, false])
        let first = rows[0].children("tc").map { $0.child("tcPr") }
        #expect(first.map { $0?.child("gridSpan")?.attribute("val") } == ["2", "3"])
        #expect(first[0]?.child("vMerge")?.attribute("val") == "restart")
        #expect(first[0]?.child("tcW")?.attribute("w") == String(grid[0] + grid[1]))
        let covered = try #require(rows[1].children("tc").first?.child("tcPr"))
        #expect(covered.child("vMerge") != nil && covered.child("vMerge")?.attribute("val") == nil)
        #expect(covered.child("gridSpan")?.attribute("val") == "2")
        #expect(rows[0].descendants("b").count == 2, "header text is bold")
    }

    @Test func spansStopAtCellsCoveredFromAboveAndAtTheEdge() {
        let table = DocxTable(columns: 3, rows: [
            .init(["甲", Cell("乙", rowSpan: 2), "丙"]),
            .init([Cell("丁", columnSpan: 3), "戊"]),
            .init([Cell("己", columnSpan: 9)]),
        ])
        let layout = DocxTableLayout(table)
        #expect(layout.rows[1].map { [$0.column, $0.span] } == [[0, 1], [1, 1], [2, 1]])
        #expect(layout.rows[1].map(\.merge) == [.none, .continuation, .none])
        #expect(layout.rows[1].map { $0.cell?.text } == ["丁", nil, "戊"])
        #expect(layout.rows[2].map { [$0.column, $0.span] } == [[0, 3]])
    }

    @Test func columnWidthsAddUpToTheTextWidth() {
        #expect(DocxTableXML.columnWidths([1, 1, 1], total: 8845).reduce(0, +) == 8845)
        #expect(DocxTableXML.columnWidths([0, 0], total: 100) == [50, 50])
    }
}
