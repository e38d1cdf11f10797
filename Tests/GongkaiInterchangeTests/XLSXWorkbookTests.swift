import Foundation
import GongkaiInterchange
import Testing

/// The general workbook writer and the plain sheet reader.
@Suite struct XLSXWorkbookTests {
    @Test func sheetsOfTextAndNumbersReadBack() throws {
        let workbook = XLSXWorkbook(sheets: [
            XLSXWorkbook.Sheet(name: "问题清单", rows: [["类型", "数量"], ["空白栏目", 5], ["<&\"特殊\">", 0], [], ["", "只有第二列"]],
                               columnWidths: [20, 8]),
            XLSXWorkbook.Sheet(name: "检查结论", text: [["合并标题"], ["a", "b", "c"]], merges: ["A1:C1"]),
        ])
        let sheets = try XLSXWorkbook.read(try workbook.data())
        #expect(sheets.map(\.name) == ["问题清单", "检查结论"])
        #expect(sheets[0].rows == [["类型", "数量"], ["空白栏目", "5"], ["<&\"特殊\">", "0"], ["", ""], ["", "只有第二列"]])
        #expect(sheets[1].rows == [["合并标题", "", ""], ["a", "b", "c"]])
    }

    @Test func sheetNamesFollowExcelRules() throws {
        let long = String(repeating: "长", count: 40)
        let workbook = XLSXWorkbook(sheets: [XLSXWorkbook.Sheet(name: "a/b:c", rows: [["1"]]), XLSXWorkbook.Sheet(name: long, rows: [["2"]]),
                                             XLSXWorkbook.Sheet(name: long, rows: [["3"]]), XLSXWorkbook.Sheet(name: " ", rows: [["4"]])])
        let names = try XLSXWorkbook.read(try workbook.data()).map(\.name)
        #expect(names[0] == "a_b_c")
        #expect(names[1] == String(repeating: "长", count: 31))
        #expect(names[2] == String(repeating: "长", count: 28) + "(2)")
        #expect(names[3] == "Sheet4")
    }

    @Test func controlCharactersAreDroppedNotWritten() throws {
        let data = try XLSXWorkbook(sheets: [XLSXWorkbook.Sheet(name: "s", rows: [["a\u{1}b\tc"]])]).data()
        #expect(try XLSXWorkbook.read(data)[0].rows == [["ab\tc"]])
    }

    /// One escaper for .xlsx and .docx: U+FFFE and U+FFFF, which XML 1.0 forbids, were once written into cells.
    @Test func nonCharactersAreDroppedAndQuotesSurvive() throws {
        let data = try XLSXWorkbook(sheets: [XLSXWorkbook.Sheet(name: "s", rows: [["甲\u{FFFE}乙\u{FFFF}'丙\""]])]).data()
        #expect(try XLSXWorkbook.read(data)[0].rows == [["甲乙'丙\""]])
    }

    @Test func theCatalogExportIsOneSheetWithItsTitleMerged() throws {
        let catalog = try SeedFiles.load("000").catalog
        let sheets = try XLSXWorkbook.read(try CatalogXLSXWriter.write(catalog))
        #expect(sheets.count == 1)
        #expect(sheets[0].name == "主动公开基本目录")
        #expect(sheets[0].rows[0][0] == catalog.title)
        #expect(sheets[0].rows[1].first == "序号")
    }
}
