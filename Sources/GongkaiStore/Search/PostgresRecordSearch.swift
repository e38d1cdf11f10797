import Foundation
import GongkaiCore
import SQLKit

/// Search on PostgreSQL over postings. The hit set is exactly a case-insensitive substring scan (ILIKE '%text%')
/// over title, body, 文号 and attachment text of the public records in `record_search`, for any query length.
///
/// - One- and two-character queries (医, 医保) are one gram (SearchGrams): its rows in `search_postings`, read
///   newest first from the (term, sort_key) B-tree, are exactly the records containing it; `search_terms` gives the
///   exact total and the number of title/文号 hits.
/// - Longer queries: every record containing the text contains all of its grams, so the postings of its rarest gram
///   (by `search_terms`), probed for the next rarest, give the candidates newest first, and one LIKE on the
///   lowercased, joined copy of the stored text (`folded_text`; PostgresSearchIndexer.folded) rechecks each. A gram
///   no record has means no hit, at once. A candidate costs a few index probes and a row read (about 12 µs at a
///   million records), so totals of long queries are exact up to `longCountLimit` (300) and "more than that"
///   above, where SQLite's FTS5 counts to 10,000. A query without letters or digits (〔〕) has no grams and is
///   scanned with the trigram indexes.
///
/// Order and relevance are as on SQLite: `sort_key` is the same SearchKey (newest first by 发布日期), title or 文号
/// hits come first under relevance. Date filters are ranges of `sort_key` inside the index scan.
public struct PostgresRecordSearch: RecordSearch {
    /// Where totals of queries of three characters or more stop being exact (see the type's description).
    public static let defaultLongCountLimit = 300

    let database: GongkaiDatabase
    let countLimit: Int
    let longCountLimit: Int
    public init(_ database: GongkaiDatabase, countLimit: Int = SearchResults.defaultCountLimit,
                longCountLimit: Int = PostgresRecordSearch.defaultLongCountLimit) {
        self.database = database
        self.countLimit = countLimit
        self.longCountLimit = longCountLimit
    }

    public func search(_ query: SearchQuery, now: Date = Date()) async throws -> SearchResults {
        let text = query.text.trimmed
        let empty = SearchResults(total: 0, page: query.page, pageSize: query.pageSize, hits: [])
        guard !text.isEmpty else { return empty }
        try await SearchIndexer.indexDue(now: now, in: database)
        guard let match = try await Match.make(text, in: database.sql) else { return empty }
        let scope = Scope(query)
        let offset = (query.page - 1) * query.pageSize
        var total: Int, headTotal: Int?, exact = true
        if let counts = match.counts, scope.isEverything {
            (total, headTotal) = (counts.docs, counts.headDocs)
        } else {
            let limit = match.counts == nil ? min(countLimit, longCountLimit) : countLimit
            total = try await count(match, .all, in: scope, limit: limit < .max ? limit + 1 : nil)
            if total > limit { (total, exact) = (limit, false) }
        }
        let keys = query.sort == .date
            ? try await page(match, .all, in: scope, limit: query.pageSize, offset: offset)
            : try await RelevancePage.keys(pageSize: query.pageSize, offset: offset, headTotal: headTotal,
                                           countHead: { try await count(match, .head, in: scope, limit: nil) },
                                           page: { isHead, limit, offset in
                                               try await page(match, isHead ? .head : .rest, in: scope, limit: limit, offset: offset) })
        return SearchResults(total: total, totalIsExact: exact, page: query.page, pageSize: query.pageSize,
                             hits: try await hits(ids: keys.map(SearchKey.recordID), text: text))
    }

    enum Part { case all, head, rest }

    /// How one query text finds its records.
    enum Match {
        /// A one- or two-character query: one gram, with its counts from `search_terms`.
        case gram(String, SearchTermCounts.Counts)
        /// A longer query: candidates from the postings of its rarest grams, rarest first (all / title and 文号
        /// only), rechecked with the lowercased text as a LIKE pattern.
        case postings(pattern: String, all: [String], head: [String])
        /// A longer query without grams: the trigram indexes and ILIKE.
        case scan(pattern: String)

        var counts: SearchTermCounts.Counts? { if case .gram(_, let counts) = self { counts } else { nil } }

        /// nil when nothing can match: a short query with other characters than letters and digits (as on SQLite),
        /// or a gram that no record contains.
        static func make(_ text: String, in db: any SQLDatabase) async throws -> Match? {
            if text.count < 3 {
                guard let gram = SearchGrams.gram(text) else { return nil }
                let counts = try await Self.counts(of: [gram], in: db)[gram] ?? SearchTermCounts.Counts(docs: 0, headDocs: 0)
                return .gram(gram, counts)
            }
            let grams = minimalGrams(text)
            guard !grams.isEmpty, !text.unicodeScalars.contains(PostgresSearchIndexer.separator) else {
                return .scan(pattern: "%" + PostgresRecordSearch.escapeLike(text) + "%")
            }
            let pattern = "%" + PostgresRecordSearch.escapeLike(text.lowercased()) + "%"
            let counts = try await Self.counts(of: grams, in: db)
            guard counts.count == grams.count else { return nil }
            // The rarest gram is walked and the next rarest probed, rarest first, so that a candidate fails on
            // its first missing gram; each probe is an index lookup, cheaper than rechecking the text, and a
            // record with all of a query's pairs almost always has the query. A head gram count of 0 leaves the
            // head part empty without reading postings.
            let all = grams.sorted { (counts[$0]!.docs, $0) < (counts[$1]!.docs, $1) }
            let head = grams.sorted { (counts[$0]!.headDocs, $0) < (counts[$1]!.headDocs, $1) }
            return .postings(pattern: pattern, all: Array(all.prefix(maxGrams)),
                             head: counts[head[0]]!.headDocs == 0 ? [] : Array(head.prefix(maxGrams)))
        }

        /// How many of a long query's grams narrow its candidates: past a few pairs, a candidate that has them
        /// all and lacks the text is rare, and the recheck finds it.
        static let maxGrams = 4

        /// The grams every record containing `text` has, without the redundant: its pairs, and single characters
        /// that are in no pair (one letter between punctuation).
        static func minimalGrams(_ text: String) -> [String] {
            let grams = SearchGrams.grams(text)
            let paired = Set(grams.filter { $0.count == 2 }.flatMap { $0.map(String.init) })
            return grams.filter { $0.count == 2 || !paired.contains($0) }
        }

        static func counts(of grams: [String], in db: any SQLDatabase) async throws -> [String: SearchTermCounts.Counts] {
            var counts: [String: SearchTermCounts.Counts] = [:]
            for row in try await db.raw("SELECT term, docs, head_docs FROM search_terms WHERE term = ANY(\(bind: grams))").all() {
                counts[try row.decode(column: "term", as: String.self)] = SearchTermCounts.Counts(
                    docs: try row.decode(column: "docs", as: Int.self), headDocs: try row.decode(column: "head_docs", as: Int.self))
            }
            return counts
        }

        /// The FROM and WHERE of one part, with `key` naming the row's sort key. nil: the part is empty.
        func source(_ part: Part) -> (from: SQLQueryString, key: SQLQueryString, conditions: [SQLQueryString])? {
            switch self {
            case .gram(let gram, _):
                let condition: SQLQueryString = switch part {
                case .all: "p.term = \(bind: gram)"
                case .head: "p.term = \(bind: gram) AND p.head"
                case .rest: "p.term = \(bind: gram) AND NOT p.head"
                }
                return ("FROM search_postings p", "p.sort_key", [condition])
            case .postings(let pattern, let all, let head):
                let grams = part == .head ? head : all
                guard let driver = grams.first else { return nil }
                let isHead = part == .head
                var conditions: [SQLQueryString] = [isHead ? "p.term = \(bind: driver) AND p.head" : "p.term = \(bind: driver)"]
                // Each probe and the recheck is a subquery run per candidate, in this order, as the driver is read
                // newest first: OFFSET 0 keeps PostgreSQL from turning them into joins. Left to the planner, the
                // recheck became a sequential scan of every record's text (it takes LIKE '%…%' for very selective).
                for gram in grams.dropFirst() {
                    conditions.append(isHead
                        ? "EXISTS (SELECT 1 FROM search_postings q WHERE q.term = \(bind: gram) AND q.sort_key = p.sort_key AND q.head OFFSET 0)"
                        : "EXISTS (SELECT 1 FROM search_postings q WHERE q.term = \(bind: gram) AND q.sort_key = p.sort_key OFFSET 0)")
                }
                conditions.append("EXISTS (SELECT 1 FROM record_search s WHERE s.record_id = (p.sort_key & 4294967295) AND "
                                  + Self.foldedMatch(part, pattern) + " OFFSET 0)")
                return ("FROM search_postings p", "p.sort_key", conditions)
            case .scan(let pattern):
                return ("FROM record_search s", "s.sort_key", [Self.textMatch(part, pattern)])
            }
        }

        /// The lowercased copies (`folded_head`, `folded_text`: PostgresSearchIndexer.folded) with LIKE: one
        /// comparison a candidate, a third of ILIKE's cost.
        static func foldedMatch(_ part: Part, _ folded: String) -> SQLQueryString {
            let all: SQLQueryString = "s.folded_text LIKE \(bind: folded)"
            let head: SQLQueryString = "s.folded_head LIKE \(bind: folded)"
            switch part {
            case .all: return all
            case .head: return head
            case .rest: return all + " AND NOT " + head
            }
        }

        static func textMatch(_ part: Part, _ pattern: String) -> SQLQueryString {
            let all: SQLQueryString = "(s.title ILIKE \(bind: pattern) OR s.body ILIKE \(bind: pattern) OR s.document_number ILIKE \(bind: pattern) OR s.attachments ILIKE \(bind: pattern))"
            let head: SQLQueryString = "(s.title ILIKE \(bind: pattern) OR s.document_number ILIKE \(bind: pattern))"
            switch part {
            case .all: return all
            case .head: return head
            case .rest: return all + " AND NOT " + head
            }
        }
    }

    /// The filters: the date range is a range of the sort key (SearchKey); agency, item and validity join records.
    struct Scope {
        let query: SearchQuery
        var isEverything: Bool { query.from == nil && query.to == nil && query.agencyID == nil && query.itemNodeID == nil && query.validity == nil }

        init(_ query: SearchQuery) { self.query = query }

        /// The whole statement from FROM on, for a part of a match.
        func sql(_ match: Match, _ part: Part) -> (sql: SQLQueryString, key: SQLQueryString)? {
            guard let source = match.source(part) else { return nil }
            var conditions = source.conditions
            let key = source.key
            if let from = query.from { conditions.append(key + " >= \(bind: SearchKey.make(recordID: 0, publishedDate: from))") }
            if let to = query.to { conditions.append(key + " < \(bind: SearchKey.make(recordID: 0, publishedDate: to.adding(days: 1)))") }
            var joined: [SQLQueryString] = []
            if let agency = query.agencyID { joined.append("r.agency_id = \(bind: agency)") }
            if let item = query.itemNodeID {
                joined.append("EXISTS (SELECT 1 FROM record_items ri WHERE ri.record_id = r.id AND ri.node_id = \(bind: item))")
            }
            if let validity = query.validity {
                joined.append("""
                    EXISTS (SELECT 1 FROM record_versions v WHERE v.record_id = r.id AND v.version = r.published_version
                    AND (v.content::json ->> 'validity') = \(bind: validity.rawValue))
                    """)
            }
            let from = joined.isEmpty ? source.from : source.from + " JOIN records r ON r.id = (" + key + " & 4294967295)"
            return (from + " WHERE " + (conditions + joined).joined(separator: " AND "), key)
        }
    }

    private func count(_ match: Match, _ part: Part, in scope: Scope, limit: Int?) async throws -> Int {
        guard let statement = scope.sql(match, part) else { return 0 }
        let bound: SQLQueryString = limit.map { " LIMIT \(literal: $0)" } ?? ""
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 " + statement.sql + bound + ") c")
            .first()!.decode(column: "n", as: Int.self)
    }

    private func page(_ match: Match, _ part: Part, in scope: Scope, limit: Int, offset: Int) async throws -> [Int] {
        guard limit > 0, let statement = scope.sql(match, part) else { return [] }
        return try await database.sql.raw("SELECT " + statement.key + " AS k " + statement.sql
                                          + " ORDER BY " + statement.key + " DESC LIMIT \(literal: limit) OFFSET \(literal: offset)")
            .all().map { try $0.decode(column: "k", as: Int.self) }
    }

    private func hits(ids: [Int], text: String) async throws -> [SearchHit] {
        guard !ids.isEmpty else { return [] }
        let rows = try await database.sql.raw("""
            SELECT r.id, r.index_number, r.published_date, a.name AS agency, s.title, s.body, s.document_number, s.attachments
            FROM record_search s JOIN records r ON r.id = s.record_id JOIN agencies a ON a.id = r.agency_id
            WHERE s.record_id IN (\(binds: ids))
            """).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "id", as: Int.self), $0) })
        return try ids.compactMap { byID[$0] }.map { try SearchHit(row: $0, query: text) }
    }

    /// The text as a LIKE pattern matching itself: `\`, `%` and `_` escaped with PostgreSQL's default escape `\`.
    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar == "\\" || scalar == "%" || scalar == "_" { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }
}
