import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// Catalogs copied from real government pages (Tests/Fixtures/real-catalogs, each with what a careful reader
/// sees there). The corpus as a whole is held to its score; a few files of each shape pin their items.
@Suite struct RealCatalogTests {
    static let corpus = SeedFiles.fixtures.appendingPathComponent("real-catalogs")

    static func load(_ name: String) throws -> ImportResult {
        try CatalogImporter.importFile(at: corpus.appendingPathComponent(name))
    }

    @Test func theCorpusIsReadRightWithFewSilentErrors() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".truth.json") }
        #expect(names.count >= 16)
        var total = ImportAccuracy()
        for name in names {
            let base = String(name.dropLast(".truth.json".count))
            let truth = try CatalogTruth.load(Self.corpus.appendingPathComponent(name))
            let result = try Self.load(base + ".txt")
            total.add(ImportAccuracy.compare(result.catalog, with: truth,
                                             sections: result.diagnostics.contains { $0.kind == .sectionCreated }))
        }
        #expect(Double(total.right) >= 0.95 * Double(total.fields))
        #expect(Double(total.silent) <= 0.01 * Double(total.fields))
    }

    /// Bars, a two-line header whose cells broke over lines, rows that wrap after the channel cell, and a
    /// 一级 cell merged over three rows.
    @Test func pipesWithMergedFirstLevel() throws {
        let items = try Self.load("kyqq-zfb.txt").catalog.items
        #expect(items.map(\.path) == [["政策法规", "行政规范性文件"], ["文件及解读", "政策文件"], ["文件及解读", "政府文件"],
                                      ["文件及解读", "其他文件"], ["文件及解读", "政策解读"]])
        #expect(items[4].item.deadlineText == "与政策文件同步发布,时间跨度不超过5个工作日")
        #expect(items[1].item.checkedChannelNames == ["政府网站", "政府公报"])
        #expect(items.allSatisfy { $0.item.publisher == "科右前旗人民政府办公室" && $0.item.responsibleText == "综合组" })
        #expect(items.allSatisfy { $0.item.audiences == [.public] && $0.item.modes.isEmpty && $0.item.legalBasisText.isEmpty })
    }

    /// One cell per paragraph without bars: rows start at their 序号, a cell may span several paragraphs.
    @Test func oneCellPerParagraph() throws {
        let result = try Self.load("sntzq-jtys.txt")
        #expect(result.format == "网页复制的表格（每格一段）")
        let items = result.catalog.items
        #expect(items.map { $0.path.last! } == ["行政法规、规章", "规范性文件", "其他政策文件", "招投标与中标情况", "农村公路建设项目施工情况"])
        #expect(items[1].path == ["政策法规", "规范性文件"])
        #expect(items[4].item.content.split(separator: "\n").count == 5)
        #expect(items[4].item.legalBasisText.split(separator: "\n").count == 2)
        #expect(items.allSatisfy { $0.item.checkedChannelNames == ["政府网站", "交通部门网站"] && $0.item.audiences.isEmpty })
    }

    /// Cells separated by spaces; the channel list wraps over six lines and uses 口 for an empty box.
    @Test func spaceSeparatedWithWrappedChannels() throws {
        let items = try Self.load("nanjiang-zrzy.txt").catalog.items
        #expect(items.map(\.path) == [["机构信息", "自然资源主管部门及派出机构、公共服务机构信息"], ["公共服务", "政策文件"]])
        #expect(items.allSatisfy { $0.item.checkedChannelNames == ["政府网站", "政府服务中心"] })
        #expect(items.allSatisfy { $0.item.deadlineText == "信息形成或者变更之日起20个工作日内" && $0.item.publisher == "自然资源主管部门" })
    }

    /// One cell per line with "|" lines for empty cells, no 序号: rows are found by how their cells fit.
    @Test func oneCellPerLineWithoutNumbers() throws {
        let items = try Self.load("ordos-yjj.txt").catalog.items
        #expect(items.map(\.path) == [["政务工作", "应急管理政务工作"], ["单位概况", "领导信息"], ["单位概况", "内设机构"]])
        #expect(items.map(\.item.deadlineText) == ["及时公开", "信息形成或变更之日起20个工作日内", "信息形成或变更之日起20个工作日内"])
        #expect(items[0].item.remarks.contains("事项类别：法定公开"))
    }

    /// The column called 公开方式 holds the form (全文发布); 主动公开 is in 公开属性.
    @Test func modeFromTheAttributeColumn() throws {
        let items = try Self.load("pingwu-shbx.txt").catalog.items
        #expect(items.count == 3)
        #expect(items.allSatisfy { $0.item.modes == [.proactive] && $0.item.audiences == [.public] })
        #expect(items.allSatisfy { $0.item.checkedChannelNames == ["乡镇便民服务中心"] })
        #expect(items[2].path == ["社会保险参保信息维护", "养老保险待遇发放账户维护申请"])
    }

    /// A header that lost half its labels ("公开 | 公开") and its 序号; marks whose blanks collapsed.
    @Test func lostLabelsAreFoundByContent() throws {
        let result = try Self.load("qingpu-jyj.txt")
        let items = result.catalog.items
        #expect(items.map(\.path) == [["政策文件", "教育法律"], ["政策文件", "规范性文件"], ["教育概况", "教育事业发展主要情况"]])
        #expect(items.allSatisfy { $0.item.deadlineText == "信息形成或者变更之日起20个工作日内" && $0.item.publisher == "区教育局" })
        #expect(items.allSatisfy { $0.item.audiences == [.public] && $0.item.modes == [.proactive] })
        #expect(result.diagnostics.contains { $0.severity == .ambiguous && $0.message.contains("按单元格内容判断为“公开时限”") })
    }

    /// A row as long as a full row with one name: carried under the name above, but never silently.
    @Test func anUncertainPathIsMarkedDoubtful() throws {
        let items = try Self.load("weishan-gaj.txt").catalog.items
        #expect(items[1].path == ["组织机构", "信息公开组织管理"])
        #expect(items[1].item.doubts?.contains { $0.field == "公开事项" } == true)
        #expect(items[0].item.doubts == nil)
        #expect(items[3].path == ["政策文件", "规范性文件征集、备案、清理"])
        #expect(items[3].item.deadlineText == "15个工作日内公开")
    }

    /// A sub-row without name or number continues the item above; HTML left in a cell is doubted.
    @Test func subRowJoinsTheItemAbove() throws {
        let items = try Self.load("tuquan-czj.txt").catalog.items
        #expect(items.count == 1)
        #expect(items[0].item.content.hasPrefix("一般公共预算:") && items[0].item.content.contains("\n政府性基金预算:"))
        #expect(items[0].item.stages == [.result])
        #expect(items[0].item.doubts?.contains { $0.field == "公开依据" && $0.reason.contains("网页标记") } == true)
    }

    /// The same page copied by a browser, TABs between cells: the same items.
    @Test func tabCopyReadsLikeThePipeCopy() throws {
        let piped = try Self.load("tieli-snbt.txt")
        var text = try String(contentsOf: Self.corpus.appendingPathComponent("tieli-snbt.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: #"(?m)[ ]*\|\|+[ ]*$"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(?m)[ ]*\|[ ]*$"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"[ ]*\|[ ]*"#, with: "\t", options: .regularExpression)
        let tabbed = try CatalogImporter.importData(Data(text.utf8), fileName: "tieli.txt")
        #expect(tabbed.format == TextLayout.tabbed.label)
        #expect(tabbed.catalog.items.map(\.path) == piped.catalog.items.map(\.path))
        #expect(tabbed.catalog.items.map(\.item.deadlineText) == piped.catalog.items.map(\.item.deadlineText))
        #expect(tabbed.catalog.items.map(\.item.publisher) == piped.catalog.items.map(\.item.publisher))
        #expect(tabbed.catalog.items.map(\.item.modes) == piped.catalog.items.map(\.item.modes))
    }

    @Test func textWithoutAnyHeaderIsRefusedInChinese() {
        let text = "关于做好2024年政务公开工作的通知\n各单位：\n请按要求做好相关工作。\n"
        #expect(throws: ImportError.self) { try CatalogImporter.importData(Data(text.utf8), fileName: "通知.txt") }
    }
}
