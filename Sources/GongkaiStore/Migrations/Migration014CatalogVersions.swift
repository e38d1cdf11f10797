import SQLKit

/// An agency keeps one catalog in versions. Each version is a whole tree (`catalogs` row with its nodes), so
/// earlier versions stay readable as they were. A revision is stored as a draft with its item matches against
/// the version it revises; approval adopts it from an effective date and moves the records of matched items,
/// logging each move so that compliance can still judge the time before the effective date by the old items.
///
/// Catalogs stored before versions existed become versions in import order: the newest of an agency is the one
/// the portal and the monitor already used (the highest id), the earlier ones end where the next was imported.
enum Migration014CatalogVersions {
    static let migration = Migration(version: 14, name: "catalog-versions") { db in
        try await db.raw("ALTER TABLE catalogs ADD COLUMN status TEXT NOT NULL DEFAULT 'adopted'").run()
        try await db.raw("ALTER TABLE catalogs ADD COLUMN version_number INTEGER").run()
        try await db.raw("ALTER TABLE catalogs ADD COLUMN effective_from TEXT").run()
        try await db.raw("ALTER TABLE catalogs ADD COLUMN revises_id BIGINT").run()
        try await db.raw("ALTER TABLE catalogs ADD COLUMN decided_by TEXT").run()
        try await db.create(table: "catalog_matches")
            .column("id", type: .bigint, .primaryKey)
            .column("catalog_id", type: .bigint, .notNull, .references("catalogs", "id", onDelete: .cascade))
            .column("position", type: .int, .notNull)
            .column("change", type: .text, .notNull)
            .column("old_node_id", type: .bigint, .references("catalog_nodes", "id"))
            .column("new_node_id", type: .bigint, .references("catalog_nodes", "id", onDelete: .cascade))
            .column("similarity_percent", type: .int)
            .column("matched_by", type: .text)
            .column("changed_fields", type: .text, .notNull)
            .column("confirmed_by", type: .text)
            .run()
        try await db.create(index: "catalog_matches_catalog").on("catalog_matches").column("catalog_id").run()
        try await db.create(table: "record_item_moves")
            .column("id", type: .bigint, .primaryKey)
            .column("record_id", type: .bigint, .notNull, .references("records", "id", onDelete: .cascade))
            .column("from_node_id", type: .bigint, .notNull, .references("catalog_nodes", "id"))
            .column("to_node_id", type: .bigint, .notNull, .references("catalog_nodes", "id"))
            .column("catalog_id", type: .bigint, .notNull, .references("catalogs", "id"))
            .column("effective_from", type: .text, .notNull)
            .run()
        try await db.create(index: "record_item_moves_record").on("record_item_moves").column("record_id").run()

        let rows = try await db.raw("SELECT id, agency_id, imported_at FROM catalogs ORDER BY agency_id, id").all()
        var numbers: [Int: Int] = [:]
        for row in rows {
            let agency = try row.decode(column: "agency_id", as: Int.self)
            let number = (numbers[agency] ?? 0) + 1
            numbers[agency] = number
            // The first version is in force from the start; a later one from the day it was imported.
            let effective: String? = number == 1 ? nil : String(try row.decode(column: "imported_at", as: String.self).prefix(10))
            try await db.update("catalogs").set("version_number", to: number).set("effective_from", to: effective)
                .where("id", .equal, try row.decode(column: "id", as: Int.self)).run()
        }
    }
}
