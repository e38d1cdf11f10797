import ArgumentParser
import Foundation
import GongkaiStore

/// `gongkai backup --out FILE`: the whole installation (database and attachments) in one file, taken while it runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "备份数据库和附件到一个文件（运行中也可备份）。")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "备份文件（.zip），不能已存在。") var out: String

    func run() async throws {
        try await reportingErrors {
            let outURL = URL(fileURLWithPath: out)
            guard !FileManager.default.fileExists(atPath: outURL.path) else { throw UserFacingError("备份文件“\(out)”已存在；请换一个文件名或先删除它。") }
            guard FileManager.default.fileExists(atPath: outURL.deletingLastPathComponent().path) else {
                throw UserFacingError("备份文件所在目录“\(outURL.deletingLastPathComponent().path)”不存在。")
            }
            let scratch = try RestoreCheck.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: scratch) }
            try await database.withDatabase { db in
                let snapshot = scratch.appendingPathComponent(db.isPostgres ? "database.pgdump" : "database.sqlite")
                Console.progress("正在备份数据库 \(db.path)…")
                let counts: [String: Int]
                do { counts = try await db.snapshot(to: snapshot) } catch { throw describeStoreFailure(error) ?? error }
                let manifest = BackupArchive.Manifest(backend: db.backend.rawValue, schemaVersion: try await db.schemaVersion(),
                                                      createdAt: ISO8601DateFormatter().string(from: Date()), database: snapshot.lastPathComponent,
                                                      tables: counts, files: BackupArchive.attachmentFiles(in: db.filesDirectory).count)
                Console.progress("数据库已备份（\(counts.count)张表，\(counts.values.reduce(0, +))行）；正在打包附件（\(manifest.files)个）…")
                try BackupArchive.write(to: outURL, manifest: manifest, snapshot: snapshot, filesDirectory: db.filesDirectory,
                                        progress: { Console.progress($0) })
                let size = (try? FileManager.default.attributesOfItem(atPath: outURL.path)[.size] as? Int) ?? 0
                print("已备份到 \(out)（\(size / 1024) KB）：数据库 \(db.path)，\(counts.values.reduce(0, +))行，附件\(manifest.files)个。")
            }
        }
    }
}
