import ArgumentParser
import Foundation
import GongkaiStore

/// `gongkai migrate --from SQLITE --to postgres://…`: moves an installation from the embedded SQLite file to an
/// empty PostgreSQL database, with its attachments, then checks row counts and the audit chain.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "把 SQLite 数据库（含附件）迁移到一个空的 PostgreSQL 数据库。")

    @Option(help: "原 SQLite 数据库文件。") var from: String
    @Option(name: .customLong("from-files"), help: "原附件目录（默认为“数据库文件名.files”）。") var fromFiles: String?
    @Option(help: "目标 PostgreSQL 连接地址 postgres://用户名:密码@主机:端口/数据库名（须为空数据库）。") var to: String
    @Option(help: "目标附件目录（默认取环境变量 GONGKAI_FILES，否则为 ./gongkai-files；与原目录相同则共用、不复制）。") var files: String?

    func run() async throws {
        try await reportingErrors {
            do { try await migrate() } catch { throw describeStoreFailure(error) ?? error }
        }
    }

    private func migrate() async throws {
        guard !GongkaiDatabase.isPostgresLocation(from) else { throw UserFacingError("--from 应为 SQLite 数据库文件，不是连接地址。") }
        guard FileManager.default.fileExists(atPath: from) else { throw UserFacingError("找不到 SQLite 数据库文件“\(from)”。") }
        guard GongkaiDatabase.isPostgresLocation(to) else {
            throw UserFacingError("--to 应为 PostgreSQL 连接地址 postgres://用户名:密码@主机:端口/数据库名。")
        }
        try await DatabaseOptions.with(location: from, files: fromFiles) { source in
            try await DatabaseOptions.with(location: to, files: files ?? ProcessInfo.processInfo.environment["GONGKAI_FILES"]) { destination in
                try await RestoreCheck.requireEmpty(destination)
                Console.progress("正在把 \(source.path) 复制到 \(destination.path)…")
                let expected = try await DatabaseCopy.copy(from: source, to: destination, progress: { Console.progress($0) })
                let copied = try RestoreCheck.copyFiles(from: source.filesDirectory, to: destination.filesDirectory, progress: { Console.progress($0) })
                let summary = try await RestoreCheck.verify(destination, expected: expected)
                print("已迁移到 \(destination.path)（附件目录 \(destination.filesDirectory.path)，复制附件\(copied)个）。\(summary)")
            }
        }
    }
}
