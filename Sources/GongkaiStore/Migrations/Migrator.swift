import SQLKit

/// A numbered schema change. Released migrations are never edited: add a new one instead.
struct Migration: Sendable {
    let version: Int
    let name: String
    let apply: @Sendable (any SQLDatabase) async throws -> Void
}

enum Migrator {
    static let all: [Migration] = [
        Migration001Catalogs.migration,
        Migration002Deadlines.migration,
        Migration003Publishing.migration,
        Migration004Attachments.migration,
        Migration005Search.migration,
        Migration006SearchPending.migration,
        Migration007SearchOrder.migration,
        Migration008Compliance.migration,
        Migration009Requests.migration,
        Migration010AnnualReports.migration,
        Migration011SearchPostings.migration,
        Migration012SearchFoldedText.migration,
        Migration013ItemDoubts.migration,
        Migration014CatalogVersions.migration,
    ]

    /// Each migration runs in its own write transaction (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: the writer lock),
    /// which checks again that no other process applied it meanwhile.
    static func migrate(_ database: GongkaiDatabase) async throws {
        try await database.transaction { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .text, .notNull)
                .run()
        }
        let applied = try await appliedVersions(database.sql)
        let latest = applied.max() ?? 0
        if let newest = all.last?.version, latest > newest { throw StoreError.newerSchema(latest) }
        for migration in all where !applied.contains(migration.version) {
            try await database.transaction { db in
                guard try await !appliedVersions(db).contains(migration.version) else { return }
                try await migration.apply(db)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.now()))
                    .run()
            }
        }
    }

    private static func appliedVersions(_ db: any SQLDatabase) async throws -> [Int] {
        try await db.select().column("version").from("schema_migrations").all()
            .map { try $0.decode(column: "version", as: Int.self) }
    }
}
