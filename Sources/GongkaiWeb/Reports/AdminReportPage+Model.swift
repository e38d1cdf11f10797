/// One agency's report of one year for staff (Templates/admin-report.mustache): the figures to enter, the six
/// sections to edit, the checks, what was counted, the versions and the workflow's next steps.
extension AnnualReportController {
    struct EditView: Sendable, PageChrome {
        var agencyID: Int
        var year: Int
        var links: ReportLinks
        var trail: [Crumb]? = [.workbench, Crumb(name: "年度报告", url: SiteURL.adminReports.path)]
        var report: AnnualReportView
        var status: String
        var version: Int
        var due: String
        var isEditable: Bool
        var canSubmit: Bool
        var canReview: Bool
        var isSubmitted: Bool
        var isPublished: Bool
        var publishedURL: String?
        var figures: [FigureInput]
        var hasFigures: Bool
        var sections: [SectionInput]
        var ambiguous: [NoteLink]
        var hasAmbiguous: Bool
        /// nil when every request replays: an empty string would still open its `{{#unreadable}}` banner.
        var unreadable: String?
        var counted: [CountedRow]
        var hasCounted: Bool
        var versions: [VersionRow]
        var error: String?
        var showsSubmitted: Bool
    }

    struct FigureInput: Sendable {
        var id: String
        var label: String
        var value: String
        var enteredBy: String
    }

    struct SectionInput: Sendable {
        var number: Int
        var heading: String
        var text: String
        var draft: String
        var isEdited: Bool
        var version: Int
    }

    struct ReportLinks: Sendable {
        var save: String
        var submit: String
        var approve: String
        var reject: String
        var revise: String

        init(agencyID: Int, year: Int) {
            func step(_ step: SiteURL.ReportStep) -> String { SiteURL.adminReportStep(agency: .value(agencyID), year: .value(year), step).path }
            save = SiteURL.adminReport(agency: agencyID, year: year).path
            submit = step(.submit)
            approve = step(.approve)
            reject = step(.reject)
            revise = step(.revise)
        }
    }

    struct RecordLink: Sendable {
        var id: Int
        var url: String
    }

    struct NoteLink: Sendable {
        var id: Int
        var url: String
        var title: String
        var kinds: String
    }

    struct CountedRow: Sendable {
        var label: String
        var records: [RecordLink]
        var count: Int
    }

    struct VersionRow: Sendable {
        var version: Int
        var status: String
        var editedBy: String
        var editedAt: String
        var note: String
    }
}
