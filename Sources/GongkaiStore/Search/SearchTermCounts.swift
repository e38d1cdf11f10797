import SQLKit

/// How many indexed records contain each gram (`docs`), and how many contain it in their title or 文号
/// (`head_docs`). One- and two-character queries read their exact totals here instead of walking posting lists
/// of up to a million entries. Kept in the same transaction as the index, so it is exact.
enum SearchTermCounts {
    struct Counts: Equatable { var docs: Int; var headDocs: Int }

    static func counts(term: String, in db: any SQLDatabase) async throws -> Counts {
        guard let row = try await db.raw("SELECT docs, head_docs FROM search_terms WHERE term = \(bind: term)").first() else {
            return Counts(docs: 0, headDocs: 0)
        }
        return Counts(docs: try row.decode(column: "docs", as: Int.self), headDocs: try row.decode(column: "head_docs", as: Int.self))
    }

    static func add(head: [String], body: [String], in db: any SQLDatabase) async throws {
        let headSet = Set(head)
        let all = head + body.filter { !headSet.contains($0) }
        for chunk in chunks(all) {
            var sql = SQLQueryString("INSERT INTO search_terms (term, docs, head_docs) VALUES ")
            for (index, term) in chunk.enumerated() {
                if index > 0 { sql.appendInterpolation(unsafeRaw: ", ") }
                sql.appendInterpolation(unsafeRaw: "(")
                sql.appendInterpolation(bind: term)
                sql.appendInterpolation(unsafeRaw: headSet.contains(term) ? ", 1, 1)" : ", 1, 0)")
            }
            sql.appendInterpolation(unsafeRaw: " ON CONFLICT (term) DO UPDATE SET docs = docs + 1, head_docs = head_docs + excluded.head_docs")
            try await db.raw(sql).run()
        }
    }

    /// Undoes `add` for a record's stored grams columns.
    static func remove(head: String, body: String, in db: any SQLDatabase) async throws {
        let headTerms = head.split(separator: " ").map(String.init)
        let headSet = Set(headTerms)
        let all = headTerms + body.split(separator: " ").map(String.init).filter { !headSet.contains($0) }
        for (flag, terms) in [(1, all.filter { headSet.contains($0) }), (0, all.filter { !headSet.contains($0) })] {
            for chunk in chunks(terms) {
                var sql = SQLQueryString("UPDATE search_terms SET docs = docs - 1, head_docs = head_docs - \(unsafeRaw: String(flag)) WHERE term IN (")
                for (index, term) in chunk.enumerated() {
                    if index > 0 { sql.appendInterpolation(unsafeRaw: ", ") }
                    sql.appendInterpolation(bind: term)
                }
                sql.appendInterpolation(unsafeRaw: ")")
                try await db.raw(sql).run()
            }
        }
        try await db.raw("DELETE FROM search_terms WHERE docs <= 0").run()
    }

    /// Rebuilds every count from the index itself (after a bulk load or an index rebuild).
    static func recount(in db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM search_terms").run()
        try await db.raw("DROP TABLE IF EXISTS temp.record_grams_rows").run()
        try await db.raw("DROP TABLE IF EXISTS temp.record_grams_cols").run()
        try await db.raw("CREATE VIRTUAL TABLE temp.record_grams_rows USING fts5vocab(main, record_grams, 'row')").run()
        try await db.raw("CREATE VIRTUAL TABLE temp.record_grams_cols USING fts5vocab(main, record_grams, 'col')").run()
        var headDocs: [String: Int] = [:]
        for row in try await db.raw("SELECT term, doc FROM temp.record_grams_cols WHERE col = 'head'").all() {
            headDocs[try row.decode(column: "term", as: String.self)] = try row.decode(column: "doc", as: Int.self)
        }
        let rows = try await db.raw("SELECT term, doc FROM temp.record_grams_rows").all()
        for start in stride(from: 0, to: rows.count, by: 300) {
            var sql = SQLQueryString("INSERT INTO search_terms (term, docs, head_docs) VALUES ")
            for index in start..<min(start + 300, rows.count) {
                let term = try rows[index].decode(column: "term", as: String.self)
                if index > start { sql.appendInterpolation(unsafeRaw: ", ") }
                sql.appendInterpolation(unsafeRaw: "(")
                sql.appendInterpolation(bind: term)
                sql.appendInterpolation(unsafeRaw: ", \(try rows[index].decode(column: "doc", as: Int.self)), \(headDocs[term] ?? 0))")
            }
            try await db.raw(sql).run()
        }
        try await db.raw("DROP TABLE temp.record_grams_rows").run()
        try await db.raw("DROP TABLE temp.record_grams_cols").run()
    }

    /// Statements bind at most 500 terms (SQLite allows 32,766 parameters; smaller statements reuse better).
    private static func chunks(_ terms: [String]) -> [ArraySlice<String>] {
        stride(from: 0, to: terms.count, by: 500).map { terms[$0..<min($0 + 500, terms.count)] }
    }
}
