import Foundation
import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO

/// An open Gongkai database: one SQLite file in WAL mode, migrated to the current schema.
public final class GongkaiDatabase: Sendable {
    public let sql: any SQLDatabase
    private let connection: SQLiteConnection
    private let gate = SerialGate()
    public let path: String

    private init(connection: SQLiteConnection, path: String) {
        self.connection = connection
        self.sql = connection.sql()
        self.path = path
    }

    /// Opens (creating if needed) the database file and applies pending migrations.
    public static func open(path: String, logger: Logger = Logger(label: "gongkai.store")) async throws -> GongkaiDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else { throw StoreError.directoryMissing(directory) }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StoreError.cannotOpen(path, "\(error)")
        }
        let database = GongkaiDatabase(connection: connection, path: path)
        do {
            try await database.sql.raw("PRAGMA journal_mode=WAL").run()
            try await database.sql.raw("PRAGMA foreign_keys=ON").run()
            try await database.sql.raw("PRAGMA busy_timeout=5000").run()
            try await Migrator.migrate(database.sql)
        } catch let error as StoreError {
            try? await connection.close()
            throw error
        } catch {
            try? await connection.close()
            throw StoreError.cannotOpen(path, "\(error)")
        }
        return database
    }

    public func close() async {
        try? await connection.close()
    }

    /// Runs `body` in one transaction: either everything it wrote is committed, or nothing is. Transactions take
    /// turns on the connection (`BEGIN IMMEDIATE` keeps other processes out).
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await gate.enter()
        do {
            let result = try await sql.withSession { session in
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
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case directoryMissing(String)
    case cannotOpen(String, String)
    case catalogNotFound(String)
    case newerSchema(Int)

    public var description: String {
        switch self {
        case .directoryMissing(let dir): "数据库所在目录“\(dir)”不存在。"
        case .cannotOpen(let path, let reason): "无法打开数据库“\(path)”：\(reason)"
        case .catalogNotFound(let key): "没有编号或名称为“\(key)”的目录；用 gongkai catalogs 查看已有目录。"
        case .newerSchema(let version): "数据库结构版本为\(version)，比本程序新；请升级 gongkai。"
        }
    }
}
