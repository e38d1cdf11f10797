import Foundation
import GongkaiCore
import GongkaiInterchange
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

/// Runs against a real SQLite file and a real PostgreSQL database, each fresh for the test.
@Suite struct CatalogRepositoryTests {
    static let prefixes = ["000", "001", "002", "003", "004"]

    static func seed(_ prefix: String) throws -> ImportResult { try TestAgencies.seed(prefix) }

    static func count(_ table: String, in database: GongkaiDatabase) async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }

    @Test(arguments: StoreBackend.allCases, prefixes)
    func savedCatalogLoadsBackIdentical(backend: StoreBackend, prefix: String) async throws {
        try await TestDatabase.with(backend) { database in
            let repository = CatalogRepository(database)
            let result = try Self.seed(prefix)
            let id = try await repository.save(result.catalog, format: result.format, diagnostics: result.diagnostics)
            let loaded = try await repository.load(id: id)
            #expect(loaded == result.catalog)
            #expect(try await repository.diagnostics(catalogID: id) == result.diagnostics)
            let summary = try await repository.find(String(id))
            #expect(summary.itemCount == result.catalog.items.count)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func departmentsAreLinkedToItems(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let result = try Self.seed("000")
            try await CatalogRepository(database).save(result.catalog, format: result.format, diagnostics: result.diagnostics)
            let rows = try await database.sql.raw("""
                SELECT d.name FROM item_departments l JOIN departments d ON d.id = l.department_id
                JOIN catalog_nodes n ON n.id = l.node_id WHERE n.name = '执法结果'
                """).all()
            #expect(try rows.map { try $0.decode(column: "name", as: String.self) } == ["基金监管科"])
            #expect(try await Self.count("departments", in: database) == result.catalog.departments.count)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aFailedTransactionLeavesNothingBehind(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let result = try Self.seed("003")
            struct Crash: Error {}
            await #expect(throws: Crash.self) {
                try await database.transaction { db in
                    _ = try await CatalogRepository.insert(result.catalog, format: result.format, diagnostics: result.diagnostics, into: db)
                    throw Crash()
                }
            }
            for table in ["agencies", "departments", "catalogs", "catalog_nodes", "catalog_items", "import_diagnostics", "audit_log"] {
                #expect(try await Self.count(table, in: database) == 0, "table \(table)")
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func reopeningAppliesNoMigrationTwice(backend: StoreBackend) async throws {
        let scratch = try await TestDatabase.scratch(backend)
        await (try await scratch.open()).close()
        let database = try await scratch.open()
        #expect(try await Self.count("schema_migrations", in: database) == Migrator.all.count)
        if backend == .sqlite {
            let mode = try await database.sql.raw("PRAGMA journal_mode").first()
            #expect(try mode?.decode(column: "journal_mode", as: String.self) == "wal")
        }
        await database.close()
        await scratch.dispose()
    }

    @Test func missingDirectoryIsAClearError() async throws {
        await #expect(throws: StoreError.directoryMissing("/nonexistent-gongkai")) {
            _ = try await GongkaiDatabase.open(path: "/nonexistent-gongkai/x.sqlite")
        }
    }
}
