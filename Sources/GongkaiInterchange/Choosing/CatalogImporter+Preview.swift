import Foundation
import GongkaiCore

extension CatalogImporter {
    /// Reads a file as `importData` would, with the tables as read, for staff to check and correct the reading
    /// (column roles, header rows) before the catalog is stored.
    public static func preview(data: Data, fileName: String, agency: String? = nil,
                               choices: ReadingChoices? = nil) throws -> ImportPreview {
        let read = try reading(data, fileName: fileName, agency: agency, choices: choices)
        return ImportPreview(fileName: fileName, format: read.result.format, choices: choices.flatMap { $0.isEmpty ? nil : $0 },
                             tables: read.tables.map(ImportPreview.Table.init),
                             items: read.result.catalog.items.map { ImportPreview.Item(path: $0.path, code: $0.code, item: $0.item) },
                             result: read.result)
    }
}
