import SQLKit

/// Scheduled publications wait here until their time; the search indexes them when it comes, so the index
/// holds exactly the public records and counts need no join.
enum Migration006SearchPending {
    static let migration = Migration(version: 6, name: "search-pending") { db in
        try await db.create(table: "search_pending")
            .column("record_id", type: .bigint, .primaryKey(autoIncrement: false), .references("records", "id", onDelete: .cascade))
            .column("publish_at", type: .text, .notNull)
            .run()
        try await db.create(index: "search_pending_time").on("search_pending").column("publish_at").run()
    }
}
