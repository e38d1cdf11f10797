import Foundation
import GongkaiCore
import GongkaiInterchange
import Testing

/// Office files made by LibreOffice from an HTML table with rowspan/colspan (scripts/make-office-fixtures.sh).
@Suite struct OfficeImportTests {
    @Test(arguments: ["catalog-merged.docx", "catalog-merged.xlsx"])
    func mergedCellsAreReadAsMerged(file: String) throws {
        let result = try CatalogImporter.importFile(at: SeedFiles.fixtures.appendingPathComponent(file))
        let catalog = result.catalog
        #expect(catalog.agency.name == "示范县医疗保障局")
        #expect(catalog.version == "2024版")
        let items = catalog.items
        #expect(items.map(\.path) == [["政策法规", "部门文件"], ["政策法规", "政策解读"], ["政策法规", "规范性文件清理"],
                                      ["医疗救助", "救助标准"], ["医疗救助", "救助情况"]])
        #expect(items.map(\.code) == ["010100", "010200", "010300", "020100", "020200"])
        #expect(items[1].item.deadlineText == "自该信息形成或者变更之日起20个工作日内。")
        #expect(items.allSatisfy { $0.item.publisher == "示范县医疗保障局" })
        #expect(items[1].item.responsibleUnits == ["法规监察科"])
        // A colspan: the content cell covers 公开依据, which stays empty rather than being carried down.
        #expect(items[2].item.content == "链接县政府网站规范性文件库")
        #expect(items[2].item.legalBasisText.isEmpty)
        #expect(items[4].item.responsibleUnits == ["待遇保障科", "医疗救助科"])
        #expect(items[4].item.legalBases.first?.documentNumber == "国务院令第649号")
        #expect(items[4].item.audiences == [.specific])
        #expect(items[0].item.checkedChannelNames == ["政府网站", "两微一端"])
        #expect(result.count(.warning) == 0)
    }
}
