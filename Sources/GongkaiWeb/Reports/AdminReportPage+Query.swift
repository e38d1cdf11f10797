import GongkaiCore
import GongkaiStore

extension AnnualReportController.EditView {
    /// The page of `live` for `user`; `error` is a refused save or step, said at the top.
    static func load(agencyID: Int, year: Int, live: AnnualReports.Live, user: User, error: String?,
                     repository: AnnualReportRepository) async throws -> Self {
        let stored = live.stored
        // A submitted report is reviewed as it was submitted: that version is what approval publishes.
        var shown = live.report
        if stored.status == .submitted, let snapshot = try await repository.snapshot(agencyID: agencyID, year: year, version: stored.version) {
            shown = snapshot
        }
        let entered = live.report.tables.all.flatMap { table in
            table.sections.flatMap { section in
                section.rows.flatMap { row in
                    zip(section.columns, row.cells).filter { $0.1.source == .entered }.map { column, cell in
                        AnnualReportController.FigureInput(id: cell.id, label: "\(row.label)：\(column.label)", value: ReportGrid.format(cell.value),
                                                           enteredBy: cell.enteredBy.map { "\($0) 于 \(cell.enteredOn?.description ?? "")填报" } ?? "")
                    }
                }
            }
        }
        let labels = Dictionary(live.report.tables.two.sections.flatMap(\.rows).map { ("二.\($0.id)", $0.label) }, uniquingKeysWith: { a, _ in a })
        return Self(
            agencyID: agencyID, year: year, links: AnnualReportController.ReportLinks(agencyID: agencyID, year: year),
            report: AnnualReportView(shown, agencyID: agencyID, publishedOn: stored.publishedOn,
                                     documentURL: { SiteURL.adminReportDraft(agency: .value(agencyID), year: .value(year), format: $0).path }),
            status: AnnualReportController.statusLabel(stored), version: stored.version, due: AnnualReportDeadline.due(reportYear: year).description,
            isEditable: stored.isEditable && Permissions.canDraftReport(agencyID: agencyID, user),
            canSubmit: stored.isEditable && Permissions.canDraftReport(agencyID: agencyID, user) && live.report.canPublish,
            canReview: Permissions.canReview(agencyID: agencyID, user), isSubmitted: stored.status == .submitted,
            isPublished: stored.status == .published, publishedURL: stored.publishedVersion.map { _ in SiteURL.agencyReport(.value(agencyID), file: .value(String(year))).path },
            figures: entered, hasFigures: !entered.isEmpty,
            sections: live.report.sections.map {
                AnnualReportController.SectionInput(number: $0.number, heading: $0.heading, text: $0.text, draft: $0.draft, isEdited: $0.isEdited,
                                                    version: $0.version)
            },
            ambiguous: live.notes.ambiguousRecords.map {
                AnnualReportController.NoteLink(id: $0.id, url: SiteURL.adminRecord($0.id).path, title: $0.title, kinds: $0.kinds.map(\.label).joined(separator: "、"))
            },
            hasAmbiguous: !live.notes.ambiguousRecords.isEmpty, unreadable: live.notes.unreadableRequests.isEmpty ? nil : live.notes.unreadableRequests.joined(separator: "、"),
            counted: live.notes.countedRecords.sorted { $0.key < $1.key }.map {
                AnnualReportController.CountedRow(label: labels[$0.key] ?? $0.key,
                                                  records: $0.value.sorted().map { AnnualReportController.RecordLink(id: $0, url: SiteURL.adminRecord($0).path) },
                                                  count: $0.value.count)
            },
            hasCounted: !live.notes.countedRecords.isEmpty,
            versions: try await repository.versions(agencyID: agencyID, year: year).map {
                AnnualReportController.VersionRow(version: $0.version, status: $0.status.label, editedBy: $0.editedBy, editedAt: $0.editedAt, note: $0.note)
            },
            error: error, showsSubmitted: stored.status == .submitted)
    }
}
