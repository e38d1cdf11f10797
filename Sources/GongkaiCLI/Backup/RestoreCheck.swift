import Foundation
import GongkaiStore

/// What `restore` and `migrate` check before and after they write.
enum RestoreCheck {
    /// Refuses a target that already holds an installation's data.
    static func requireEmpty(_ database: GongkaiDatabase) async throws {
        guard try await database.holdsData() else { return }
        throw UserFacingError("""
            目标数据库“\(database.path)”中已有数据（机关、目录、账号、信息、申请或审计记录），不能恢复到这里：\
            恢复和迁移只写入空数据库。请新建一个空数据库（SQLite：指定一个尚不存在的文件；PostgreSQL：用 createdb 新建）后再试。
            """)
    }

    /// The restored tables must hold as many rows as the backup said, and the audit chain must verify.
    /// `search_pending` is a queue the move drains (indexing what has come due), so it is not compared.
    static func verify(_ database: GongkaiDatabase, expected all: [String: Int]) async throws -> String {
        let expected = all.filter { $0.key != "search_pending" }
        let counts = try await database.dataRowCounts()
        let wrong = expected.keys.sorted().filter { counts[$0] != expected[$0] }
        guard wrong.isEmpty else {
            throw UserFacingError("恢复后的行数与备份不一致：" + wrong.map { "\($0) 应为\(expected[$0]!)行，实为\(counts[$0].map(String.init) ?? "无此表")" }.joined(separator: "；"))
        }
        switch try await AuditLog(database).verify() {
        case .intact(let count):
            return "已核对\(expected.count)张表共\(expected.values.reduce(0, +))行；审计日志完整：共\(count)条，哈希链无断点。"
        case .broken(let id, let reason):
            throw UserFacingError("恢复后的审计日志在第\(id)条处断开：\(reason)")
        }
    }

    static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Copies the attachment folder's files into another (content-addressed: existing files are kept).
    static func copyFiles(from source: URL, to target: URL, progress: (String) -> Void) throws -> Int {
        guard source.standardizedFileURL.path != target.standardizedFileURL.path else { return 0 }
        let files = BackupArchive.attachmentFiles(in: source)
        for (index, relative) in files.enumerated() {
            let destination = target.appendingPathComponent(relative)
            if !FileManager.default.fileExists(atPath: destination.path) {
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source.appendingPathComponent(relative), to: destination)
            }
            if (index + 1) % 200 == 0 || index + 1 == files.count { progress("附件：\(index + 1)/\(files.count)") }
        }
        return files.count
    }
}

/// Store errors whose text is already a sentence for the user.
func describeStoreFailure(_ error: any Error) -> (any Error)? {
    if let error = error as? UserFacingError { return error }
    if let error = error as? StoreError { return UserFacingError(error.description) }
    if let error = error as? BackupFailure { return UserFacingError(error.description) }
    return nil
}
