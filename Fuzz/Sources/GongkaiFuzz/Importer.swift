import Foundation
@testable import GongkaiInterchange

/// The whole import: bytes → FormatSniffer → reader → interpreter → catalog, as an upload goes.
enum Importer {
    @Sendable static func run(_ data: Data) {
        // Old Office formats, RTF and 2003 XML go to LibreOffice, a separate process: not this fuzzer's business.
        if case .converted = FormatSniffer.binary(data, fileName: "fuzz.txt") { return }
        // The last byte picks the file name, which settles what content leaves open (CSV without commas, damaged ZIPs).
        let names = ["目录.txt", "目录.csv", "目录.xlsx", "目录.docx", "目录.html", "目录.md"]
        let name = names[Int(data.last ?? 0) % names.count]
        guard let result = try? CatalogImporter.importData(data, fileName: name) else { return }
        // What the importer hands on must survive the JSON round trip the store and exports use.
        _ = try? JSONEncoder().encode(result.catalog)
    }
}
