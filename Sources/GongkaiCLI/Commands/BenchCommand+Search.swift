import Foundation
import GongkaiCore
import GongkaiStore

extension BenchCommand {
    /// Opens (or creates) the benchmark database with the demo data and at least `records` synthetic records.
    func benchmarkDatabase() async throws -> GongkaiDatabase {
        let database = try await GongkaiDatabase.open(path: benchDatabase)
        _ = try await DemoSeeder(database: database).seed()
        let existing = try await database.sql.raw("SELECT COUNT(*) AS n FROM records").first()!.decode(column: "n", as: Int.self)
        if existing < records {
            Console.progress("生成合成信息：\(records - existing) 条（已有 \(existing) 条）…")
            let started = ContinuousClock.now
            try await SyntheticRecords(database: database).fill(count: records - existing) { done in
                if done % 50_000 == 0 || done == records - existing { Console.progress("  已写入 \(done) 条") }
            }
            Console.progress(String(format: "  用时 %.0f 秒", Self.milliseconds(ContinuousClock.now - started) / 1000))
            if database.isPostgres {
                // What autovacuum does to a freshly loaded table, done now: index-only scans of the postings
                // then skip the table (visibility map), and the planner sees the new statistics.
                Console.progress("VACUUM ANALYZE…")
                for table in ["search_postings", "record_search", "records"] {
                    try await database.sql.raw("VACUUM ANALYZE \(unsafeRaw: table)").run()
                }
            }
        }
        try await SearchIndexer.indexDue(in: database) { done, total in
            if done % 50_000 < 2_000 || done == total { Console.progress("重建搜索索引：\(done)/\(total)") }
        }
        return database
    }

    func benchSearch() async throws {
        let database = try await benchmarkDatabase()
        defer { Task { await database.close() } }
        let total = try await database.sql.raw("SELECT COUNT(*) AS n FROM records").first()!.decode(column: "n", as: Int.self)
        let phrases = try SyntheticRecords.vocabulary().filter { $0.allSatisfy { CellTextCheck.isCJK($0) } }
        var generator = SystemRandomNumberGenerator()
        func sample(_ length: Int) -> String {
            while true {
                let phrase = phrases.randomElement(using: &generator)!
                guard phrase.count >= length else { continue }
                let start = Int.random(in: 0...(phrase.count - length), using: &generator)
                return String(phrase.dropFirst(start).prefix(length))
            }
        }
        print("搜索延迟（\(total) 条信息，每种长度 \(iterations * 10) 个随机查询，第1页20条，按相关度，含总数）")
        var lines: [(String, Int, any RecordSearch)] = [
            ("1 字", 1, database.recordSearch()), ("2 字", 2, database.recordSearch()), ("4 字", 4, database.recordSearch()),
        ]
        if database.isPostgres {
            print("  PostgreSQL（字/字对倒排表 search_postings 与词频表 search_terms）")
            print("  总数：1–2字（无筛选）始终精确；3字以上精确到 \(PostgresRecordSearch.defaultLongCountLimit) 条，更多时报“超过”")
            lines.append(("4 字（总数精确到 \(SearchResults.defaultCountLimit) 条）", 4,
                          PostgresRecordSearch(database, longCountLimit: SearchResults.defaultCountLimit)))
        } else {
            print("  总数：1–2字（无筛选）始终精确；其余精确到 \(SearchResults.defaultCountLimit) 条，更多时报“超过”")
            lines.append(("4 字（总数一律精确）", 4, SQLiteRecordSearch(database, countLimit: .max)))
        }
        for (label, length, search) in lines {
            var times: [Double] = []
            var hits: [Int] = []
            for index in 0..<(iterations * 10 + 5) {
                let query = sample(length)
                let start = ContinuousClock.now
                let result = try await search.search(SearchQuery(text: query, pageSize: 20), now: Date())
                if index >= 5 { times.append(Self.milliseconds(ContinuousClock.now - start)); hits.append(result.total) }
            }
            times.sort()
            print(String(format: "  %@：p50 %.1f ms，p95 %.1f ms，最大 %.1f ms（总数中位数 %d）", label, times[times.count / 2],
                         times[Int(Double(times.count) * 0.95)], times.last ?? 0, hits.sorted()[hits.count / 2]))
        }
    }
}

/// CJK test for the benchmark's query sampling.
enum CellTextCheck {
    static func isCJK(_ char: Character) -> Bool {
        guard let scalar = char.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value)
    }
}
