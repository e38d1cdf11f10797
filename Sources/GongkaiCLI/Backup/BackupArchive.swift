import Foundation
import ZIPFoundation

/// One backup file: a ZIP archive holding `gongkai-backup.json` (the manifest), the database snapshot
/// (`database.sqlite` from SQLite's `VACUUM INTO`, or `database.pgdump` from `pg_dump --format=custom`) and every
/// attachment under `files/`, laid out as in the attachment folder.
enum BackupArchive {
    static let manifestName = "gongkai-backup.json"

    struct Manifest: Codable, Equatable {
        var format = 1
        /// `sqlite` or `postgresql`.
        var backend: String
        var schemaVersion: Int
        var createdAt: String
        var database: String
        /// Rows per data table in the snapshot (GongkaiDatabase.dataRowCounts), checked after a restore.
        var tables: [String: Int]
        var files: Int
    }

    /// Writes the archive to `out` (through a temporary name, so a failed backup leaves no half file behind).
    static func write(to out: URL, manifest: Manifest, snapshot: URL, filesDirectory: URL,
                      progress: (String) -> Void) throws {
        let partial = out.deletingLastPathComponent().appendingPathComponent("." + out.lastPathComponent + ".partial")
        try? FileManager.default.removeItem(at: partial)
        do {
            let archive = try Archive(url: partial, accessMode: .create)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(manifest)
            try archive.addEntry(with: manifestName, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
            // A pg_dump file is compressed already.
            try archive.addEntry(with: manifest.database, fileURL: snapshot,
                                 compressionMethod: manifest.backend == "sqlite" ? .deflate : .none)
            let files = attachmentFiles(in: filesDirectory)
            for (index, relative) in files.enumerated() {
                try archive.addEntry(with: "files/" + relative, fileURL: filesDirectory.appendingPathComponent(relative), compressionMethod: .deflate)
                if (index + 1) % 200 == 0 || index + 1 == files.count { progress("附件：\(index + 1)/\(files.count)") }
            }
            try? FileManager.default.removeItem(at: out)
            try FileManager.default.moveItem(at: partial, to: out)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// Paths of the regular files under the attachment folder, relative to it, sorted.
    static func attachmentFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = directory.standardizedFileURL.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(base) { files.append(String(path.dropFirst(base.count))) }
        }
        return files.sorted()
    }

    /// An archive opened for restoring.
    struct Reader {
        let archive: Archive
        let manifest: Manifest

        init(_ file: URL) throws {
            guard FileManager.default.fileExists(atPath: file.path) else { throw UserFacingError("找不到备份文件“\(file.path)”。") }
            let notBackup = "“\(file.path)”不是 gongkai 备份文件（应为 gongkai backup 生成的 .zip 文件）"
            guard let archive = try? Archive(url: file, accessMode: .read) else { throw UserFacingError(notBackup + "。") }
            guard let entry = archive[BackupArchive.manifestName] else { throw UserFacingError(notBackup + "：缺少 \(BackupArchive.manifestName)。") }
            var data = Data()
            do {
                _ = try archive.extract(entry) { data.append($0) }
                manifest = try JSONDecoder().decode(Manifest.self, from: data)
            } catch {
                throw UserFacingError(notBackup + "：说明文件无法读取（\(error)）。")
            }
            guard manifest.format == 1, ["sqlite", "postgresql"].contains(manifest.backend), archive[manifest.database] != nil else {
                throw UserFacingError(notBackup + "：格式版本\(manifest.format)无法识别或缺少数据库文件，请用较新版本的 gongkai 恢复。")
            }
            self.archive = archive
        }

        func extractDatabase(to url: URL) throws {
            _ = try archive.extract(archive[manifest.database]!, to: url)
        }

        /// Extracts every attachment into `directory`; files already there are the same content (content-addressed) and are kept.
        func extractFiles(to directory: URL, progress: (String) -> Void) throws -> Int {
            let entries = archive.filter { $0.type == .file && $0.path.hasPrefix("files/") }
            for (index, entry) in entries.enumerated() {
                let relative = String(entry.path.dropFirst("files/".count))
                guard !relative.split(separator: "/").contains("..") else { throw UserFacingError("备份文件中的附件路径不合法：\(entry.path)") }
                let target = directory.appendingPathComponent(relative)
                if !FileManager.default.fileExists(atPath: target.path) {
                    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    _ = try archive.extract(entry, to: target)
                }
                if (index + 1) % 200 == 0 || index + 1 == entries.count { progress("附件：\(index + 1)/\(entries.count)") }
            }
            return entries.count
        }
    }
}
