import SQLKit

/// Catalog items keep the importer's doubts (存疑: field and reason) as JSON text, empty when it was sure.
enum Migration013ItemDoubts {
    static let migration = Migration(version: 13, name: "item-doubts") { db in
        try await db.raw("ALTER TABLE catalog_items ADD COLUMN doubts TEXT NOT NULL DEFAULT ''").run()
    }
}
