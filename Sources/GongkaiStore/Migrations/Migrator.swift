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
    ]

    static func migrate(_ db: any SQLDatabase) async throws {
        try await db.create(table: "schema_migrations").ifNotExists()
            .column("version", type: .bigint, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("applied_at", type: .text, .notNull)
            .run()
        let applied = try await db.select().column("version").from("schema_migrations").all()
            .map { try $0.decode(column: "version", as: Int.self) }
        let latest = applied.max() ?? 0
        if let newest = all.last?.version, latest > newest { throw StoreError.newerSchema(latest) }
        for migration in all where !applied.contains(migration.version) {
            try await db.withSession { session in
                try await session.raw("BEGIN IMMEDIATE").run()
                do {
                    try await migration.apply(session)
                    try await session.insert(into: "schema_migrations")
                        .columns("version", "name", "applied_at")
                        .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.now()))
                        .run()
                    try await session.raw("COMMIT").run()
                } catch {
                    try? await session.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }
}
