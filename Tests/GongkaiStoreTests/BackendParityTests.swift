import Foundation
import GongkaiCore
import GongkaiInterchange
@testable import GongkaiStore
import GongkaiTestSupport
import Testing

/// The same work on SQLite and on PostgreSQL gives the same results.
@Suite struct BackendParityTests {
    /// The JSON export of each catalog, after importing the five seed catalogs in one transaction.
    static func exports(_ backend: StoreBackend) async throws -> [String] {
        try await TestDatabase.with(backend) { database in
            let repository = CatalogRepository(database)
            let results = try CatalogRepositoryTests.prefixes.map(CatalogRepositoryTests.seed)
            let ids = try await repository.saveAll(results.map { ($0.catalog, $0.format, $0.diagnostics) })
            var exports: [String] = []
            for id in ids {
                let document = try CatalogDocument(try await repository.load(id: id), id: id).jsonData()
                let diagnostics = try JSONText.encode(try await repository.diagnostics(catalogID: id))
                exports.append(String(decoding: document, as: UTF8.self) + "\n" + diagnostics)
            }
            return exports
        }
    }

    @Test func theFiveSeedCatalogsImportIdentically() async throws {
        let sqlite = try await Self.exports(.sqlite), postgres = try await Self.exports(.postgresql)
        #expect(sqlite.count == 5)
        for (index, (left, right)) in zip(sqlite, postgres).enumerated() {
            #expect(left == right, "catalog \(CatalogRepositoryTests.prefixes[index])")
        }
    }

    @Test func postgresSchemaHasTheSearchTableAndNoFTS() async throws {
        try await TestDatabase.with(.postgresql) { database in
            let tables = try await database.sql.raw("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name
                """).all().map { try $0.decode(column: "table_name", as: String.self) }
            #expect(tables.contains("record_search") && tables.contains("search_postings") && !tables.contains("record_fts"))
            let indexes = try await database.sql.raw("SELECT indexname FROM pg_indexes WHERE tablename = 'record_search' ORDER BY indexname")
                .all().map { try $0.decode(column: "indexname", as: String.self) }
            #expect(indexes == ["record_search_attachments_trgm", "record_search_body_trgm", "record_search_document_number_trgm", "record_search_pkey", "record_search_sort_key", "record_search_title_trgm"])
        }
    }
}
