import SQLKit

/// Full-text search over public records (SQLite FTS5): a trigram index for queries of three characters
/// or more, and an index of single characters and character pairs, so one- and two-character Chinese
/// queries (医保) find every record that contains them.
enum Migration005Search {
    static let migration = Migration(version: 5, name: "search") { db in
        try await db.raw("CREATE VIRTUAL TABLE record_fts USING fts5(title, body, document_number, tokenize='trigram')").run()
        try await db.raw("CREATE VIRTUAL TABLE record_grams USING fts5(grams, tokenize='unicode61')").run()
        try await db.create(table: "item_empty_reasons")
            .column("node_id", type: .bigint, .primaryKey(autoIncrement: false), .references("catalog_nodes", "id", onDelete: .cascade))
            .column("reason", type: .text, .notNull)
            .run()
    }
}
