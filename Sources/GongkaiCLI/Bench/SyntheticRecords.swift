import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import SQLKit

/// Realistic synthetic public records for benchmarks: titles and bodies drawn from the seed catalogs' own
/// vocabulary, dates over 2019–2026 and 文号 in the usual shape. Written straight into the tables (records,
/// versions, item links and the search index) in large transactions of multi-row statements: a million audited workflow calls
/// would measure the workflow, not search.
struct SyntheticRecords {
    let database: GongkaiDatabase

    static func vocabulary() throws -> [String] {
        var phrases = Set<String>()
        for url in try DemoCommand.demoFiles() {
            let result = try CatalogImporter.importFile(at: url, agency: DemoCommand.agencyOverrides[url.lastPathComponent])
            for pathed in result.catalog.items {
                for text in pathed.path + [pathed.item.content] {
                    for piece in text.split(whereSeparator: { "，。；、（）()：:“”《》\n ".contains($0) }) where piece.count >= 2 && piece.count <= 24 {
                        phrases.insert(String(piece))
                    }
                }
            }
        }
        return phrases.sorted()
    }

    func fill(count: Int, progress: (Int) -> Void) async throws {
        let phrases = try Self.vocabulary()
        let items = try await database.sql.raw("""
            SELECT n.id, c.agency_id FROM catalog_items i JOIN catalog_nodes n ON n.id = i.node_id JOIN catalogs c ON c.id = n.catalog_id
            """).all().map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "agency_id", as: Int.self)) }
        guard !items.isEmpty, let admin = try await AccountRepository(database).user(username: "admin") else {
            throw UserFacingError("基准数据库需要先载入演示数据（gongkai serve --demo 或 bench 自动载入）。")
        }
        let suffixes = ["的通知", "的公告", "的决定", "情况公示", "工作动态", "的实施意见", "政策解读", "办理结果"]
        let prefixes = ["源医保发", "医保办字", "源医保函", "医保罚字", "源医保字"]
        let start = (try await database.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM records").first()!.decode(column: "n", as: Int.self)) + 1
        let batch = 2_000
        var written = 0
        try await database.transaction { db in try await SearchIndexer.beginBulkLoad(in: db) }
        while written < count {
            let size = min(batch, count - written)
            let first = start + written
            var generator = SystemRandomNumberGenerator()
            var records: [SQLQueryString] = [], versions: [SQLQueryString] = [], links: [SQLQueryString] = []
            var indexed: [(recordID: Int, publishedDate: CivilDate?, content: RecordContent)] = []
            for offset in 0..<size {
                let id = first + offset
                let (node, agency) = items[Int.random(in: 0..<items.count, using: &generator)]
                let year = Int.random(in: 2019...2026, using: &generator)
                let date = CivilDate(year: year, month: Int.random(in: 1...12, using: &generator), day: Int.random(in: 1...28, using: &generator))!
                let title = phrases.randomElement(using: &generator)! + phrases.randomElement(using: &generator)! + suffixes.randomElement(using: &generator)!
                let body = (0..<Int.random(in: 6...18, using: &generator)).map { _ in phrases.randomElement(using: &generator)! }.joined(separator: "，") + "。"
                let number = "\(prefixes.randomElement(using: &generator)!)〔\(year)〕\(Int.random(in: 1...300, using: &generator))号"
                let content = RecordContent(title: title, documentNumber: number, issuer: "", writtenDate: date, triggerDate: date, body: body)
                let json = try JSONText.encode(content)
                let stamp = "\(date)T02:00:00.000Z"
                records.append("""
                    (\(bind: id), \(bind: agency), \(bind: "BENCH\(agency)/\(year)-\(id)"), 'published', 1, 1, \(bind: json), \(bind: title), \(bind: admin.id), \(bind: stamp), \(bind: date.description), \(bind: stamp))
                    """)
                versions.append("(\(bind: id), 1, \(bind: json), 'published', \(bind: admin.id), \(bind: stamp))")
                links.append("(\(bind: id), \(bind: node), 0)")
                indexed.append((id, date, content))
            }
            // Multi-row statements of at most 1,000 rows (12,000 parameters; SQLite allows 32,766, PostgreSQL 65,535).
            try await database.transaction { [records, versions, links, indexed] db in
                for chunk in Self.chunks(records) {
                    try await db.raw("""
                        INSERT INTO records (id, agency_id, index_number, status, version, published_version, content, title, created_by, publish_at, published_date, updated_at)
                        VALUES
                        """ + chunk.joined(separator: ", ")).run()
                }
                for chunk in Self.chunks(versions) {
                    try await db.raw("INSERT INTO record_versions (record_id, version, content, status, created_by, created_at) VALUES " + chunk.joined(separator: ", ")).run()
                }
                for chunk in Self.chunks(links) {
                    try await db.raw("INSERT INTO record_items (record_id, node_id, position) VALUES " + chunk.joined(separator: ", ")).run()
                }
                try await SearchIndexer.indexNew(indexed, termCounting: .deferred, in: db)
            }
            written += size
            progress(written)
        }
        try await database.transaction { db in try await SearchIndexer.finishBulkLoad(in: db) }
    }

    private static func chunks(_ rows: [SQLQueryString]) -> [ArraySlice<SQLQueryString>] {
        stride(from: 0, to: rows.count, by: 1_000).map { rows[$0..<min($0 + 1_000, rows.count)] }
    }
}
