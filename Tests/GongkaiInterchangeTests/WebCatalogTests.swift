import Foundation
import GongkaiCore
@testable import GongkaiInterchange
import Testing

/// A 卫生健康委 catalog as a 集约化 platform page serves it (Tests/Fixtures/web-catalog.html, gb2312, written from
/// scripts/fixtures/web-catalog.html), and the same page saved by LibreOffice as .doc and .xls.
/// What a careful reader of the page finds is pinned here once and checked against every form of it.
@Suite struct WebCatalogTests {
    static let paths = [["政策法规", "规范性文件"], ["政策法规", "政策解读"], ["公共卫生服务", "基本公共卫生服务项目"],
                        ["公共卫生服务", "预防接种"], ["公共卫生服务", "传染病疫情信息"], ["医疗服务", "医疗机构执业登记"],
                        ["医疗服务", "医师执业注册"], ["监督执法", "行政处罚"], ["监督执法", "双随机抽查结果"],
                        ["应急管理", "突发公共卫生事件信息"]]
    static let deadlines = ["自该信息形成或者变更之日起20个工作日内", "与政策文件同步公开", "每年3月底前公开上年度实施情况",
                            "信息变更后10个工作日内", "每月15日前公布上月情况", "作出许可决定之日起7个工作日内",
                            "作出许可决定之日起7个工作日内", "行政处罚决定作出之日起7个工作日内",
                            "抽查检查结果形成之日起20个工作日内", "即时公开，并动态更新"]
    static let commission = "青禾市卫生健康委员会"
    static let shared = "青禾市卫生健康委员会、各区卫生健康局"
    static let publishers = [commission, commission, shared, shared, "市疾病预防控制中心", commission, commission, commission,
                             commission, commission]
    static let units = [[commission], [commission], [commission, "各区卫生健康局"], [commission, "各区卫生健康局"],
                        ["市疾病预防控制中心"], [commission], [commission], [commission], [commission], [commission]]
    static let channels = [["政府网站", "两微一端"], ["政府网站", "两微一端"],
                           ["政府网站", "公开查阅点", "社区/村居/企事业单位公示栏（电子屏）"], ["政府网站", "两微一端", "便民服务站"],
                           ["政府网站", "两微一端", "发布会/听证会"], ["政府网站", "政务服务中心"], ["政府网站", "政务服务中心"],
                           ["政府网站", "两微一端"], ["政府网站"], ["政府网站", "两微一端", "广播电视", "发布会/听证会"]]
    static let audiences: [[Audience]] = [[.public], [.public], [.public], [.public], [.public], [.public, .specific], [.specific],
                                          [.public], [.public], [.public]]
    static let modes: [[Mode]] = Array(repeating: [.proactive], count: 6) + [[.proactive, .onRequest]] + Array(repeating: [.proactive], count: 3)
    static let tiers: [[Tier]] = [[.city], [.city], [.city, .district, .township], [.district, .township], [.city], [.city, .district],
                                  [.city, .district], [.city, .district], [.city, .district], [.city, .district, .township]]

    static func load(_ name: String, as fileName: String? = nil) throws -> ImportResult {
        let data = try Data(contentsOf: SeedFiles.fixtures.appendingPathComponent(name))
        return try CatalogImporter.importData(data, fileName: fileName ?? name)
    }

    /// What the page says, whichever file it comes in.
    static func checkCatalog(_ result: ImportResult) {
        let catalog = result.catalog
        #expect(catalog.title == "青禾市卫生健康委员会政务公开事项标准目录")
        #expect(catalog.agency.name == commission)
        #expect(result.publishedDate == CivilDate(year: 2023, month: 5, day: 10))
        let items = catalog.items.map(\.item)
        #expect(catalog.items.map(\.path) == paths)
        #expect(items.map(\.deadlineText) == deadlines)
        #expect(items.map(\.publisher) == publishers)
        #expect(items.map(\.responsibleUnits) == units)
        #expect(items.map(\.audiences) == audiences)
        #expect(items.map(\.modes) == modes)
        #expect(items.map(\.tiers) == tiers)
        #expect(items[0].content == "本委制定的规范性文件全文\n规范性文件清理结果和有效性标注")
        #expect(items[1].content == "政策文件的解读材料\n与政策文件同步发布，相互关联")
        // Cells spanning rows: the basis of 政策法规 and of 公共卫生服务, the 时限 of the two permits.
        #expect(items[1].legalBases.first?.documentNumber == "国务院令第711号")
        #expect(items[4].legalBasisText == "《中华人民共和国基本医疗卫生与健康促进法》\n《国家基本公共卫生服务规范（第三版）》")
        #expect(items[6].legalBases.first?.documentNumber == "国务院令第149号")
        #expect(items[8].legalBases.first?.documentNumber == "国发〔2019〕5号")
        #expect(catalog.notes.first == "注：公开层级中的“街镇级”指街道办事处和镇人民政府。")
        #expect(result.count(.warning) == 0)
        #expect(result.diagnostics.contains { $0.message == "目录发布日期取自表格前的文字：“发布时间：2023-05-10”，为2023-05-10" })
    }

    @Test func webPage() throws {
        let result = try Self.load("web-catalog.html")
        #expect(result.format == "网页 (HTML)")
        #expect(result.encoding == "GB18030")
        Self.checkCatalog(result)
        let items = result.catalog.items.map(\.item)
        #expect(items.map(\.checkedChannelNames) == Self.channels)
        // ■/□ glyphs and <input type="checkbox" checked> both say which boxes are ticked.
        #expect(items[0].channels.filter { !$0.checked }.map(\.name) == ["政府公报", "公开查阅点"])
        #expect(items[1].channels.filter { !$0.checked }.map(\.name) == ["政府公报"])
        #expect(items[6].channels.filter { !$0.checked }.map(\.name) == ["精准推送"])
        // Rows are counted in the catalog table, header rows included.
        #expect(result.catalog.items.first?.item.provenance.first == 3)
        // Navigation, banner and footer tables are page chrome; the footer is not a note.
        #expect(result.diagnostics.contains { $0.kind == .structure && $0.message == "页面共有4个表格，第3个（12行）被识别为目录" })
        #expect(result.catalog.notes == ["注：公开层级中的“街镇级”指街道办事处和镇人民政府。"])
        #expect(result.diagnostics.contains { $0.message == "机关名称取自标题：“青禾市卫生健康委员会”" })
    }

    @Test func pageNamedAsAnotherFormatIsStillAPage() throws {
        let result = try Self.load("web-catalog.html", as: "目录导出.xls")
        #expect(result.format == "网页 (HTML)")
        #expect(result.catalog.items.count == 10)
    }

    /// LibreOffice keeps the table, the merged cells and the ■/□ glyphs, but drops the <input> checkboxes
    /// of 政策解读: the .doc lists 政府网站 政府公报 两微一端 as plain text, so all three are read as its channels.
    @Test(arguments: [("web-catalog.doc", "Word 97-2003 (.doc)"), ("web-catalog.xls", "Excel 97-2003 (.xls)")])
    func oldOfficeFormatsAreConvertedByLibreOffice(file: String, format: String) throws {
        guard LegacyOfficeConverter.locateSoffice() != nil else {
            let error = #expect(throws: ImportError.self) { try Self.load(file) }
            #expect(error?.description.contains("需要安装 LibreOffice") == true)
            return
        }
        let result = try Self.load(file)
        #expect(result.format == "\(format)，经 LibreOffice 转换")
        Self.checkCatalog(result)
        let channels = result.catalog.items.map(\.item.checkedChannelNames)
        #expect(channels[1] == ["政府网站", "政府公报", "两微一端"])
        #expect(Array(channels[2...]) == Array(Self.channels[2...]))
        #expect(result.catalog.items[0].item.channels.filter { !$0.checked }.map(\.name) == ["政府公报", "公开查阅点"])
    }

    @Test func wpsNameGivesTheWPSFormat() throws {
        guard LegacyOfficeConverter.locateSoffice() != nil else { return }
        let result = try Self.load("web-catalog.doc", as: "卫健委目录.wps")
        #expect(result.format == "WPS 文字 (.wps)，经 LibreOffice 转换")
        #expect(result.catalog.items.count == 10)
    }
}
