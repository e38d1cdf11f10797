import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// The preview staff see before an import is stored: each table as read, its columns' roles and header rows, and the items.
@Suite struct ImportPreviewTests {
    static func preview(_ text: String, _ name: String = "民政.txt", choices: ReadingChoices? = nil) throws -> ImportPreview {
        try CatalogImporter.preview(data: Data(text.utf8), fileName: name, choices: choices)
    }

    static func preview(fixture: String, choices: ReadingChoices? = nil) throws -> ImportPreview {
        let url = SeedFiles.fixtures.appendingPathComponent(fixture)
        return try CatalogImporter.preview(data: Data(contentsOf: url), fileName: url.lastPathComponent, choices: choices)
    }

    @Test func showsTheTableColumnsAndItemsAsRead() throws {
        let preview = try Self.preview(ChosenReadingTests.misheaded)
        #expect(preview.choices == nil)
        let table = try #require(preview.tables.first)
        #expect(preview.tables.count == 1)
        #expect(table.headerRowCount == 1)
        #expect(table.totalRows == 4)
        #expect(table.rows.first == ["序号", "一级事项", "二级事项", "公开内容", "完成要求", "公开主体"])
        #expect(table.rows.last?[4] == "每季度更新")
        #expect(table.columns.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(table.columns.map(\.role) == [.sequence, .level(1), .level(2), .content, nil, .publisher])
        #expect(table.columns[4].header == "完成要求")
        #expect(table.columns[4].roleName == "未识别（记入备注）")
        #expect(table.columns.allSatisfy { !$0.chosen })
        #expect(preview.items.map(\.path) == preview.result.catalog.items.map(\.path))
        #expect(preview.items.count == 3)
    }

    @Test func choicesShowAsChosenAndTheDeadlineIsParsed() throws {
        let preview = try Self.preview(ChosenReadingTests.misheaded, choices: try ReadingChoices(columns: "5=时限", headerRows: nil))
        let columns = try #require(preview.tables.first?.columns)
        #expect(columns[4].role == .deadline)
        #expect(columns[4].roleName == "公开时限")
        #expect(columns[4].chosen)
        #expect(columns.filter(\.chosen).count == 1)
        #expect(preview.items[1].item.deadlineText == "领导调整后10个工作日内")
        #expect(preview.items[1].item.deadlineRule == DeadlineParser.parse("领导调整后10个工作日内"))
    }

    @Test func encodesAsPlainJSON() throws {
        let preview = try Self.preview(ChosenReadingTests.misheaded, choices: ReadingChoices(columnRoles: [5: .deadline, 6: .ignore]))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(preview)) as! [String: Any]
        let tables = try #require(json["tables"] as? [[String: Any]])
        let columns = try #require(tables.first?["columns"] as? [[String: Any]])
        #expect(columns[4]["role"] as? String == "时限")
        #expect(columns[5]["role"] as? String == "忽略")
        #expect(columns[4]["chosen"] as? Bool == true)
        let choices = try #require(json["choices"] as? [String: Any])
        #expect((choices["columnRoles"] as? [String: String]) == ["5": "时限", "6": "忽略"])
        let decoded = try JSONDecoder().decode(ImportPreview.self, from: JSONEncoder().encode(preview))
        #expect(decoded.tables.first?.columns == preview.tables.first?.columns)
        #expect(decoded.result.catalog == preview.result.catalog)
    }

    @Test func longTablesAreCut() throws {
        let rows = (1...250).map { "机构信息\t事项\($0)\t第\($0)项内容说明\t自该信息形成或者变更之日起20个工作日内\t办公室" }
        let text = (["一级事项\t二级事项\t公开内容\t公开时限\t责任科室"] + rows).joined(separator: "\n")
        let table = try #require(try Self.preview(text, "长表.tsv").tables.first)
        #expect(table.rows.count == ImportPreview.rowLimit)
        #expect(table.totalRows == 251)
        #expect(table.rows[1].first == "机构信息")
    }

    /// Text with one cell per paragraph: the recovering reader's table is what staff choose against.
    @Test func aRecoveredTableIsReadAgainUnderChoices() throws {
        let fixture = "real-catalogs/sntzq-jtys.txt"
        let plain = try Self.preview(fixture: fixture)
        #expect(plain.result.format.contains("每格一段"))
        let table = try #require(plain.tables.first)
        let deadline = try #require(table.columns.first { $0.role == .deadline })
        let publisher = try #require(table.columns.first { $0.role == .publisher })

        let same = try Self.preview(fixture: fixture, choices: ReadingChoices(columnRoles: [deadline.number: .deadline]))
        #expect(same.items.map(\.path) == plain.items.map(\.path))
        #expect(same.items.map(\.item.deadlineText) == plain.items.map(\.item.deadlineText))
        #expect(same.items.map(\.item.content) == plain.items.map(\.item.content))
        #expect(same.tables.first?.columns[deadline.number - 1].chosen == true)
        #expect(!same.items.flatMap { $0.item.doubts ?? [] }.contains { $0.field == "公开时限" && $0.reason.hasSuffix("可能错列") })

        let ignored = try Self.preview(fixture: fixture, choices: ReadingChoices(columnRoles: [publisher.number: .ignore]))
        #expect(plain.items.contains { !$0.item.publisher.isEmpty })
        #expect(ignored.items.allSatisfy { $0.item.publisher.isEmpty })
        #expect(ignored.items.count == plain.items.count)
    }

    @Test func aPDFTableHonoursChoices() throws {
        let plain = try Self.preview(fixture: "catalog-text.pdf")
        #expect(plain.format == CatalogImporter.pdfFormat)
        let publisher = try #require(plain.tables.first?.columns.first { $0.role == .publisher })
        let ignored = try Self.preview(fixture: "catalog-text.pdf", choices: ReadingChoices(columnRoles: [publisher.number: .ignore]))
        #expect(plain.items.contains { !$0.item.publisher.isEmpty })
        #expect(ignored.items.allSatisfy { $0.item.publisher.isEmpty })
        #expect(ignored.result.diagnostics.contains { $0.message.contains("按人工指定") })
    }

    @Test(arguments: ["catalog-merged.xlsx", "catalog-merged.docx", "web-catalog.html", "web-catalog-copied.txt", "hospital-catalog.md",
                      "guannan-gb18030.txt", "web-catalog.xls"])
    func everyReaderHonoursChoices(fixture: String) throws {
        let plain = try Self.preview(fixture: fixture)
        let deadline = try #require(plain.tables.first?.columns.first { $0.role == .deadline })
        let ignored = try Self.preview(fixture: fixture, choices: ReadingChoices(columnRoles: [deadline.number: .ignore]))
        #expect(plain.items.contains { !$0.item.deadlineText.isEmpty })
        #expect(ignored.items.allSatisfy { $0.item.deadlineText.isEmpty })
        #expect(ignored.items.map(\.path) == plain.items.map(\.path))
    }
}
