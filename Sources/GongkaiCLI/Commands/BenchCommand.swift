import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

/// `gongkai bench import`: times importing all five seed catalogs in one process
/// (parsing alone, and parsing plus one SQLite transaction).
/// `gongkai bench deadlines`: due dates per second for a relative 20-workday rule over random dates 2019–2026.
/// Not tests: the numbers go into notes.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "性能基准测试（结果写入开发记录，不是测试）。")

    @Argument(help: "基准项目：import、import-accuracy、deadlines、search、web 或 check") var target: String = "import"
    @Argument(help: "import-accuracy：真实目录及其真值（X.txt 与 X.truth.json）所在目录。") var directory: String?
    @Flag(help: "import-accuracy：以 JSON 输出。") var json = false
    @Option(help: "重复次数。") var iterations = 20
    @Option(help: "search/web/check：合成信息条数（如 100000、1000000）。") var records = 100_000
    @Option(name: .customLong("db"), help: "search/web：基准数据库（可重复使用；不足的条数会补足）。") var benchDatabase = "bench.sqlite"
    @Option(help: "web：每次 wrk 压测的秒数。") var seconds = 10

    func run() async throws {
        switch target {
        case "import": try await benchImport()
        case "import-accuracy": try await benchImportAccuracy()
        case "deadlines": try benchDeadlines()
        case "search": try await benchSearch()
        case "web": try await benchWeb()
        case "check": try benchCheck()
        default: throw ValidationError("未知的基准项目“\(target)”；可用：import、import-accuracy、deadlines、search、web、check")
        }
    }

    private func benchDeadlines() throws {
        let calculator = DueDateCalculator(calendar: WorkingCalendar(try HolidayData.bundledYears()))
        let rule = DeadlineParser.parse("自该信息形成或者变更之日起20个工作日内")
        var generator = SystemRandomNumberGenerator()
        let first = CivilDate(year: 2019, month: 1, day: 1)!.dayNumber, last = CivilDate(year: 2026, month: 12, day: 31)!.dayNumber
        let triggers = (0..<1_000_000).map { _ in CivilDate(dayNumber: Int.random(in: first...last, using: &generator)) }
        var rates: [Double] = []
        var checksum = 0
        for _ in 0..<max(iterations / 4, 3) {
            let start = ContinuousClock.now
            for trigger in triggers { checksum &+= calculator.quickDue(rule, trigger: trigger)!.dayNumber }
            rates.append(Double(triggers.count) / (Self.milliseconds(ContinuousClock.now - start) / 1000))
        }
        print("到期日计算（自信息形成或者变更之日起20个工作日，随机触发日 2019–2026，每轮 \(triggers.count) 个）")
        print(String(format: "  中位数 %.0f 个/秒，最高 %.0f 个/秒（校验和 %d）", Self.median(rates), rates.max() ?? 0, checksum))
    }

    private func benchImport() async throws {
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
