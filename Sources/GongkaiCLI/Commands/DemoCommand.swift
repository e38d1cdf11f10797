import ArgumentParser
import Foundation
import GongkaiInterchange
import GongkaiStore

/// `gongkai demo`: loads the five real seed catalogs shipped with Gongkai into the database
/// (once) and shows what was imported.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "载入随程序附带的五个真实目录作为演示数据。")

    @OptionGroup var database: DatabaseOptions

    /// The Shandong city file names only "市医疗保障局"; the demo gives it a placeholder city.
    static let agencyOverrides = ["004_a6dcdc66b462b985.txt": "示例市医疗保障局"]

    static func demoFiles() throws -> [URL] {
        guard let directory = Bundle.module.url(forResource: "Demo", withExtension: nil) else {
            throw UserFacingError("找不到随程序附带的演示目录文件。")
        }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func run() async throws {
        try await reportingErrors {
            let summaries = try await database.withDatabase { db in
                let repository = CatalogRepository(db)
                let existing = Set(try await repository.list().map(\.sourceFile))
                var pending: [(GongkaiCore.Catalog, String, [GongkaiCore.ImportDiagnostic])] = []
                for url in try Self.demoFiles() where !existing.contains(url.lastPathComponent) {
                    let result = try CatalogImporter.importFile(at: url, agency: Self.agencyOverrides[url.lastPathComponent])
                    pending.append((result.catalog, result.format, result.diagnostics))
                }
                _ = try await repository.saveAll(pending)
                return try await repository.list()
            }
            print("演示数据库：\(database.displayLocation)")
            for summary in summaries {
                print("#\(summary.id)\t\(summary.agency)\t\(summary.title)\t\(summary.itemCount)个事项")
            }
            print("查看目录树：gongkai show 1 --db \(database.displayLocation)")
        }
    }
}

import GongkaiCore
