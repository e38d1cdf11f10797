import Foundation
import GongkaiInterchange

/// The five real catalogs shipped as demo data, read from the source tree.
enum SeedFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/GongkaiCLI/Demo")
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ prefix: String) -> URL {
        let name = try! FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasPrefix(prefix) }!
        return directory.appendingPathComponent(name)
    }

    static func load(_ prefix: String, agency: String? = nil) throws -> ImportResult {
        try CatalogImporter.importFile(at: url(prefix), agency: agency)
    }
}
