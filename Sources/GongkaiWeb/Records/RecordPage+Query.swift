import Foundation
import GongkaiCore
import GongkaiStore

extension RecordPageModel {
    /// The page of `record` for `user`; `draft` and `errors` are a rejected edit to show in the form again.
    static func load(record: Record, item: ItemContext, user: User, draft: RecordContent?, errors: [String],
                     records: RecordRepository, attachments: AttachmentStore, now: Date) async throws -> RecordPageModel {
        let editable = Permissions.canEdit(record, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user)
        let links = try await records.links(id: record.id)
        let published = try await records.publicVersion(id: record.id, now: now)
        let content = record.content
        let personalData = [.published, .withdrawn].contains(record.status) ? PersonalDataGuard.check(title: "", body: "")
            : try await records.personalDataCheck(id: record.id)
        let attachmentLinks = try await attachments.attachments(recordID: record.id).map {
            AttachmentLink($0, url: SiteURL.adminRecordFile(.value(record.id), sha: .value($0.sha256)).path)
        }
        return RecordPageModel(
            id: record.id, actions: RecordActionLinks(recordID: record.id), title: content.title, statusLabel: record.status.label, statusReason: record.statusReason.flatMap { $0.isEmpty ? nil : $0 },
            indexNumber: record.indexNumber ?? "（首次发布时生成）", version: record.version,
            publicVersion: published.map { "第\($0.version)版" } ?? "未公开", documentNumber: content.documentNumber, issuer: content.issuer,
            writtenDate: content.writtenDate?.description ?? "", triggerDate: content.triggerDate?.description ?? "",
            publishedDate: record.publishedDate?.description ?? "", reportingPeriod: content.reportingPeriod, topic: content.topic,
            validity: content.validity?.label ?? "", validUntil: content.validUntil?.description ?? "", bodyHTML: HTML.renderBody(content.body), itemPath: item.path.joined(separator: " › "),
            itemURL: SiteURL.adminItem(item.nodeID).path, publicURL: published == nil ? nil : SiteURL.record(record.id).path,
            form: editable ? RecordFormModel(action: SiteURL.adminRecord(record.id).path, itemPath: item.path.joined(separator: " › "),
                                             content: draft ?? content, errors: errors, isNew: false) : nil,
            canSubmit: editable,
            canReview: record.status == .submitted && Permissions.canReview(agencyID: record.agencyID, user),
            canRevise: record.status == .published && Permissions.canDraft(itemAgencyID: record.agencyID, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user),
            canWithdraw: record.status == .published && Permissions.canReview(agencyID: record.agencyID, user),
            canLink: user.role != .reviewer,
            policies: links.policies.map { LinkView(id: $0, url: SiteURL.adminRecord($0).path) },
            interpretations: links.interpretations.map { LinkView(id: $0, url: SiteURL.adminRecord($0).path) },
            versions: try await records.versions(id: record.id).map {
                VersionView(version: $0.version, statusLabel: RecordStatus(rawValue: $0.status)?.label ?? $0.status, createdAt: $0.createdAt, title: $0.content.title)
            },
            attachments: attachmentLinks, hasAttachments: !attachmentLinks.isEmpty,
            canAttach: editable,
            personalData: personalData.hits.map { "\($0.location.label)：\($0.match.kind.label) \($0.match.masked)（请改为去标识化形式）" },
            hasPersonalData: !personalData.isClean)
    }
}
