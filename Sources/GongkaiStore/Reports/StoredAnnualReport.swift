import GongkaiCore

/// An agency's report for one year as stored: workflow state, and the current staff-entered figures and section texts.
public struct StoredAnnualReport: Sendable, Equatable {
    public var id: Int?
    public var agencyID: Int
    public var year: Int
    /// The record workflow's statuses: draft → submitted → published (rejected back to editing; revised after publication).
    public var status: RecordStatus
    /// 0 before anything was saved.
    public var version: Int
    /// The version the portal shows, if any was published.
    public var publishedVersion: Int?
    /// The first publication (what the 1月31日 deadline checks) and the latest one.
    public var firstPublishedOn: CivilDate?
    public var publishedOn: CivilDate?
    public var figures: [EnteredFigure]
    public var sections: [SectionText]

    /// A section's staff text and how many times it was edited (1 = the generated draft).
    public struct SectionText: Codable, Sendable, Equatable {
        public var number: Int
        public var text: String
        public var version: Int

        public init(number: Int, text: String, version: Int) {
            self.number = number
            self.text = text
            self.version = version
        }
    }

    public static func new(agencyID: Int, year: Int) -> StoredAnnualReport {
        StoredAnnualReport(id: nil, agencyID: agencyID, year: year, status: .draft, version: 0, publishedVersion: nil,
                           firstPublishedOn: nil, publishedOn: nil, figures: [], sections: [])
    }

    /// Staff may edit the figures and texts.
    public var isEditable: Bool { status == .draft || status == .rejected }

    /// The computed report with the stored section texts in place of the generated drafts.
    public func applyingSections(to report: AnnualReport) -> AnnualReport {
        var result = report
        for stored in sections {
            guard let index = result.sections.firstIndex(where: { $0.number == stored.number }) else { continue }
            var section = result.sections[index]
            section.text = stored.text
            section.version = stored.version
            result.sections[index] = section
        }
        return result
    }
}

/// One saved version: who, when, what happened, and (submitted and published versions) the report as computed then.
public struct AnnualReportVersion: Sendable, Equatable {
    public var version: Int
    public var status: RecordStatus
    public var editedBy: String
    public var editedAt: String
    public var note: String
    public var hasSnapshot: Bool
}

/// A published report as the portal shows it.
public struct PublishedAnnualReport: Sendable, Equatable {
    public var report: AnnualReport
    public var version: Int
    public var publishedOn: CivilDate
    public var firstPublishedOn: CivilDate
}
