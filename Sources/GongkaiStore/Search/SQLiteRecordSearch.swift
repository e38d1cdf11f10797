import Foundation
import GongkaiCore
import SQLKit

/// FTS5 search. Queries of three characters or more use the trigram index; shorter ones use the index of single
/// characters and character pairs, so their hit set equals a plain substring scan.
///
/// Relevance is "title or 文号 hits first, then body and attachment hits, each newest first": cheap at any size,
/// and what people looking for a named document expect. (bm25 over every hit of a common phrase cost 170 ms at a
/// million records.) Date order is the index's own rowid order (`SearchKey`).
///
/// The SQL is assembled as text because FTS5 MATCH needs its query as a literal; every value in it is an integer,
/// a CivilDate, or passed through `literal`.
public struct SQLiteRecordSearch: RecordSearch {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    /// The three FTS5 queries for one search text: every hit, title/文号 hits, and the other hits.
    struct Match {
        let table: String
        let all: String
        let head: String
        let rest: String
        /// For one- and two-character queries: the term whose counts `search_terms` holds.
        let term: String?

        init?(_ text: String) {
            if text.count < 3 {
                guard let term = SearchGrams.term(text) else { return nil }
                self.init(table: "record_grams", phrase: "\"\(term)\"", headColumns: "head", term: term)
            } else {
                self.init(table: "record_fts", phrase: "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"",
                          headColumns: "{title document_number}", term: nil)
            }
        }

        private init(table: String, phrase: String, headColumns: String, term: String?) {
            self.table = table
            self.term = term
            all = SQLiteRecordSearch.literal(phrase)
            head = SQLiteRecordSearch.literal("\(headColumns) : \(phrase)")
            rest = SQLiteRecordSearch.literal("\(phrase) NOT \(headColumns) : \(phrase)")
        }
    }

    public func search(_ query: SearchQuery, now: Date = Date()) async throws -> SearchResults {
        let text = query.text.trimmed
        let empty = SearchResults(total: 0, page: query.page, pageSize: query.pageSize, hits: [])
        guard !text.isEmpty, let match = Match(text) else { return empty }
        try await SearchIndexer.indexDue(now: now, in: database)
        let filters = Self.filters(query)
        let (total, keys) = filters.isEmpty ? try await unfiltered(match, query) : try await filtered(match, filters, query)
        return SearchResults(total: total, page: query.page, pageSize: query.pageSize, hits: try await hits(keys: keys, text: text))
    }

    static func filters(_ query: SearchQuery) -> [String] {
        var filters: [String] = []
        if let agency = query.agencyID { filters.append("r.agency_id = \(agency)") }
        if let item = query.itemNodeID { filters.append("EXISTS (SELECT 1 FROM record_items ri WHERE ri.record_id = r.id AND ri.node_id = \(item))") }
        if let from = query.from { filters.append("r.published_date >= '\(from)'") }
        if let to = query.to { filters.append("r.published_date <= '\(to)'") }
        if let validity = query.validity {
            filters.append("""
                EXISTS (SELECT 1 FROM record_versions v WHERE v.record_id = r.id AND v.version = r.published_version
                AND json_extract(v.content, '$.validity') = '\(validity.rawValue)')
                """)
        }
        return filters
    }

    /// Without filters the index alone answers: it holds exactly the public records.
    private func unfiltered(_ match: Match, _ query: SearchQuery) async throws -> (Int, [Int]) {
        let offset = (query.page - 1) * query.pageSize
        let total: Int, headTotal: Int
        if let term = match.term {
            let counts = try await SearchTermCounts.counts(term: term, in: database.sql)
            (total, headTotal) = (counts.docs, counts.headDocs)
        } else {
            total = try await count("SELECT COUNT(*) AS n FROM \(match.table) WHERE \(match.table) MATCH \(match.all)")
            headTotal = query.sort == .relevance ? try await count("SELECT COUNT(*) AS n FROM \(match.table) WHERE \(match.table) MATCH \(match.head)") : 0
        }
        func page(_ expression: String, limit: Int, offset: Int) async throws -> [Int] {
            guard limit > 0 else { return [] }
            return try await rowKeys("SELECT rowid AS k FROM \(match.table) WHERE \(match.table) MATCH \(expression) ORDER BY rowid DESC LIMIT \(limit) OFFSET \(offset)")
        }
        guard query.sort == .relevance else { return (total, try await page(match.all, limit: query.pageSize, offset: offset)) }
        var keys = offset < headTotal ? try await page(match.head, limit: query.pageSize, offset: offset) : []
        keys += try await page(match.rest, limit: query.pageSize - keys.count, offset: max(0, offset - headTotal))
        return (total, keys)
    }

    private func filtered(_ match: Match, _ filters: [String], _ query: SearchQuery) async throws -> (Int, [Int]) {
        let candidates = query.sort == .relevance
            ? "SELECT rowid AS k, 1 AS head FROM \(match.table) WHERE \(match.table) MATCH \(match.head) UNION ALL SELECT rowid, 0 FROM \(match.table) WHERE \(match.table) MATCH \(match.rest)"
            : "SELECT rowid AS k, 0 AS head FROM \(match.table) WHERE \(match.table) MATCH \(match.all)"
        let base = "FROM (\(candidates)) f JOIN records r ON r.id = (f.k & 4294967295) WHERE " + filters.joined(separator: " AND ")
        let total = try await count("SELECT COUNT(*) AS n " + base)
        let keys = try await rowKeys("SELECT f.k \(base) ORDER BY f.head DESC, f.k DESC LIMIT \(query.pageSize) OFFSET \((query.page - 1) * query.pageSize)")
        return (total, keys)
    }

    private func hits(keys: [Int], text: String) async throws -> [SearchHit] {
        guard !keys.isEmpty else { return [] }
        let rows = try await database.sql.raw("""
            \(unsafeRaw: """
            SELECT s.rowid AS k, r.id, r.index_number, r.published_date, a.name AS agency, s.title, s.body, s.document_number, s.attachments
            FROM record_fts s JOIN records r ON r.id = (s.rowid & 4294967295) JOIN agencies a ON a.id = r.agency_id
            WHERE s.rowid IN (\(keys.map(String.init).joined(separator: ",")))
            """)
            """).all()
        let byKey = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "k", as: Int.self), $0) })
        return try keys.compactMap { byKey[$0] }.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let title = try row.decode(column: "title", as: String.self)
            return SearchHit(id: id, title: title,
                             snippet: Snippet.make(body: try row.decode(column: "body", as: String.self),
                                                   attachments: try row.decode(column: "attachments", as: String.self), title: title, query: text),
                             indexNumber: try row.decode(column: "index_number", as: String?.self),
                             documentNumber: try row.decode(column: "document_number", as: String.self),
                             publishedDate: try row.decode(column: "published_date", as: String?.self),
                             agency: try row.decode(column: "agency", as: String.self), url: "/records/\(id)")
        }
    }

    private func count(_ sql: String) async throws -> Int {
        try await database.sql.raw("\(unsafeRaw: sql)").first()!.decode(column: "n", as: Int.self)
    }

    private func rowKeys(_ sql: String) async throws -> [Int] {
        try await database.sql.raw("\(unsafeRaw: sql)").all().map { try $0.decode(column: "k", as: Int.self) }
    }

    /// An SQL string literal (single quotes doubled). Used only for values built here or already quoted for FTS5.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
