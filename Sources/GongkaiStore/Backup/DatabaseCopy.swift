import Foundation
import SQLKit

/// Copies an installation's data from one open database to another, fresh one, across backends (SQLite to
/// PostgreSQL for `gongkai migrate`, and a backup of one backend restored into the other): every table both hold
/// except the search index, in foreign-key order and in one transaction on each side, then resets PostgreSQL's
/// identity sequences and rebuilds the search index through `search_pending`.
public enum DatabaseCopy {
    /// Returns the number of rows copied per table.
    @discardableResult
    public static func copy(from source: GongkaiDatabase, to target: GongkaiDatabase,
                            progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> [String: Int] {
        let sourceTables = Set(try await source.tableNames())
        let tables = try await target.tableNames().filter { sourceTables.contains($0) && GongkaiDatabase.isPortable($0) }
        let ordered = try await dependencyOrder(tables, in: target)
        var planned: [(table: String, columns: [GongkaiDatabase.TableColumn])] = []
        for table in ordered {
            let sourceColumns = Set(try await source.columns(of: table).map(\.name))
            let columns = try await target.columns(of: table).filter { sourceColumns.contains($0.name) }
            planned.append((table, columns))
        }
        let plans = planned
        let counts = try await source.transaction { from in
            try await target.transaction { to in
                var counts: [String: Int] = [:]
                for (index, plan) in plans.enumerated() {
                    counts[plan.table] = try await copyTable(plan.table, columns: plan.columns, from: from, to: to)
                    progress("[\(index + 1)/\(plans.count)] \(plan.table)：\(counts[plan.table]!)行")
                }
                if target.isPostgres { try await resetSequences(in: to) }
                // Every public record is indexed afresh in the target's own layout (as migration 007 does).
                try await to.raw("""
                    INSERT INTO search_pending (record_id, publish_at)
                    SELECT id, '' FROM records WHERE published_version IS NOT NULL AND status <> 'withdrawn'
                    ON CONFLICT (record_id) DO UPDATE SET publish_at = ''
                    """).run()
                return counts
            }
        }
        progress("正在重建检索索引…")
        try await SearchIndexer.indexDue(in: target) { done, total in progress("检索索引：\(done)/\(total)") }
        return counts
    }

    private static func copyTable(_ table: String, columns: [GongkaiDatabase.TableColumn],
                                  from: any SQLDatabase, to: any SQLDatabase) async throws -> Int {
        guard !columns.isEmpty else { return 0 }
        let names = columns.map(\.name)
        let keyed = names.contains("id")
        // Rows go in id order, so that rows referring to earlier rows of the same table (parent nodes) come after them.
        let batchSize = max(1, 20_000 / columns.count)
        var copied = 0, lastID = Int.min
        while true {
            let list = SQLList(names.map { SQLIdentifier($0) })
            let rows = keyed
                ? try await from.raw("SELECT \(list) FROM \(ident: table) WHERE id > \(bind: lastID) ORDER BY id LIMIT \(unsafeRaw: String(batchSize))").all()
                : try await from.raw("SELECT \(list) FROM \(ident: table) LIMIT \(unsafeRaw: String(batchSize)) OFFSET \(unsafeRaw: String(copied))").all()
            guard !rows.isEmpty else { return copied }
            let insert = to.insert(into: table).columns(names)
            for row in rows {
                var values: [any SQLExpression] = []
                for column in columns {
                    do {
                        if try row.decodeNil(column: column.name) {
                            values.append(SQLLiteral.null)
                        } else if column.isInteger {
                            values.append(SQLBind(try row.decode(column: column.name, as: Int.self)))
                        } else {
                            values.append(SQLBind(try row.decode(column: column.name, as: String.self)))
                        }
                    } catch {
                        throw BackupFailure("表 \(table) 的列 \(column.name) 无法转换：\(error)")
                    }
                }
                insert.values(values)
            }
            try await insert.run()
            copied += rows.count
            if keyed { lastID = try rows.last!.decode(column: "id", as: Int.self) }
        }
    }

    /// Parents before children: a table comes after every table its foreign keys point to.
    static func dependencyOrder(_ tables: [String], in database: GongkaiDatabase) async throws -> [String] {
        var parents: [String: Set<String>] = [:]
        for table in tables {
            let query: SQLQueryString = database.isPostgres
                ? "SELECT DISTINCT confrelid::regclass::text AS parent FROM pg_constraint WHERE contype = 'f' AND conrelid = \(bind: table)::regclass"
                : "SELECT DISTINCT \"table\" AS parent FROM pragma_foreign_key_list(\(bind: table))"
            parents[table] = Set(try await database.sql.raw(query).all().map { try $0.decode(column: "parent", as: String.self) })
                .subtracting([table]).intersection(tables)
        }
        var ordered: [String] = [], placed = Set<String>()
        while ordered.count < tables.count {
            guard let next = tables.first(where: { !placed.contains($0) && parents[$0]!.isSubset(of: placed) }) else {
                throw BackupFailure("表之间的外键关系成环，无法确定复制顺序。")
            }
            ordered.append(next)
            placed.insert(next)
        }
        return ordered
    }

    /// After rows were inserted with their own ids, each identity sequence continues after the largest id.
    static func resetSequences(in db: any SQLDatabase) async throws {
        let identities = try await db.raw("""
            SELECT table_name AS t, column_name AS c FROM information_schema.columns
            WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval%')
            """).all().map { (try $0.decode(column: "t", as: String.self), try $0.decode(column: "c", as: String.self)) }
        for (table, column) in identities {
            try await db.raw("""
                SELECT setval(pg_get_serial_sequence(\(bind: table), \(bind: column)), COALESCE(MAX(\(ident: column)), 0) + 1, false)
                FROM \(ident: table)
                """).run()
        }
    }
}
