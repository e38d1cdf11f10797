import GongkaiCore
import SQLKit

/// The personal-data guard at submission and publication (个人信息保护法 第二十五条; 去标识化 per
/// 《2018年政务公开工作要点》): title, body and the extracted text of every attachment are scanned.
extension RecordRepository {
    /// What the guard finds in a record's current content and attachments.
    public func personalDataCheck(id: Int) async throws -> PersonalDataGuard.Result {
        guard let record = try await record(id: id) else { throw RecordFailure.notFound }
        return try await Self.personalDataCheck(record, in: database.sql)
    }

    static func personalDataCheck(_ record: Record, in db: any SQLDatabase) async throws -> PersonalDataGuard.Result {
        let rows = try await db.raw("""
            SELECT ra.name, t.text FROM record_attachments ra JOIN attachment_texts t ON t.sha256 = ra.sha256
            WHERE ra.record_id = \(bind: record.id) ORDER BY ra.position
            """).all()
        let attachments = try rows.map { (name: try $0.decode(column: "name", as: String.self), text: try $0.decode(column: "text", as: String.self)) }
        return PersonalDataGuard.check(title: record.content.title, body: record.content.body, attachments: attachments)
    }

    /// Throws `.personalData` unless the record is clean or the person chose to go on (`override` holds a reason
    /// or an acknowledgement), in which case the finding and the reason are audited.
    static func guardPersonalData(_ record: Record, stage: String, override: String?, by user: User,
                                  in db: any SQLDatabase) async throws -> PersonalDataGuard.Result {
        let result = try await personalDataCheck(record, in: db)
        guard !result.isClean else { return result }
        guard let reason = override?.trimmed, !reason.isEmpty else {
            throw RecordFailure.personalData(result.message)
        }
        let masked = result.hits.map { "\($0.location.label)：\($0.match.kind.label) \($0.match.masked)" }.joined(separator: "；")
        try await AuditLog.append(actor: user.username, action: "record.personal_data_\(stage)", objectType: "record",
                                  objectID: String(record.id), agencyID: record.agencyID, before: masked, after: reason, in: db)
        return result
    }
}
