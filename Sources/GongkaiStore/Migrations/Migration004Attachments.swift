import SQLKit

/// Attachments, stored content-addressed (by SHA-256) next to the database; records refer to them by hash.
enum Migration004Attachments {
    static let migration = Migration(version: 4, name: "attachments") { db in
        try await db.create(table: "attachments")
            .column("sha256", type: .text, .primaryKey(autoIncrement: false))
            .column("media_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(table: "record_attachments")
            .column("record_id", type: .bigint, .notNull, .references("records", "id", onDelete: .cascade))
            .column("sha256", type: .text, .notNull, .references("attachments", "sha256"))
            .column("name", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .unique("record_id", "sha256")
            .run()
    }
}
