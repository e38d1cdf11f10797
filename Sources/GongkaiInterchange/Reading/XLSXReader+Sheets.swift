import Foundation
import ZIPFoundation

extension XLSXWorkbook {
    /// The sheets of an .xlsx file as plain text grids: each sheet's name and its rows from row 1 to the last
    /// filled one, every row as wide as the sheet's filled part (for exports, checks and tests; catalogs are
    /// read by `CatalogImporter`, which also understands merged cells).
    public static func read(_ data: Data) throws -> [(name: String, rows: [[String]])] {
        let archive: Archive
        do { archive = try PackageArchive.open(data) } catch { throw ImportError.damagedOffice("xlsx", format: "Excel (.xlsx)") }
        func entry(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            do { return try PackageArchive.extract(entry, from: archive, packageSize: data.count) } catch {
                throw ImportError.damagedOffice("xlsx", format: "Excel (.xlsx)")
            }
        }
        let sharedStrings = try entry("xl/sharedStrings.xml").map(XLSXReader.readSharedStrings) ?? []
        return try XLSXReader.sheetPaths(entry: entry).map { name, path in
            guard let data = try entry(path) else { return (name, []) }
            let (grid, width) = XLSXReader.grid(of: try XMLElementNode.parse(data), sharedStrings: sharedStrings)
            let last = grid.filter { !$0.value.values.allSatisfy(\.isEmpty) }.keys.max() ?? 0
            let rows = last == 0 ? [] : (1...last).map { number in (0..<width).map { grid[number]?[$0] ?? "" } }
            return (name, rows)
        }
    }
}
