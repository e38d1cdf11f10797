import ArgumentParser
import Foundation
import GongkaiStore

/// `--db PATH|URL` and `--files DIR` on every command. `--db` is an SQLite file (default `GONGKAI_DB`, else
/// ./gongkai.sqlite) or a PostgreSQL URL `postgres://user:password@host:port/database`; `--files` is the attachment
/// folder (default `GONGKAI_FILES`, else `<file>.files` for SQLite and ./gongkai-files for PostgreSQL).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: """
        数据库：SQLite 文件路径，或 PostgreSQL 连接地址 postgres://用户名:密码@主机:端口/数据库名\
        （默认取环境变量 GONGKAI_DB，否则为 ./gongkai.sqlite）
        """)
    var path: String?

    @Option(name: .customLong("files"), help: """
        附件目录（默认取环境变量 GONGKAI_FILES；SQLite 时为“数据库文件名.files”，PostgreSQL 时为 ./gongkai-files）
        """)
    var files: String?

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    var resolvedPath: String { path ?? Self.environment("GONGKAI_DB") ?? "gongkai.sqlite" }
    var resolvedFiles: String? { files ?? Self.environment("GONGKAI_FILES") }
    var isPostgres: Bool { GongkaiDatabase.isPostgresLocation(resolvedPath) }
    /// The location as it may be printed: a URL's password is hidden.
    var displayLocation: String { GongkaiDatabase.displayLocation(resolvedPath) }

    /// Opens the database; the caller closes it.
    func open() async throws -> GongkaiDatabase {
        do {
            return try await GongkaiDatabase.open(location: resolvedPath, files: resolvedFiles)
        } catch let error as StoreError {
            throw UserFacingError(error.description)
        }
    }

    /// Opens the database for `body` and always closes it, also when `body` throws.
    func withDatabase<T>(_ body: (GongkaiDatabase) async throws -> T) async throws -> T {
        try await Self.with(location: resolvedPath, files: resolvedFiles, body)
    }

    /// Opens `location` (a file or URL) with the attachment folder `files` for `body` and always closes it.
    static func with<T>(location: String, files: String?, _ body: (GongkaiDatabase) async throws -> T) async throws -> T {
        let database: GongkaiDatabase
        do { database = try await GongkaiDatabase.open(location: location, files: files) } catch let error as StoreError {
            throw UserFacingError(error.description)
        }
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

/// An error whose message is already the Chinese sentence to show; exits with status 1.
struct UserFacingError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, printing Chinese errors to stderr and exiting 1 on failure.
    func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as UserFacingError {
            Console.error("错误：" + error.description)
            throw ExitCode(1)
        } catch let error as StoreError {
            Console.error("错误：" + error.description)
            throw ExitCode(1)
        }
    }
}
