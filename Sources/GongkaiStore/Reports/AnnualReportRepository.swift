import Foundation
import GongkaiCore
import SQLKit

/// Stored annual reports: the workflow row per agency and year, and every version. Writes go through
/// `AnnualReportRepository+Workflow`, each in one transaction with its audit entry.
public struct AnnualReportRepository: Sendable {
    public let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    /// A published report's dates, for the portal list and the 1月31日 deadline.
    public struct PublicationDates: Sendable, Equatable {
        public var agencyID: Int
        public var year: Int
        public var firstPublishedOn: CivilDate
        public var publishedOn: CivilDate
    }

    /// The report of `year` as stored, or a new empty draft.
    public func stored(agencyID: Int, year: Int) async throws -> StoredAnnualReport {
        try await Self.stored(agencyID: agencyID, year: year, in: database.sql)
    }

    /// Every stored report of an agency (or of all), newest year first; figures and texts included.
    public func all(agencyID: Int?) async throws -> [StoredAnnualReport] {
        var query = database.sql.select().column("*").from("annual_reports").orderBy("year", .descending).orderBy("agency_id")
        if let agencyID { query = query.where("agency_id", .equal, agencyID) }
        var result: [StoredAnnualReport] = []
        for row in try await query.all() { result.append(try await Self.decode(row, in: database.sql)) }
        return result
    }

    public func published(agencyID: Int, year: Int) async throws -> PublishedAnnualReport? {
        let stored = try await stored(agencyID: agencyID, year: year)
        guard let id = stored.id, let version = stored.publishedVersion, let on = stored.publishedOn,
              let report = try await snapshot(reportID: id, version: version, in: database.sql) else { return nil }
        return PublishedAnnualReport(report: report, version: version, publishedOn: on, firstPublishedOn: stored.firstPublishedOn ?? on)
    }

    public func publicationDates(agencyID: Int? = nil) async throws -> [PublicationDates] {
        var query = database.sql.select().columns("agency_id", "year", "first_published_on", "published_on").from("annual_reports")
            .where("first_published_on", .isNot, SQLLiteral.null).orderBy("agency_id").orderBy("year", .descending)
        if let agencyID { query = query.where("agency_id", .equal, agencyID) }
        return try await query.all().compactMap { row in
            guard let first = CivilDate(try row.decode(column: "first_published_on", as: String.self)) else { return nil }
            let latest = try row.decode(column: "published_on", as: String?.self).flatMap(CivilDate.init) ?? first
            return PublicationDates(agencyID: try row.decode(column: "agency_id", as: Int.self), year: try row.decode(column: "year", as: Int.self),
                                    firstPublishedOn: first, publishedOn: latest)
        }
    }

    /// Every version, newest first.
    public func versions(agencyID: Int, year: Int) async throws -> [AnnualReportVersion] {
        guard let id = try await stored(agencyID: agencyID, year: year).id else { return [] }
        return try await database.sql.raw("""
            SELECT version, status, edited_by, edited_at, note, snapshot IS NOT NULL AS has_snapshot
            FROM annual_report_versions WHERE report_id = \(bind: id) ORDER BY version DESC
            """).all().map { row in
            AnnualReportVersion(version: try row.decode(column: "version", as: Int.self),
                                status: RecordStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                                editedBy: try row.decode(column: "edited_by", as: String.self),
                                editedAt: try row.decode(column: "edited_at", as: String.self),
                                note: try row.decode(column: "note", as: String.self),
                                hasSnapshot: try row.decode(column: "has_snapshot", as: Bool.self))
        }
    }

    /// The report as computed for a submitted or published version.
    public func snapshot(agencyID: Int, year: Int, version: Int) async throws -> AnnualReport? {
        guard let id = try await stored(agencyID: agencyID, year: year).id else { return nil }
        return try await snapshot(reportID: id, version: version, in: database.sql)
    }

    func snapshot(reportID: Int, version: Int, in db: any SQLDatabase) async throws -> AnnualReport? {
        guard let text = try await db.select().column("snapshot").from("annual_report_versions")
            .where("report_id", .equal, reportID).where("version", .equal, version)
            .first(decodingColumn: "snapshot", as: String?.self) ?? nil else { return nil }
        return try JSONDecoder().decode(AnnualReport.self, from: Data(text.utf8))
    }

    static func stored(agencyID: Int, year: Int, in db: any SQLDatabase) async throws -> StoredAnnualReport {
        guard let row = try await db.select().column("*").from("annual_reports")
            .where("agency_id", .equal, agencyID).where("year", .equal, year).first() else {
            return .new(agencyID: agencyID, year: year)
        }
        return try await decode(row, in: db)
    }

    static func decode(_ row: any SQLRow, in db: any SQLDatabase) async throws -> StoredAnnualReport {
        let id = try row.decode(column: "id", as: Int.self)
        let version = try row.decode(column: "version", as: Int.self)
        var report = StoredAnnualReport(
            id: id, agencyID: try row.decode(column: "agency_id", as: Int.self), year: try row.decode(column: "year", as: Int.self),
            status: RecordStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft, version: version,
            publishedVersion: try row.decode(column: "published_version", as: Int?.self),
            firstPublishedOn: try row.decode(column: "first_published_on", as: String?.self).flatMap(CivilDate.init),
            publishedOn: try row.decode(column: "published_on", as: String?.self).flatMap(CivilDate.init), figures: [], sections: [])
        if let current = try await db.select().columns("figures", "sections").from("annual_report_versions")
            .where("report_id", .equal, id).where("version", .equal, version).first() {
            let decoder = JSONDecoder()
            report.figures = try decoder.decode([EnteredFigure].self, from: Data(try current.decode(column: "figures", as: String.self).utf8))
            report.sections = try decoder.decode([StoredAnnualReport.SectionText].self,
                                                 from: Data(try current.decode(column: "sections", as: String.self).utf8))
        }
        return report
    }
}
