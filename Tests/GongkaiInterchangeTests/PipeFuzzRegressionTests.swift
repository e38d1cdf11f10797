import Foundation
@testable import GongkaiInterchange
import Testing

/// A pipe-table line of separators only, followed by a line to continue it, indexed a cell before the first and
/// crashed the process (found by `scripts/fuzz pipe`).
@Suite struct PipeFuzzRegressionTests {
    @Test func aRowWithoutCellsIsContinuedWithoutCrashing() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/pipe-separator-only-row"))
        let lines = String(decoding: data, as: UTF8.self)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        _ = PipeTableReader.read(lines)
        _ = PipeTableReader.read(lines, separator: "\t")
        for name in ["目录.txt", "目录.md"] { _ = try? CatalogImporter.importData(data, fileName: name) }
    }
}
