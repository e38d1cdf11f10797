import Foundation
import GongkaiCore
import GongkaiInterchange
@testable import GongkaiStore
import Testing

/// Runs against a real SQLite file in a fresh temporary directory.
@Suite struct CatalogRepositoryTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/GongkaiCLI/Demo")

    static func temporaryDatabasePath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("test.sqlite").path
    }

    static func seed(_ prefix: String) throws -> ImportResult {
        let name = try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix(prefix) }!
        return try CatalogImporter.importFile(at: seeds.appendingPathComponent(name), agency: prefix == "004" ? "某市医疗保障局" : nil)
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func savedCatalogLoadsBackIdentical(prefix: String) async throws {
        let database = try await GongkaiDatabase.open(path: try Self.temporaryDatabasePath())
        let repository = CatalogRepository(database)
        let result = try Self.seed(prefix)
        let id = try await repository.save(result.catalog, format: result.format, diagnostics: result.diagnostics)
        let loaded = try await repository.load(id: id)
        #expect(loaded == result.catalog)
        #expect(try await repository.diagnostics(catalogID: id) == result.diagnostics)
        let summary = try await repository.find(String(id))
        #expect(summary.itemCount == result.catalog.items.count)
        await database.close()
    }

    @Test func departmentsAreLinkedToItems() async throws {
        let database = try await GongkaiDatabase.open(path: try Self.temporaryDatabasePath())
        let result = try Self.seed("000")
        try await CatalogRepository(database).save(result.catalog, format: result.format, diagnostics: result.diagnostics)
        let rows = try await database.sql.raw("""
            SELECT d.name FROM item_departments l JOIN departments d ON d.id = l.department_id
            JOIN catalog_nodes n ON n.id = l.node_id WHERE n.name = '执法结果'
            """).all()
        #expect(try rows.map { try $0.decode(column: "name", as: String.self) } == ["基金监管科"])
        let departments = try await database.sql.raw("SELECT COUNT(*) AS n FROM departments").first()
        #expect(try departments?.decode(column: "n", as: Int.self) == result.catalog.departments.count)
        await database.close()
    }

    @Test func aFailedTransactionLeavesNothingBehind() async throws {
        let path = try Self.temporaryDatabasePath()
        let database = try await GongkaiDatabase.open(path: path)
        let result = try Self.seed("003")
        struct Crash: Error {}
        await #expect(throws: Crash.self) {
            try await database.transaction { db in
                _ = try await CatalogRepository.insert(result.catalog, format: result.format, diagnostics: result.diagnostics, into: db)
                throw Crash()
            }
        }
        for table in ["agencies", "departments", "catalogs", "catalog_nodes", "catalog_items", "import_diagnostics", "audit_log"] {
            let row = try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()
            #expect(try row?.decode(column: "n", as: Int.self) == 0, "table \(table)")
        }
        await database.close()
    }

    @Test func reopeningAppliesNoMigrationTwiceAndUsesWAL() async throws {
        let path = try Self.temporaryDatabasePath()
        await (try await GongkaiDatabase.open(path: path)).close()
        let database = try await GongkaiDatabase.open(path: path)
        let versions = try await database.sql.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()
        #expect(try versions?.decode(column: "n", as: Int.self) == Migrator.all.count)
        let mode = try await database.sql.raw("PRAGMA journal_mode").first()
        #expect(try mode?.decode(column: "journal_mode", as: String.self) == "wal")
        await database.close()
    }

    @Test func missingDirectoryIsAClearError() async throws {
        await #expect(throws: StoreError.directoryMissing("/nonexistent-gongkai")) {
            _ = try await GongkaiDatabase.open(path: "/nonexistent-gongkai/x.sqlite")
        }
    }
}
