import SQLKit

/// Parsed deadline rules on items, imported holiday years, and stored due dates that depend on them.
enum Migration002Deadlines {
    static let migration = Migration(version: 2, name: "deadlines") { db in
        try await db.raw("ALTER TABLE catalog_items ADD COLUMN deadline_rule TEXT NOT NULL DEFAULT ''").run()
        try await db.create(table: "calendar_years")
            .column("year", type: .int, .primaryKey(autoIncrement: false))
            .column("data", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .column("imported_at", type: .text, .notNull)
            .run()
        try await db.create(table: "due_dates")
            .column("id", type: .bigint, .primaryKey)
            .column("subject", type: .text, .notNull, .unique)
            .column("rule", type: .text, .notNull)
            .column("trigger_date", type: .text)
            .column("period", type: .text)
            .column("record_kind", type: .text)
            .column("due", type: .text)
            .column("provisional", type: .int, .notNull)
            .column("explanation", type: .text, .notNull)
            .column("first_year", type: .int, .notNull)
            .column("last_year", type: .int, .notNull)
            .column("computed_at", type: .text, .notNull)
            .run()
    }
}
