import Crypto
import Foundation
import GongkaiCore
import SQLKit

/// Attachment files, content-addressed under `<files>/ab/abcdef…` (`<database>.files` for SQLite, the --files
/// folder for PostgreSQL). The file is written (atomically) before the database transaction that refers to it,
/// so a crash can leave an unreferenced file but never a record pointing at a missing one.
public struct AttachmentStore: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    public struct Attachment: Codable, Sendable, Equatable {
        public var sha256: String
        public var name: String
        public var mediaType: String
        public var size: Int
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unsupportedType
        case tooLarge
        case empty
        /// The file could not be written (`outOfSpace`: the attachment folder's disk is full); nothing refers to it.
        case notStored(outOfSpace: Bool)

        public var description: String {
            switch self {
            case .notStored(true): "服务器的附件存储空间已满，附件没有保存（已填写的信息未受影响）。请联系系统管理员清理或扩容附件目录后重新上传。"
            case .notStored(false): "附件未能写入服务器存储，没有保存（已填写的信息未受影响）。请稍后重试；如果问题持续，请联系系统管理员。"
            case .unsupportedType: "附件只能是 PDF、Word（.docx）、Excel（.xlsx）或 PNG/JPEG/GIF 图片（按文件内容判断，不看扩展名）。"
            case .tooLarge: "附件不能超过20MB。"
            case .empty: "附件是空文件。"
            }
        }
    }

    var directory: URL { database.filesDirectory }

    public func fileURL(_ sha256: String) -> URL {
        directory.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Writes a content-addressed file unless it is there already. The write is atomic (temporary file, then rename),
    /// so the path never holds a partial file that a later upload of the same bytes would trust; a failed write
    /// (disk full, …) throws `notStored` before any database row refers to the file.
    static func store(_ data: Data, at url: URL) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw Failure.notStored(outOfSpace: isOutOfSpace(error))
        }
    }

    static func isOutOfSpace(_ error: any Error) -> Bool {
        if let error = error as? CocoaError, error.code == .fileWriteOutOfSpace { return true }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain, error.code == Int(ENOSPC) { return true }
        return (error.userInfo[NSUnderlyingErrorKey] as? NSError).map(isOutOfSpace) ?? false
    }

    /// Stores the bytes and attaches them to the record (one transaction with its audit entry). `text` is what the
    /// search indexes for the file (AttachmentText); it becomes searchable when the record is next published.
    public func attach(_ data: Data, name: String, text: String? = nil, to recordID: Int, by user: User) async throws -> Attachment {
        guard !data.isEmpty else { throw Failure.empty }
        guard data.count <= AttachmentType.maxSize else { throw Failure.tooLarge }
        guard let type = AttachmentType.sniff([UInt8](data.prefix(65_536))) else { throw Failure.unsupportedType }
        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        try Self.store(data, at: fileURL(hash))
        let cleanName = String(name.trimmed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "附件").prefix(200)
        let attachment = Attachment(sha256: hash, name: cleanName.isEmpty ? "附件.\(type.fileExtension)" : String(cleanName),
                                    mediaType: type.mediaType, size: data.count)
        try await database.transaction { db in
            guard let record = try await RecordRepository.record(id: recordID, in: db) else { throw RecordFailure.notFound }
            guard Permissions.canView(agencyID: record.agencyID, user), [.draft, .rejected].contains(record.status), user.role != .reviewer else {
                throw RecordFailure.forbidden("只能给本机关的草稿或被退回的信息添加附件。")
            }
            if try await db.select().column("sha256").from("attachments").where("sha256", .equal, hash).first() == nil {
                try await db.insert(into: "attachments").columns("sha256", "media_type", "size", "created_at")
                    .values(SQLBind(hash), SQLBind(type.mediaType), SQLBind(data.count), SQLBind(Timestamp.now())).run()
            }
            if let text, try await db.select().column("sha256").from("attachment_texts").where("sha256", .equal, hash).first() == nil {
                try await db.insert(into: "attachment_texts").columns("sha256", "text").values(SQLBind(hash), SQLBind(text)).run()
            }
            let position = try await db.select().column("sha256").from("record_attachments").where("record_id", .equal, recordID).all().count
            try await db.delete(from: "record_attachments").where("record_id", .equal, recordID).where("sha256", .equal, hash).run()
            try await db.insert(into: "record_attachments").columns("record_id", "sha256", "name", "position")
                .values(SQLBind(recordID), SQLBind(hash), SQLBind(attachment.name), SQLBind(position)).run()
            try await AuditLog.append(actor: user.username, action: "record.attachmentAdded", objectType: "record", objectID: String(recordID),
                                      agencyID: record.agencyID, before: "", after: try JSONText.encode(attachment), in: db)
        }
        return attachment
    }

    public func attachments(recordID: Int) async throws -> [Attachment] {
        try await database.sql.raw("""
            SELECT ra.sha256, ra.name, a.media_type, a.size FROM record_attachments ra JOIN attachments a ON a.sha256 = ra.sha256
            WHERE ra.record_id = \(bind: recordID) ORDER BY ra.position
            """).all().map {
                Attachment(sha256: try $0.decode(column: "sha256", as: String.self), name: try $0.decode(column: "name", as: String.self),
                           mediaType: try $0.decode(column: "media_type", as: String.self), size: try $0.decode(column: "size", as: Int.self))
            }
    }

    /// The file, if it belongs to at least one record the public may see.
    public func publicFile(sha256: String) async throws -> (Attachment, Data)? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return nil }
        let rows = try await database.sql.raw("""
            SELECT ra.name, a.media_type, a.size FROM record_attachments ra JOIN attachments a ON a.sha256 = ra.sha256
            JOIN records r ON r.id = ra.record_id
            WHERE ra.sha256 = \(bind: sha256) AND r.published_version IS NOT NULL AND r.status <> 'withdrawn'
            """).all()
        guard let row = rows.first, let data = try? Data(contentsOf: fileURL(sha256)) else { return nil }
        return (Attachment(sha256: sha256, name: try row.decode(column: "name", as: String.self),
                           mediaType: try row.decode(column: "media_type", as: String.self), size: try row.decode(column: "size", as: Int.self)), data)
    }
}
