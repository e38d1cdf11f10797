import Foundation
import GongkaiCore

/// Writes a catalog as a one-sheet .xlsx in the standard layout, with the title in a merged first row.
public enum CatalogXLSXWriter {
    public static func write(_ catalog: Catalog) throws -> Data {
        let (header, rows) = StandardLayout.rows(catalog)
        let lastColumn = XLSXWorkbook.columnName(header.count - 1)
        let sheet = XLSXWorkbook.Sheet(name: "主动公开基本目录", text: [[catalog.title]] + [header] + rows, merges: ["A1:\(lastColumn)1"])
        return try XLSXWorkbook(sheets: [sheet]).data()
    }
}
