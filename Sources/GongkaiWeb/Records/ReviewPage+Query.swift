import Foundation
import GongkaiCore
import GongkaiStore

extension ReviewPageModel {
    /// `record` against the version the public sees (when it is another), else against the version before it.
    static func load(record: Record, user: User, records: RecordRepository, now: Date) async throws -> ReviewPageModel {
        let versions = try await records.versions(id: record.id)
        let published = try await records.publicVersion(id: record.id, now: now)
        let base = published?.version != record.version ? published.map { ($0.version, $0.content) } : nil
            ?? versions.last { $0.version < record.version }.map { ($0.version, $0.content) }
        return ReviewPageModel(id: record.id, recordURL: SiteURL.adminRecord(record.id).path, title: record.content.title, from: base.map { "第\($0.0)版" } ?? "（无）", to: "第\(record.version)版",
                               lines: TextDiff.lines(base.map { plainText($0.1) } ?? "", plainText(record.content)),
                               canReview: record.status == .submitted && Permissions.canReview(agencyID: record.agencyID, user))
    }

    /// The content as the lines the diff compares: each field on a line of its own, then the body.
    static func plainText(_ content: RecordContent) -> String {
        ["标题：\(content.title)", "文号：\(content.documentNumber)", "发布机构：\(content.issuer)",
         "成文日期：\(content.writtenDate?.description ?? "")", "信息形成日期：\(content.triggerDate?.description ?? "")",
         "所报期间：\(content.reportingPeriod)", "主题分类：\(content.topic)", "有效性：\(content.validity?.label ?? "")",
         "有效期至：\(content.validUntil?.description ?? "")",
         "", content.body].joined(separator: "\n")
    }
}
