import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// Staff's column roles and header rows, read by every reader in place of the importer's guesses.
@Suite struct ChosenReadingTests {
    /// A page copied as bars whose 时限 column is headed "完成要求", a label no catalog template uses.
    static let misheaded = try! String(contentsOf: SeedFiles.fixtures.appendingPathComponent("deadline-column-misheaded.txt"), encoding: .utf8)

    static func read(_ text: String, _ name: String = "民政.txt", columns: String? = nil, headerRows: Int? = nil) throws -> ImportResult {
        try CatalogImporter.importData(Data(text.utf8), fileName: name, choices: ReadingChoices(columns: columns, headerRows: headerRows))
    }

    @Test func aMisheadedDeadlineColumnIsFixedByChoosingItsRole() throws {
        let guessed = try Self.read(Self.misheaded)
        #expect(guessed.catalog.items.allSatisfy { $0.item.deadlineText.isEmpty })
        #expect(guessed.catalog.items.allSatisfy { $0.item.remarks.hasPrefix("完成要求：") })

        let chosen = try Self.read(Self.misheaded, columns: "5=时限")
        let items = chosen.catalog.items
        #expect(items.map(\.path) == [["机构信息", "机构职能"], ["机构信息", "领导信息"], ["社会救助", "低保对象"]])
        #expect(items.map(\.item.deadlineText) == ["自该信息形成或者变更之日起20个工作日内", "领导调整后10个工作日内", "每季度更新"])
        #expect(items[0].item.deadlineRule == DeadlineParser.parse("自该信息形成或者变更之日起20个工作日内"))
        #expect(items[0].item.deadlineRule != nil)
        #expect(items.allSatisfy { !$0.item.remarks.contains("完成要求") })
        #expect(chosen.diagnostics.contains { $0.severity == .inference && $0.message.hasPrefix("各列角色按人工指定：第5列为“公开时限”") })
        #expect(!chosen.diagnostics.contains { $0.kind == .unknownColumn })
    }

    @Test func anIgnoredColumnIsLeftOut() throws {
        let result = try Self.read(Self.misheaded, columns: "5=时限,6=忽略")
        #expect(result.catalog.items.count == 3)
        #expect(result.catalog.items.allSatisfy { $0.item.publisher.isEmpty && $0.item.remarks.isEmpty })
        #expect(result.catalog.items.allSatisfy { !$0.item.deadlineText.isEmpty })
    }

    @Test func aGuessedColumnGivesUpTheRoleStaffGaveAnother() throws {
        // 公开主体 given to the 完成要求 column: the header's own 公开主体 column goes to the remarks.
        let moved = try Self.read(Self.misheaded, columns: "5=公开主体")
        let first = try #require(moved.catalog.items.first?.item)
        #expect(first.publisher == "自该信息形成或者变更之日起20个工作日内")
        #expect(first.remarks == "公开主体：某县民政局")
        #expect(moved.diagnostics.contains { $0.message.hasPrefix("第6列原按表头或内容读作“公开主体”") })

        let swapped = try Self.read(Self.misheaded, columns: "4=时限,5=公开内容")
        #expect(swapped.catalog.items[0].item.deadlineText == "本单位主要职责、内设机构设置情况")
        #expect(swapped.catalog.items[0].item.content == "自该信息形成或者变更之日起20个工作日内")
    }

    /// A spreadsheet saved as TSV whose header names no column a catalog uses: it is read as a data row
    /// until staff say it is the header.
    static let unlabelled = """
        类目\t细目\t内容说明\t期限\t部门
        机构信息\t机构职能\t本单位主要职责\t自该信息形成或者变更之日起20个工作日内\t办公室
        机构信息\t领导信息\t领导姓名、分工\t领导调整后10个工作日内\t办公室
        财政信息\t部门预算\t部门预算及说明\t批复后20日内\t财务科
        """

    @Test func headerRowsSayWhichRowsAreTheHeader() throws {
        let guessed = try Self.read(Self.unlabelled, "目录.tsv")
        #expect(guessed.catalog.items.contains { $0.path.first == "类目" })

        let chosen = try Self.read(Self.unlabelled, "目录.tsv", columns: "1=一级，2=二级 3=公开内容、4=时限,5=责任单位", headerRows: 1)
        let items = chosen.catalog.items
        #expect(items.map(\.path) == [["机构信息", "机构职能"], ["机构信息", "领导信息"], ["财政信息", "部门预算"]])
        #expect(items.map(\.item.responsibleUnits) == [["办公室"], ["办公室"], ["财务科"]])
        #expect(items[2].item.deadlineText == "批复后20日内")
        #expect(chosen.diagnostics.contains { $0.message == "按人工指定，本表前1行为表头" })
    }

    @Test func noHeaderRowsMakesTheHeaderAnItem() throws {
        let result = try Self.read(Self.misheaded, columns: "1=序号,2=一级,3=二级,4=公开内容,5=时限,6=公开主体", headerRows: 0)
        #expect(result.catalog.items.map(\.path).first == ["一级事项", "二级事项"])
        #expect(result.catalog.items.count == 4)
    }

    @Test func aColumnBeyondTheTableIsReported() throws {
        let result = try Self.read(Self.misheaded, columns: "5=时限,9=依据")
        #expect(result.catalog.items.allSatisfy { !$0.item.deadlineText.isEmpty })
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("人工指定的第9列不存在") })
    }

    @Test func noChoicesReadsAsBefore() throws {
        let plain = try CatalogImporter.importData(Data(Self.misheaded.utf8), fileName: "民政.txt")
        let empty = try Self.read(Self.misheaded)
        #expect(plain.catalog == empty.catalog)
        #expect(plain.diagnostics == empty.diagnostics)
    }
}
