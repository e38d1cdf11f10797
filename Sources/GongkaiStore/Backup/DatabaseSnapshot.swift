import Foundation
import SQLKit

/// A consistent copy of a whole database in one file, taken while the installation keeps running, and putting one back.
///
/// SQLite: `VACUUM INTO`, not the `sqlite3_backup_*` API: SQLiteNIO keeps its connection handle and its bundled
/// SQLite internal, so the backup API is not reachable from here. `VACUUM INTO` runs inside one read transaction
/// (a consistent snapshot; in WAL mode other processes keep writing meanwhile), waits at this process's gate for
/// a running transaction to end, and writes a compact, self-contained file (no -wal to carry along).
/// PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore`.
extension GongkaiDatabase {
    /// Writes the snapshot to `file`, which must not exist, and returns the row counts of the data tables
    /// (`dataRowCounts`) as the snapshot holds them, for checking a restore.
    public func snapshot(to file: URL) async throws -> [String: Int] {
        if isPostgres {
            // pg_dump reads the snapshot this transaction exports, so the counts are those of the dump, while
            // the installation keeps writing.
            return try await sql.withSession { db in
                try await db.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
                do {
                    let id = try await db.raw("SELECT pg_export_snapshot() AS id").first()!.decode(column: "id", as: String.self)
                    let counts = try await self.dataRowCounts(in: db)
                    try await PostgresTools.runDetached("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--no-comments",
                                                                    "--snapshot=" + id, "--file=" + file.path], url: self.postgresURL!)
                    try await db.raw("COMMIT").run()
                    return counts
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
        try await sql.raw("VACUUM INTO \(bind: file.path)").run()
        let copy = try await GongkaiDatabase.open(location: file.path, files: file.deletingLastPathComponent().path)
        do {
            let counts = try await copy.dataRowCounts()
            await copy.close()
            return counts
        } catch {
            await copy.close()
            throw error
        }
    }

    /// Restores a `pg_dump` snapshot into this PostgreSQL database, which must hold no data (see `holdsData`): the
    /// empty tables its migrations made are dropped first, then `pg_restore` recreates everything in one transaction.
    public func restorePostgresSnapshot(_ file: URL) async throws {
        precondition(isPostgres)
        let tables = try await tableNames()
        if !tables.isEmpty {
            try await transaction { db in
                try await db.raw("DROP TABLE IF EXISTS \(SQLList(tables.map { SQLIdentifier($0) })) CASCADE").run()
            }
        }
        try await PostgresTools.runDetached("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                                             "--dbname=" + PostgresTools.urlWithoutPassword(postgresURL!), file.path],
                              url: postgresURL!, passesDatabase: false)
    }
}

/// PostgreSQL's client programs, run with the password in the environment rather than on the command line.
enum PostgresTools {
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/\(name)" }
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted().reversed()
                .map { "/usr/lib/postgresql/\($0)/bin/\(name)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    static func urlWithoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.password = nil
        if components.scheme?.hasPrefix("postgres") == true { components.scheme = "postgresql" }
        return components.string ?? url
    }

    /// `run` on a thread of its own: waiting for the process must not hold up the concurrency pool.
    static func runDetached(_ tool: String, _ arguments: [String], url: String, passesDatabase: Bool = true) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                do {
                    try run(tool, arguments, url: url, passesDatabase: passesDatabase)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs `tool` and throws its error output in a Chinese sentence if it fails.
    static func run(_ tool: String, _ arguments: [String], url: String, passesDatabase: Bool = true) throws {
        guard let executable = executable(tool) else {
            throw BackupFailure("找不到 \(tool)：请安装 PostgreSQL 客户端程序（Debian：apt-get install postgresql-client）。")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + (passesDatabase ? ["--dbname=" + urlWithoutPassword(url)] : [])
        var environment = ProcessInfo.processInfo.environment
        if let password = URLComponents(string: url)?.password, !password.isEmpty { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BackupFailure("\(tool) 失败（退出码\(process.terminationStatus)）：\(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

/// A backup, restore or move that failed, in a sentence for the user.
public struct BackupFailure: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
