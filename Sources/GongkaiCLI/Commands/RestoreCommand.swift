import ArgumentParser
import Foundation
import GongkaiStore

/// `gongkai restore FILE`: puts a `gongkai backup` file into an empty database (`--db`) and attachment folder
/// (`--files`), then checks the row counts against the backup and verifies the audit chain.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "从备份文件恢复到一个空数据库（含附件）。")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "gongkai backup 生成的备份文件。") var file: String

    func run() async throws {
        try await reportingErrors {
            do { try await restore() } catch { throw describeStoreFailure(error) ?? error }
        }
    }

    private func restore() async throws {
        let reader = try BackupArchive.Reader(URL(fileURLWithPath: file))
        let manifest = reader.manifest
        let scratch = try RestoreCheck.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let snapshot = scratch.appendingPathComponent(manifest.database)
        Console.progress("备份：\(manifest.backend == "sqlite" ? "SQLite" : "PostgreSQL")，\(manifest.createdAt)，\(manifest.tables.values.reduce(0, +))行，附件\(manifest.files)个。")
        try reader.extractDatabase(to: snapshot)

        let target: GongkaiDatabase
        if database.isPostgres {
            target = try await database.open()
            do {
                try await RestoreCheck.requireEmpty(target)
                if manifest.backend == "postgresql" {
                    Console.progress("正在用 pg_restore 恢复数据库…")
                    try await target.restorePostgresSnapshot(snapshot)
                    try await target.applyMigrations()
                } else {
                    // An SQLite backup into PostgreSQL: the move `gongkai migrate` makes.
                    Console.progress("正在把 SQLite 备份复制到 PostgreSQL…")
                    try await DatabaseOptions.with(location: snapshot.path, files: scratch.path) { source in
                        _ = try await DatabaseCopy.copy(from: source, to: target, progress: { Console.progress($0) })
                    }
                }
            } catch {
                await target.close()
                throw error
            }
        } else {
            guard manifest.backend == "sqlite" else {
                throw UserFacingError("这是 PostgreSQL 数据库的备份，只能恢复到 PostgreSQL：请用 --db postgres://用户名:密码@主机:端口/数据库名 指定一个空数据库。")
            }
            let path = database.resolvedPath
            if FileManager.default.fileExists(atPath: path) {
                let existing = try await database.open()
                do { try await RestoreCheck.requireEmpty(existing) } catch {
                    await existing.close()
                    throw error
                }
                await existing.close()
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) else {
                throw UserFacingError("数据库所在目录“\(URL(fileURLWithPath: path).deletingLastPathComponent().path)”不存在。")
            }
            Console.progress("正在恢复数据库到 \(path)…")
            try FileManager.default.copyItem(at: snapshot, to: URL(fileURLWithPath: path))
            target = try await database.open()
        }
        do {
            Console.progress("正在恢复附件到 \(target.filesDirectory.path)…")
            let files = try reader.extractFiles(to: target.filesDirectory, progress: { Console.progress($0) })
            let summary = try await RestoreCheck.verify(target, expected: manifest.tables)
            print("已从 \(file) 恢复到 \(target.path)，附件\(files)个。\(summary)")
            await target.close()
        } catch {
            await target.close()
            throw error
        }
    }
}
