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
    let countLimit: Int
    public init(_ database: GongkaiDatabase, countLimit: Int = SearchResults.defaultCountLimit) {
        self.database = database
        self.countLimit = countLimit
    }

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
                self.init(table: "record_fts", phrase: "\"" + text.doubling("\"") + "\"",
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
        // One- and two-character queries without filters have exact totals at any size (`search_terms`).
        try await SearchIndexer.indexDue(now: now, in: database)
        let scope = Scope(query, table: match.table)
        let offset = (query.page - 1) * query.pageSize
        var total: Int, headTotal: Int?, exact = true
        if let term = match.term, scope.isEverything {
            let counts = try await SearchTermCounts.counts(term: term, in: database.sql)
            (total, headTotal) = (counts.docs, counts.headDocs)
        } else {
            total = try await count(match.all, in: scope, limit: countLimit < .max ? countLimit + 1 : nil)
            if total > countLimit { (total, exact) = (countLimit, false) }
        }
        let keys: [Int]
        if query.sort == .date {
            keys = try await page(match.all, in: scope, limit: query.pageSize, offset: offset)
        } else {
            keys = try await RelevancePage.keys(
                pageSize: query.pageSize, offset: offset, headTotal: headTotal,
                countHead: { try await count(match.head, in: scope, limit: nil) },
                page: { head, limit, offset in try await page(head ? match.head : match.rest, in: scope, limit: limit, offset: offset) })
        }
        return SearchResults(total: total, totalIsExact: exact, page: query.page, pageSize: query.pageSize,
                             hits: try await hits(keys: keys, text: text))
    }

    /// The part of the index a query's filters leave: dates are a range of keys (`SearchKey`), which FTS5 applies
    /// while reading its postings; agency, item and validity need the records table.
    struct Scope {
        let table: String
        let from: String
        let conditions: [String]
        let isEverything: Bool

        init(_ query: SearchQuery, table: String) {
            self.table = table
            var conditions: [String] = []
            if let from = query.from { conditions.append("\(table).rowid >= \(SearchKey.make(recordID: 0, publishedDate: from))") }
            if let to = query.to { conditions.append("\(table).rowid < \(SearchKey.make(recordID: 0, publishedDate: to.adding(days: 1)))") }
            var joined: [String] = []
            if let agency = query.agencyID { joined.append("r.agency_id = \(agency)") }
            if let item = query.itemNodeID { joined.append("EXISTS (SELECT 1 FROM record_items ri WHERE ri.record_id = r.id AND ri.node_id = \(item))") }
            if let validity = query.validity {
                joined.append("""
                    EXISTS (SELECT 1 FROM record_versions v WHERE v.record_id = r.id AND v.version = r.published_version
                    AND json_extract(v.content, '$.validity') = '\(validity.rawValue)')
                    """)
            }
            from = joined.isEmpty ? table : "\(table) JOIN records r ON r.id = (\(table).rowid & 4294967295)"
            self.conditions = conditions + joined
            isEverything = self.conditions.isEmpty
        }

        func sql(_ columns: String, _ expression: String) -> String {
            "SELECT \(columns) FROM \(from) WHERE \(([table + " MATCH " + expression] + conditions).joined(separator: " AND "))"
        }
    }

    private func page(_ expression: String, in scope: Scope, limit: Int, offset: Int) async throws -> [Int] {
        guard limit > 0 else { return [] }
        let sql = scope.sql("\(scope.table).rowid AS k", expression) + " ORDER BY \(scope.table).rowid DESC LIMIT \(limit) OFFSET \(offset)"
        return try await database.sql.raw("\(unsafeRaw: sql)").all().map { try $0.decode(column: "k", as: Int.self) }
    }

    private func count(_ expression: String, in scope: Scope, limit: Int?) async throws -> Int {
        let inner = scope.sql("1", expression) + (limit.map { " LIMIT \($0)" } ?? "")
        return try await database.sql.raw("\(unsafeRaw: "SELECT COUNT(*) AS n FROM (\(inner))")").first()!.decode(column: "n", as: Int.self)
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
        return try keys.compactMap { byKey[$0] }.map { try SearchHit(row: $0, query: text) }
    }

    /// An SQL string literal (single quotes doubled). Used only for values built here or already quoted for FTS5.
    static func literal(_ text: String) -> String { "'" + text.doubling("'") + "'" }
}
