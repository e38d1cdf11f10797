import Foundation
import Logging
import PostgresNIO
import SQLKit
import SQLiteKit
import SQLiteNIO

/// An open Gongkai database, migrated to the current schema: one SQLite file in WAL mode (the embedded default),
/// or a PostgreSQL database reached through a connection pool.
public final class GongkaiDatabase: Sendable {
    public enum Backend: String, Sendable {
        case sqlite
        case postgresql
    }

    private enum Engine: Sendable {
        case sqlite(SQLiteConnection, SerialGate)
        case postgresql(PostgresPool)
    }

    public let sql: any SQLDatabase
    public let backend: Backend
    /// SQLite: the file's path. PostgreSQL: the URL with its password hidden.
    public let path: String
    /// Where attachment files are kept: `<file>.files` next to an SQLite file, a configured folder for PostgreSQL.
    public let filesDirectory: URL
    private let engine: Engine
    /// PostgreSQL: the full URL, password included, for pg_dump and pg_restore. Never shown.
    let postgresURL: String?

    public var isPostgres: Bool { backend == .postgresql }

    private init(engine: Engine, path: String, filesDirectory: URL, postgresURL: String? = nil) {
        self.engine = engine
        self.postgresURL = postgresURL
        switch engine {
        case .sqlite(let connection, let gate):
            sql = GatedSQLDatabase(base: connection.sql(), gate: gate)
            backend = .sqlite
        case .postgresql(let pool):
            sql = pool.sql
            backend = .postgresql
        }
        self.path = path
        self.filesDirectory = filesDirectory
    }

    /// Opens (creating if needed) the SQLite file, or the PostgreSQL database when `path` is a postgres:// URL.
    public static func open(path: String, logger: Logger = Logger(label: "gongkai.store")) async throws -> GongkaiDatabase {
        try await open(location: path, logger: logger)
    }

    /// Opens `location` (an SQLite file path or a `postgres://user:password@host:port/database` URL) and applies
    /// pending migrations. `files` is the attachment folder; it defaults to `<file>.files` for SQLite and
    /// `./gongkai-files` for PostgreSQL.
    public static func open(location: String, files: String? = nil,
                            logger: Logger = Logger(label: "gongkai.store")) async throws -> GongkaiDatabase {
        let database = PostgresLocation.isPostgres(location)
            ? try await openPostgres(PostgresLocation(url: location), files: files ?? defaultPostgresFiles, logger: logger)
            : try await openSQLite(path: location, files: files, logger: logger)
        do {
            try await Migrator.migrate(database)
        } catch let error as StoreError {
            await database.close()
            throw error
        } catch {
            await database.close()
            throw StoreError.cannotOpen(database.path, PostgresErrorText.describe(error))
        }
        return database
    }

    public static let defaultPostgresFiles = "gongkai-files"

    /// Whether `location` names a PostgreSQL database (a postgres:// or postgresql:// URL) rather than an SQLite file.
    public static func isPostgresLocation(_ location: String) -> Bool { PostgresLocation.isPostgres(location) }

    /// `location` as it may be shown: a URL's password is hidden.
    public static func displayLocation(_ location: String) -> String {
        PostgresLocation.isPostgres(location) ? PostgresLocation(url: location).redacted : location
    }

    private static func openSQLite(path: String, files: String?, logger: Logger) async throws -> GongkaiDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else { throw StoreError.directoryMissing(directory) }
        let filesDirectory = try files.map(prepareFilesDirectory) ?? URL(fileURLWithPath: path + ".files")
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StoreError.cannotOpen(path, "\(error)")
        }
        let database = GongkaiDatabase(engine: .sqlite(connection, SerialGate()), path: path, filesDirectory: filesDirectory)
        do {
            try await database.sql.raw("PRAGMA journal_mode=WAL").run()
            try await database.sql.raw("PRAGMA foreign_keys=ON").run()
            try await database.sql.raw("PRAGMA busy_timeout=5000").run()
        } catch {
            try? await connection.close()
            throw StoreError.cannotOpen(path, "\(error)")
        }
        return database
    }

    private static func openPostgres(_ location: PostgresLocation, files: String, logger: Logger) async throws -> GongkaiDatabase {
        let filesDirectory = try prepareFilesDirectory(files)
        let pool = PostgresPool(configuration: try location.clientConfiguration(), logger: logger)
        // One direct connection first: it fails at once with the server's reason, where the pool would keep retrying.
        do {
            let probe = try await PostgresConnection.connect(configuration: try location.connectionConfiguration(), id: 0, logger: logger)
            try await probe.close()
        } catch {
            await pool.close()
            throw error as? StoreError ?? StoreError.cannotOpen(location.redacted, PostgresErrorText.describe(error))
        }
        return GongkaiDatabase(engine: .postgresql(pool), path: location.redacted, filesDirectory: filesDirectory, postgresURL: location.url)
    }

    /// The attachment folder must exist or be creatable (its parent must exist).
    private static func prepareFilesDirectory(_ files: String) throws -> URL {
        let url = URL(fileURLWithPath: files)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError.filesDirectoryUnusable(url.path, "这是一个文件，不是目录") }
            return url
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            throw StoreError.filesDirectoryUnusable(url.path, "目录不存在，且无法创建（上级目录不存在或没有写权限）")
        }
        return url
    }

    /// Whether `error` means the database could not be reached (rather than a fault in the request): no
    /// connection within the lease timeout, or a connection that broke.
    public static func isUnavailable(_ error: any Error) -> Bool {
        if let error = error as? StoreError { return error == .unavailable }
        if let error = error as? PSQLError {
            if [.connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection].contains(error.code) { return true }
            // 57P01-57P05: the server is shutting down, starting up or in recovery; 08xxx: connection exceptions.
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("57P") || state.hasPrefix("08")
        }
        return false
    }

    public func connectionUse() async -> ConnectionUse {
        switch engine {
        case .sqlite(_, let gate): await gate.use
        case .postgresql(let pool): await pool.use.current
        }
    }

    public func close() async {
        switch engine {
        case .sqlite(let connection, _): try? await connection.close()
        case .postgresql(let pool): await pool.close()
        }
    }

    /// Runs `body` in one transaction: either everything it wrote is committed, or nothing is. Write transactions
    /// never interleave (SQLite: one at a time on the connection, other statements wait for it to end, and
    /// `BEGIN IMMEDIATE` keeps other processes out; PostgreSQL: one leased connection holding the writer lock).
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch engine {
        case .postgresql(let pool):
            return try await pool.transaction(body)
        case .sqlite(let connection, let gate):
            // A transaction begun inside another would wait for itself at the gate forever.
            guard !SerialGate.heldByCurrentTask(gate) else { throw StoreError.nestedTransaction }
            return try await gate.run {
                let session = connection.sql()
                try await session.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(session)
                    try await session.raw("COMMIT").run()
                    return result
                } catch {
                    try? await session.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case directoryMissing(String)
    case cannotOpen(String, String)
    case catalogNotFound(String)
    case newerSchema(Int)
    case filesDirectoryUnusable(String, String)
    case nestedTransaction
    /// The database cannot be reached right now (PostgreSQL down or restarting).
    case unavailable

    public var description: String {
        switch self {
        case .directoryMissing(let dir): "数据库所在目录“\(dir)”不存在。"
        case .cannotOpen(let path, let reason): "无法打开数据库“\(path)”：\(reason)"
        case .catalogNotFound(let key): "没有编号或名称为“\(key)”的目录；用 gongkai catalogs 查看已有目录。"
        case .newerSchema(let version): "数据库结构版本为\(version)，比本程序新；请升级 gongkai。"
        case .unavailable: "数据库暂时无法连接，请稍后再试。"
        case .nestedTransaction: "内部错误：在一个数据库事务中又开始了另一个事务（程序缺陷，请报告）。"
        case .filesDirectoryUnusable(let dir, let reason):
            "附件目录“\(dir)”不可用：\(reason)。请用 --files 目录 或环境变量 GONGKAI_FILES 指定一个可写的目录。"
        }
    }
}
