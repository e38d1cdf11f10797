import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

/// `gongkai demo`: loads the five real seed catalogs shipped with Gongkai into the database
/// (once) and shows what was imported.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "载入随程序附带的五个真实目录作为演示数据。")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "再模拟这一年的公开工作（如 2026）：按目录发布信息，大多按时，少数预设问题；需要空的信息表。") var year: Int?
    @Option(help: "模拟截止日期（YYYY-MM-DD，默认：往年为12月31日，今年为今天）。") var at: String?
    @Option(help: "把预设问题清单（JSON）写到这个文件。") var manifest: String?

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
            let end = try at.map { try parseDate($0, option: "--at") }
            if year == nil, end != nil || manifest != nil { throw UserFacingError("--at 和 --manifest 须与 --year 一起使用。") }
            let calendar = try await database.workingCalendar()
            let (summaries, lines, planted) = try await database.withDatabase { db in
                let repository = CatalogRepository(db)
                var lines: [String] = []
                var planted: DemoManifest?
                if let year {
                    let seeder = DemoSeeder(database: db)
                    lines.append(try await seeder.seed())
                    let day = end ?? DemoSeeder.simulationEnd(year: year, today: CivilDate(localDate: Date()))
                    planted = try await seeder.simulateYear(year, at: day, calendar: calendar) { print($0) }
                    if planted == nil { throw UserFacingError("数据库中已有信息，模拟数据只能载入空的信息表；请换一个新的数据库文件。") }
                } else {
                    let existing = Set(try await repository.list().map(\.sourceFile))
                    var pending: [(GongkaiCore.Catalog, String, [GongkaiCore.ImportDiagnostic])] = []
                    for url in try Self.demoFiles() where !existing.contains(url.lastPathComponent) {
                        let result = try CatalogImporter.importFile(at: url, agency: Self.agencyOverrides[url.lastPathComponent])
                        pending.append((result.catalog, result.format, result.diagnostics))
                    }
                    _ = try await repository.saveAll(pending)
                }
                return (try await repository.list(), lines, planted)
            }
            lines.forEach { print($0) }
            print("演示数据库：\(database.displayLocation)")
            for summary in summaries {
                print("#\(summary.id)\t\(summary.agency)\t\(summary.title)\t\(summary.itemCount)个事项")
            }
            if let planted {
                print("模拟\(planted.year)年（至\(planted.at)）：发布\(planted.records)条信息，预设问题\(planted.expected.count)项；用 gongkai check --at \(planted.at) 查看。")
                if let manifest {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    try encoder.encode(planted).write(to: URL(fileURLWithPath: manifest))
                }
            }
            print("查看目录树：gongkai show 1 --db \(database.displayLocation)")
        }
    }
}
