import Foundation
import GongkaiCore
import GongkaiInterchange
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

@Suite struct TransactionTests {
    /// Concurrent publishes each draw the next 索引号 and append to the audit chain: both are read-then-write, so
    /// write transactions must not interleave (on PostgreSQL they run on different pooled connections).
    @Test(arguments: StoreBackend.allCases)
    func concurrentPublishesGetDistinctIndexNumbers(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await RecordFixture.make(database)
            let items = try await fixture.items(agencyID: fixture.yiyuan)
            let admin = fixture.yiyuanAdmin
            var ids: [Int] = []
            for index in 0..<12 {
                let draft = try await fixture.records.createDraft(by: admin, itemNodeIDs: [items[index % items.count]],
                                                                  content: RecordContent(title: "并发发布\(index)"))
                _ = try await fixture.records.submit(by: admin, id: draft.id)
                ids.append(draft.id)
            }
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for id in ids { group.addTask { try await fixture.records.approve(by: admin, id: id).indexNumber } }
                var numbers: [String] = []
                for try await number in group { numbers.append(try #require(number)) }
                return numbers
            }
            let year = CivilDate(localDate: Date()).year
            #expect(Set(numbers) == Set((1...12).map { IndexNumber.make(organisationCode: "11370323MB0000000X", year: year, serial: $0) }))
            let audit = AuditLog(database)
            #expect(try await audit.verify() == .intact(entries: try await audit.entries(limit: nil).count))
        }
    }

    /// Concurrent imports of all five seed catalogs: each is one transaction, all land, the audit chain holds.
    @Test(arguments: StoreBackend.allCases)
    func concurrentImportsAllLand(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let results = try CatalogRepositoryTests.prefixes.map(CatalogRepositoryTests.seed)
            let repository = CatalogRepository(database)
            try await withThrowingTaskGroup(of: Int.self) { group in
                for result in results {
                    group.addTask { try await repository.save(result.catalog, format: result.format, diagnostics: result.diagnostics) }
                }
                for try await _ in group {}
            }
            #expect(try await repository.list().count == 5)
            #expect(try await AuditLog(database).verify() == .intact(entries: 5))
        }
    }

    /// A statement the database rejects halfway through an import rolls the whole transaction back, and the
    /// connection is clean for the next one.
    @Test(arguments: StoreBackend.allCases)
    func anImportThatFailsMidwayLeavesNothingBehind(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let first = try CatalogRepositoryTests.seed("000"), second = try CatalogRepositoryTests.seed("003")
            await #expect(throws: (any Error).self) {
                try await database.transaction { db in
                    _ = try await CatalogRepository.insert(first.catalog, format: first.format, diagnostics: first.diagnostics, into: db)
                    _ = try await CatalogRepository.insert(second.catalog, format: second.format, diagnostics: second.diagnostics, into: db)
                    // The agency exists now: inserting it again breaks the UNIQUE constraint on its name.
                    try await db.raw("INSERT INTO agencies (name) VALUES (\(bind: first.catalog.agency.name))").run()
                }
            }
            for table in ["agencies", "departments", "catalogs", "catalog_nodes", "catalog_items", "item_departments",
                          "import_diagnostics", "audit_log"] {
                #expect(try await CatalogRepositoryTests.count(table, in: database) == 0, "table \(table)")
            }
            let repository = CatalogRepository(database)
            let id = try await repository.save(first.catalog, format: first.format, diagnostics: first.diagnostics)
            #expect(try await repository.load(id: id) == first.catalog)
            #expect(try await AuditLog(database).verify() == .intact(entries: 1))
        }
    }
}
