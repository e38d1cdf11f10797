import GongkaiCore
import GongkaiStore

extension AdminController.ItemView {
    /// The page of `item` (node `id`) for `user`, each record with its due date under the item's rule.
    static func load(nodeID id: Int, item: ItemContext, user: User, records: RecordRepository, deadlines: DueDateCalculator) async throws -> Self {
        let rule = item.item.deadlineRule ?? DeadlineParser.parse(item.item.deadlineText)
        let rows = try await records.records(itemNodeID: id).map { record -> RecordRowView in
            let due = try? deadlines.due(rule, trigger: record.content.triggerDate,
                                        period: ReportingPeriod(record.content.reportingPeriod), recordKind: nil)
            return RecordRowView(record, due: due)
        }
        let explanation = (try? deadlines.due(rule))?.explanation ?? ""
        return Self(nodeID: id, newRecordURL: SiteURL.newRecord(item: .value(id)).path,
                    emptyReasonURL: SiteURL.adminItemEmptyReason(.value(id)).path,
                    titlePatternURL: SiteURL.adminItemTitlePattern(.value(id)).path, path: item.path.dropLast().joined(separator: " › "), name: item.path.last ?? "",
                    content: item.item.content, legalBasis: item.item.legalBasisText, deadlineText: item.item.deadlineText,
                    ruleKind: rule.kind.rawValue, ruleSummary: rule.summary, ruleExplanation: explanation,
                    publisher: item.item.publisher, responsible: item.item.responsibleUnits.joined(separator: "、"),
                    channels: item.item.checkedChannelNames.joined(separator: "、"), records: rows, hasRecords: !rows.isEmpty,
                    canDraft: Permissions.canDraft(itemAgencyID: item.agencyID, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user),
                    emptyReason: try await PortalQueries(records.database).emptyReason(itemNodeID: id) ?? "",
                    canExplainEmpty: Permissions.canAdminister(agencyID: item.agencyID, user)
                        || Permissions.canDraft(itemAgencyID: item.agencyID, responsibleDepartmentIDs: item.responsibleDepartmentIDs, user),
                    titlePattern: try await ComplianceRepository(records.database).titlePattern(nodeID: id) ?? "",
                    canSetTitlePattern: Permissions.canAdminister(agencyID: item.agencyID, user))
    }
}
