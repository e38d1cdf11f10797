import SQLKit

/// The tables of an open database and what they hold, for backups, restores and moves between backends.
extension GongkaiDatabase {
    /// A column and whether it holds integers (every Gongkai column is an integer or text).
    public struct TableColumn: Sendable, Equatable {
        public let name: String
        public let isInteger: Bool
    }

    /// The ordinary tables (SQLite: also the FTS5 tables and their shadow tables), sorted by name.
    public func tableNames() async throws -> [String] {
        let query: SQLQueryString = isPostgres
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    public func columns(of table: String) async throws -> [TableColumn] {
        if isPostgres {
            return try await sql.raw("""
                SELECT column_name AS name, data_type AS type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """).all().map {
                    let type = try $0.decode(column: "type", as: String.self)
                    return TableColumn(name: try $0.decode(column: "name", as: String.self), isInteger: ["bigint", "integer", "smallint"].contains(type))
                }
        }
        return try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table)) ORDER BY cid").all().map {
            TableColumn(name: try $0.decode(column: "name", as: String.self),
                        isInteger: try $0.decode(column: "type", as: String.self).uppercased().contains("INT"))
        }
    }

    public func rowCount(_ table: String, in db: (any SQLDatabase)? = nil) async throws -> Int {
        try await (db ?? sql).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
    }

    /// Row counts of the tables that hold the installation's own data: every table both backends have, except
    /// the migration log. The search index is derived data and differs by backend, so it is left out.
    public func dataRowCounts(in db: (any SQLDatabase)? = nil) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in try await tableNames() where Self.isPortable(table) {
            counts[table] = try await rowCount(table, in: db)
        }
        return counts
    }

    /// Tables with the same name and meaning on SQLite and PostgreSQL (not the search index, not the migration log).
    static func isPortable(_ table: String) -> Bool {
        table != "schema_migrations" && !isSearchIndex(table)
    }

    /// The search index (record_fts*, record_grams*, record_search*, search_* but the queue `search_pending`):
    /// derived from the records, laid out differently per backend, rebuilt through `search_pending` after a move.
    static func isSearchIndex(_ table: String) -> Bool {
        ["record_fts", "record_grams", "record_search"].contains { table.hasPrefix($0) }
            || (table.hasPrefix("search_") && table != "search_pending")
    }

    /// Whether the database holds anything of an installation (agencies, catalogs, accounts, records, requests or
    /// audit entries). A freshly created, migrated database does not.
    public func holdsData() async throws -> Bool {
        let present = Set(try await tableNames())
        for table in ["agencies", "catalogs", "users", "records", "audit_log", "disclosure_requests"] where present.contains(table) {
            if try await sql.raw("SELECT 1 AS one FROM \(ident: table) LIMIT 1").first() != nil { return true }
        }
        return false
    }

    /// Applies pending migrations (after a restore of an older backup).
    public func applyMigrations() async throws {
        try await Migrator.migrate(self)
    }

    /// The newest applied migration.
    public func schemaVersion() async throws -> Int {
        try await sql.raw("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").first()!.decode(column: "v", as: Int.self)
    }
}
