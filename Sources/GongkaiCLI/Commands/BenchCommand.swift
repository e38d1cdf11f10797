import ArgumentParser
import Foundation
import GongkaiInterchange
import GongkaiStore

/// `gongkai bench import`: times importing all five seed catalogs in one process
/// (parsing alone, and parsing plus one SQLite transaction). Not a test: numbers go into notes.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "性能基准测试（结果写入开发记录，不是测试）。")

    @Argument(help: "基准项目：import") var target: String = "import"
    @Option(help: "重复次数。") var iterations = 20

    func run() async throws {
        guard target == "import" else { throw ValidationError("未知的基准项目“\(target)”；可用：import") }
        let files = try DemoCommand.demoFiles()
        let inputs = try files.map { (try Data(contentsOf: $0), $0.lastPathComponent) }
        func parseAll() throws -> [ImportResult] {
            try inputs.map { try CatalogImporter.importData($0.0, fileName: $0.1, agency: DemoCommand.agencyOverrides[$0.1]) }
        }
        _ = try parseAll()
        var parseTimes: [Double] = []
        for _ in 0..<iterations {
            let start = ContinuousClock.now
            _ = try parseAll()
            parseTimes.append(Self.milliseconds(ContinuousClock.now - start))
        }
        var storeTimes: [Double] = []
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for iteration in 0..<iterations {
            let database = try await GongkaiDatabase.open(path: directory.appendingPathComponent("b\(iteration).sqlite").path)
            let start = ContinuousClock.now
            let results = try parseAll()
            _ = try await CatalogRepository(database).saveAll(results.map { ($0.catalog, $0.format, $0.diagnostics) })
            storeTimes.append(Self.milliseconds(ContinuousClock.now - start))
            await database.close()
        }
        print("导入五个种子目录（\(files.count)个文件，\(iterations)次）")
        print(String(format: "  仅解析：中位数 %.1f ms，最小 %.1f ms", Self.median(parseTimes), parseTimes.min() ?? 0))
        print(String(format: "  解析并写入 SQLite（一个事务）：中位数 %.1f ms，最小 %.1f ms", Self.median(storeTimes), storeTimes.min() ?? 0))
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
