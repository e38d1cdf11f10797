import Foundation
import GongkaiCore
import SQLKit

/// FTS5 search. The SQL is assembled as text because FTS5 MATCH needs its query as a literal in the subquery;
/// every value in it is an integer, a CivilDate, or passed through `literal`. Queries of three characters or more use the trigram index (ranked by bm25); shorter ones use
/// the index of single characters and character pairs, so their hit set equals a plain substring scan.
public struct SQLiteRecordSearch: RecordSearch {
    let database: GongkaiDatabase
    static let rankingWindow = 2_000
    public init(_ database: GongkaiDatabase) { self.database = database }

    public func search(_ query: SearchQuery, now: Date = Date()) async throws -> SearchResults {
        let text = query.text.trimmed
        guard !text.isEmpty else { return SearchResults(total: 0, page: query.page, pageSize: query.pageSize, hits: []) }
        let short = text.count < 3
        // One- and two-character queries go to the character-pair index, longer ones to the trigram index.
        let table = short ? "record_grams" : "record_fts"
        guard let matchValue = short ? SearchGrams.query(text) : "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" else {
            return SearchResults(total: 0, page: query.page, pageSize: query.pageSize, hits: [])
        }
        try await indexDuePublications(now: now)
        var filters: [String] = []
        if let agency = query.agencyID { filters.append("r.agency_id = \(agency)") }
        if let item = query.itemNodeID { filters.append("EXISTS (SELECT 1 FROM record_items ri WHERE ri.record_id = r.id AND ri.node_id = \(item))") }
        if let from = query.from { filters.append("r.published_date >= '\(from)'") }
        if let to = query.to { filters.append("r.published_date <= '\(to)'") }
        if let validity = query.validity { filters.append("json_extract(r.content, '$.validity') = '\(validity.rawValue)'") }
        // The index holds exactly the public records, so without filters the count and the page come from FTS5 alone;
        // "newest first" is the order records were published in Gongkai (record id).
        let ids: [Int]
        let total: Int
        if filters.isEmpty {
            total = try await database.sql.raw("\(unsafeRaw: "SELECT COUNT(*) AS n FROM \(table) WHERE \(table) MATCH \(Self.literal(matchValue))")").first()!
                .decode(column: "n", as: Int.self)
            let window = "LIMIT \(query.pageSize) OFFSET \((query.page - 1) * query.pageSize)"
            let sql: String
            if query.sort == .date || short {
                sql = "SELECT rowid FROM \(table) WHERE \(table) MATCH \(Self.literal(matchValue)) ORDER BY rowid DESC \(window)"
            } else {
                // bm25 over every hit of a common phrase costs ~0.01 ms a hit (170 ms for 140k hits at 1M records), so
                // relevance ranks the newest `Self.rankingWindow` hits; below that many hits the ranking is exact.
                sql = """
                    SELECT rowid FROM (SELECT rowid, bm25(record_fts, 10.0, 1.0, 5.0) AS score FROM record_fts
                    WHERE record_fts MATCH \(Self.literal(matchValue)) ORDER BY rowid DESC LIMIT \(Self.rankingWindow))
                    ORDER BY score, rowid DESC \(window)
                    """
            }
            ids = try await database.sql.raw("\(unsafeRaw: sql)").all().map { try $0.decode(column: "rowid", as: Int.self) }
        } else {
            let score = short ? "0.0" : "bm25(record_fts, 10.0, 1.0, 5.0)"
            let match = "SELECT rowid, \(score) AS rank FROM \(table) WHERE \(table) MATCH \(Self.literal(matchValue))"
            let base = "FROM (\(match)) f JOIN records r ON r.id = f.rowid WHERE " + filters.joined(separator: " AND ")
            total = try await database.sql.raw("\(unsafeRaw: "SELECT COUNT(*) AS n " + base)").first()!.decode(column: "n", as: Int.self)
            let order = query.sort == .date || short ? "r.published_date DESC, r.id DESC" : "f.rank, r.published_date DESC"
            ids = try await database.sql.raw("\(unsafeRaw: "SELECT r.id \(base) ORDER BY \(order) LIMIT \(query.pageSize) OFFSET \((query.page - 1) * query.pageSize)")")
                .all().map { try $0.decode(column: "id", as: Int.self) }
        }
        guard !ids.isEmpty else { return SearchResults(total: total, page: query.page, pageSize: query.pageSize, hits: []) }
        let rows = try await database.sql.raw("""
            \(unsafeRaw: """
            SELECT r.id, r.index_number, r.published_date, a.name AS agency, s.title, s.body, s.document_number
            FROM records r JOIN agencies a ON a.id = r.agency_id JOIN record_fts s ON s.rowid = r.id
            WHERE r.id IN (\(ids.map(String.init).joined(separator: ",")))
            """)
            """).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "id", as: Int.self), $0) })
        let hits = try ids.compactMap { byID[$0] }.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let title = try row.decode(column: "title", as: String.self)
            let body = try row.decode(column: "body", as: String.self)
            return SearchHit(id: id, title: title, snippet: Snippet.make(body.isEmpty ? title : body, query: text),
                             indexNumber: try row.decode(column: "index_number", as: String?.self),
                             documentNumber: try row.decode(column: "document_number", as: String.self),
                             publishedDate: try row.decode(column: "published_date", as: String?.self),
                             agency: try row.decode(column: "agency", as: String.self), url: "/records/\(id)")
        }
        return SearchResults(total: total, page: query.page, pageSize: query.pageSize, hits: hits)
    }

    /// Indexes scheduled publications whose time has come (cheap when there are none: one indexed query).
    func indexDuePublications(now: Date) async throws {
        let due = try await database.sql.raw("SELECT record_id FROM search_pending WHERE publish_at <= \(bind: Timestamp.string(now))").all()
        guard !due.isEmpty else { return }
        try await database.transaction { db in
            for row in due { try await SearchIndexer.reindex(recordID: try row.decode(column: "record_id", as: Int.self), now: now, in: db) }
        }
    }

    /// An SQL string literal (single quotes doubled). Used only for values built here or already quoted for FTS5.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
