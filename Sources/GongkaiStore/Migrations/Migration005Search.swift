import SQLKit

/// Full-text search over public records.
/// SQLite (FTS5): a trigram index for queries of three characters or more, and an index of single characters and
/// character pairs, so one- and two-character Chinese queries (医保) find every record that contains them.
/// PostgreSQL (pg_trgm): one table of the public records' searchable text with a GIN trigram index per column.
enum Migration005Search {
    static let migration = Migration(version: 5, name: "search") { db in
        if db.dialect.name == "postgresql" {
            try await db.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await db.create(table: "record_search")
                .column("record_id", type: .bigint, .primaryKey(autoIncrement: false), .references("records", "id", onDelete: .cascade))
                .column("title", type: .text, .notNull)
                .column("body", type: .text, .notNull)
                .column("document_number", type: .text, .notNull)
                .run()
            for column in ["title", "body", "document_number"] {
                try await db.raw("CREATE INDEX \(unsafeRaw: "record_search_\(column)_trgm") ON record_search USING gin (\(unsafeRaw: column) gin_trgm_ops)").run()
            }
        } else {
            try await db.raw("CREATE VIRTUAL TABLE record_fts USING fts5(title, body, document_number, tokenize='trigram')").run()
            try await db.raw("CREATE VIRTUAL TABLE record_grams USING fts5(grams, tokenize='unicode61')").run()
        }
        try await db.create(table: "item_empty_reasons")
            .column("node_id", type: .bigint, .primaryKey(autoIncrement: false), .references("catalog_nodes", "id", onDelete: .cascade))
            .column("reason", type: .text, .notNull)
            .run()
    }
}
