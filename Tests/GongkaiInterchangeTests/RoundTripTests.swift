import Foundation
import GongkaiCore
import GongkaiInterchange
import Testing

/// Export to .xlsx, import it again, export JSON: the catalog content must be identical.
@Suite struct RoundTripTests {
    /// What "catalog content" means here: every normalized value, but not where it came from in the file
    /// nor the raw cell text of channels and responsible units (the export writes those in normalized form).
    static func content(_ catalog: Catalog) throws -> Data {
        var document = CatalogDocument(catalog)
        document.sourceFile = ""
        document.notes = []
        func strip(_ nodes: inout [CatalogNode]) {
            for index in nodes.indices {
                nodes[index].item?.provenance = Provenance(sourceFile: "", unit: .line, first: 0, last: 0)
                nodes[index].item?.channelText = ""
                nodes[index].item?.responsibleText = ""
                strip(&nodes[index].children)
            }
        }
        strip(&document.tree)
        for index in document.items.indices {
            document.items[index].source = Provenance(sourceFile: "", unit: .line, first: 0, last: 0)
            document.items[index].channelText = ""
            document.items[index].responsibleText = ""
        }
        return try document.jsonData()
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func xlsxRoundTripKeepsTheCatalog(prefix: String) throws {
        let original = try SeedFiles.load(prefix, agency: prefix == "004" ? "某市医疗保障局" : nil).catalog
        let xlsx = try CatalogXLSXWriter.write(original)
        let again = try CatalogImporter.importData(xlsx, fileName: "export.xlsx", agency: original.agency.name).catalog
        #expect(again.title == original.title)
        #expect(again.items.count == original.items.count)
        let before = String(decoding: try Self.content(original), as: UTF8.self)
        let after = String(decoding: try Self.content(again), as: UTF8.self)
        #expect(before == after)
    }

    @Test func csvExportHasTheStandardHeader() throws {
        let catalog = try SeedFiles.load("003").catalog
        let csv = CatalogCSVWriter.write(catalog)
        let lines = csv.split(separator: "\r\n")
        #expect(lines[1].hasPrefix("序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,责任科室,公开渠道和载体"))
        let again = try CatalogImporter.importData(Data(csv.utf8), fileName: "export.csv")
        #expect(again.catalog.items.count == 33)
    }
}
