import Foundation

/// A catalog file between its preview and its saving: kept under the attachments folder in `import-staging/TOKEN/`,
/// named as uploaded (the importer tells formats apart by the name's extension too). Nothing of it is in the
/// database; a day-old staging folder is removed when the next file is staged.
struct StagedUpload {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "请选择要导入的目录文件（之前上传的文件已过期或不存在）。" }
    }

    let token: String
    let name: String
    let folder: URL

    static func root(_ files: URL) -> URL { files.appendingPathComponent("import-staging", isDirectory: true) }

    static func stage(_ data: Data, name: String, in files: URL) throws -> StagedUpload {
        removeStale(in: files)
        let token = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let folder = root(files).appendingPathComponent(token, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Only the last path component, and never a hidden or empty name.
        var safe = URL(fileURLWithPath: name).lastPathComponent.replacingOccurrences(of: "\\", with: "_")
        if safe.isEmpty || safe.hasPrefix(".") { safe = "目录" + safe }
        try data.write(to: folder.appendingPathComponent(safe))
        return StagedUpload(token: token, name: safe, folder: folder)
    }

    static func find(_ token: String, in files: URL) throws -> StagedUpload {
        guard token.count == 32, token.allSatisfy(\.isHexDigit) else { throw Missing() }
        let folder = root(files).appendingPathComponent(token, isDirectory: true)
        guard let name = try? FileManager.default.contentsOfDirectory(atPath: folder.path).first else { throw Missing() }
        return StagedUpload(token: token, name: name, folder: folder)
    }

    func data() throws -> Data {
        do { return try Data(contentsOf: folder.appendingPathComponent(name)) } catch { throw Missing() }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    private static func removeStale(in files: URL) {
        let root = root(files)
        // The system clock, not the site's: it is compared with the files' modification times, which the system sets.
        let dayAgo = Date().addingTimeInterval(-86_400)
        for folder in (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [] {
            let modified = (try? folder.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast
            if modified < dayAgo { try? FileManager.default.removeItem(at: folder) }
        }
    }
}
