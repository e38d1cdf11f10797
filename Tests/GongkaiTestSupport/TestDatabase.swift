import Foundation
import GongkaiStore
import Logging
import PostgresKit
import PostgresNIO

/// The storage backends every store test runs on.
public enum StoreBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgresql

    public var description: String { rawValue }
}

/// Fresh, empty, migrated databases for tests: an SQLite file in a new temporary folder, or a new database
/// (`gongkai_test_<random>`) on the server named by `GONGKAI_TEST_POSTGRES_URL`, which `scripts/test` starts.
/// Each test gets its own, so tests run in parallel.
public enum TestDatabase {
    public static let postgresURLVariable = "GONGKAI_TEST_POSTGRES_URL"

    public struct PostgresNotConfigured: Error, CustomStringConvertible {
        public var description: String {
            "\(TestDatabase.postgresURLVariable) is not set: PostgreSQL tests need a server. Run them through scripts/test "
                + "(or scripts/with-postgres swift test …), which starts a throwaway PostgreSQL server."
        }
    }

    /// A fresh location (file path or URL) and the folder for its attachments; `dispose` deletes both.
    public struct Scratch: Sendable {
        public let location: String
        public let files: String
        let postgresName: String?

        public func open() async throws -> GongkaiDatabase {
            try await GongkaiDatabase.open(location: location, files: files)
        }

        public func dispose() async {
            if let postgresName {
                try? await TestDatabase.admin("DROP DATABASE IF EXISTS \"\(postgresName)\" WITH (FORCE)")
            }
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: files).deletingLastPathComponent().path)
        }
    }

    public static func scratch(_ backend: StoreBackend) async throws -> Scratch {
        var location: String?, postgresName: String?
        if backend == .postgresql {
            guard var url = URLComponents(string: try serverURL()) else { throw PostgresNotConfigured() }
            let name = "gongkai_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await admin("CREATE DATABASE \"\(name)\"")
            url.path = "/" + name
            (location, postgresName) = (url.string!, name)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return Scratch(location: location ?? folder.appendingPathComponent("test.sqlite").path,
                       files: folder.appendingPathComponent("files").path, postgresName: postgresName)
    }

    /// Runs `body` with a fresh database on `backend`, then closes and deletes it (also when `body` throws).
    public static func with<T>(_ backend: StoreBackend, _ body: (GongkaiDatabase) async throws -> T) async throws -> T {
        let scratch = try await scratch(backend)
        let database: GongkaiDatabase
        do { database = try await scratch.open() } catch {
            await scratch.dispose()
            throw error
        }
        do {
            let result = try await body(database)
            await database.close()
            await scratch.dispose()
            return result
        } catch {
            await database.close()
            await scratch.dispose()
            throw error
        }
    }

    public static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[postgresURLVariable], !url.isEmpty else { throw PostgresNotConfigured() }
        return url
    }

    /// Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot be bound or run in a transaction).
    static func admin(_ statement: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: try serverURL()).coreConfiguration
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: Logger(label: "gongkai.test"))
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: connection.logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
