import Foundation
import GongkaiCore
import SQLKit

/// The annual report of an agency and year: computed live from the data with the staff's figures and texts, saved
/// as versions, submitted with passing checks, approved by a reviewer (which publishes exactly the submitted
/// version), rejected, or revised after publication. Each change is one transaction with its audit entry.
public struct AnnualReports: Sendable {
    public let database: GongkaiDatabase
    public let calendar: WorkingCalendar

    public init(database: GongkaiDatabase, calendar: WorkingCalendar) {
        self.database = database
        self.calendar = calendar
    }

    /// The report as it would be published now, with what the data could not count.
    public struct Live: Sendable {
        public var report: AnnualReport
        public var stored: StoredAnnualReport
        public var notes: AnnualReportSources.Notes
    }

    public func live(agencyID: Int, year: Int, today: CivilDate) async throws -> Live {
        try Self.validate(year: year, today: today)
        let stored = try await AnnualReportRepository(database).stored(agencyID: agencyID, year: year)
        return try await live(stored, today: today)
    }

    func live(_ stored: StoredAnnualReport, today: CivilDate) async throws -> Live {
        let sources = AnnualReportSources(database: database, calendar: calendar)
        let (input, notes) = try await sources.input(agencyID: stored.agencyID, year: stored.year, figures: stored.figures, today: today)
        return Live(report: stored.applyingSections(to: AnnualReportBuilder.build(input)), stored: stored, notes: notes)
    }

    /// Saves entered figures (cell id → number text; empty clears it) and section texts (number → text) as a new
    /// version. `expectedVersion` guards against overwriting someone else's save.
    public func save(by user: User, agencyID: Int, year: Int, figures: [String: String], sections: [Int: String],
                     expectedVersion: Int?, note: String = "", today: CivilDate) async throws -> Live {
        try Self.validate(year: year, today: today)
        guard Permissions.canDraftReport(agencyID: agencyID, user) else { throw AnnualReportError.notAllowed }
        let current = try await live(agencyID: agencyID, year: year, today: today)
        let enteredCells = Set(current.report.tables.all.flatMap(\.cells).filter { $0.source == .entered }.map(\.id))
        var nextFigures = current.stored.figures.filter { figures[$0.cellID] == nil }
        for (cell, text) in figures.sorted(by: { $0.key < $1.key }) {
            guard enteredCells.contains(cell) else { throw AnnualReportError.unknownCell(cell) }
            let trimmed = text.trimmed
            guard !trimmed.isEmpty else { continue }
            guard let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")), value >= 0,
                  trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
                throw AnnualReportError.badFigure(cellID: cell, text: trimmed)
            }
            let previous = current.stored.figures.first { $0.cellID == cell }
            nextFigures.append(previous?.value == value ? previous! : EnteredFigure(cellID: cell, value: value, enteredBy: user.username, enteredOn: today))
        }
        nextFigures.sort { $0.cellID < $1.cellID }
        var nextSections = current.stored.sections
        for (number, text) in sections.sorted(by: { $0.key < $1.key }) {
            guard text.count <= 50_000 else { throw AnnualReportError.sectionTooLong(number) }
            guard let section = current.report.sections.first(where: { $0.number == number }) else { continue }
            let edited = section.editing(text.replacingOccurrences(of: "\r\n", with: "\n"))
            nextSections.removeAll { $0.number == number }
            if edited.version > 1 || edited.isEdited {
                nextSections.append(.init(number: number, text: edited.text, version: edited.version))
            }
        }
        nextSections.sort { $0.number < $1.number }
        let figuresNow = nextFigures, sectionsNow = nextSections
        try await change(agencyID: agencyID, year: year, event: .edited, by: user, note: note, expectedVersion: expectedVersion) { stored, _ in
            stored.figures = figuresNow
            stored.sections = sectionsNow
            return nil
        }
        return try await live(agencyID: agencyID, year: year, today: today)
    }

    /// Submits the current version for review; refused while any check fails.
    public func submit(by user: User, agencyID: Int, year: Int, today: CivilDate) async throws -> Live {
        try Self.validate(year: year, today: today)
        guard Permissions.canDraftReport(agencyID: agencyID, user) else { throw AnnualReportError.notAllowed }
        let current = try await live(agencyID: agencyID, year: year, today: today)
        guard current.report.canPublish else { throw AnnualReportError.checksFailed(current.report.failedChecks) }
        let report = current.report
        try await change(agencyID: agencyID, year: year, event: .submitted, by: user, note: "提交审核",
                         expectedVersion: current.stored.version) { _, _ in report }
        return try await live(agencyID: agencyID, year: year, today: today)
    }

    /// Publishes the submitted version as it was computed at submission (what the reviewer reviewed).
    @discardableResult
    public func approve(by user: User, agencyID: Int, year: Int, today: CivilDate) async throws -> PublishedAnnualReport {
        guard Permissions.canReview(agencyID: agencyID, user) else { throw AnnualReportError.notAllowed }
        try await change(agencyID: agencyID, year: year, event: .published, by: user, note: "审核通过并发布", expectedVersion: nil) { stored, db in
            guard let id = stored.id, let submitted = try await AnnualReportRepository(database).snapshot(reportID: id, version: stored.version, in: db) else {
                throw AnnualReportError.nothingSubmitted
            }
            guard submitted.canPublish else { throw AnnualReportError.checksFailed(submitted.failedChecks) }
            stored.publishedOn = today
            stored.firstPublishedOn = stored.firstPublishedOn ?? today
            return submitted
        }
        return try await AnnualReportRepository(database).published(agencyID: agencyID, year: year)!
    }

    public func reject(by user: User, agencyID: Int, year: Int, reason: String) async throws {
        guard Permissions.canReview(agencyID: agencyID, user) else { throw AnnualReportError.notAllowed }
        try await change(agencyID: agencyID, year: year, event: .rejected, by: user, reason: reason, note: "退回：\(reason.trimmed)",
                         expectedVersion: nil) { _, _ in nil }
    }

    /// Reopens a published report for editing; the portal keeps showing the published version until the next approval.
    public func revise(by user: User, agencyID: Int, year: Int) async throws {
        guard Permissions.canReview(agencyID: agencyID, user) else { throw AnnualReportError.notAllowed }
        try await change(agencyID: agencyID, year: year, event: .revised, by: user, note: "修订", expectedVersion: nil) { _, _ in nil }
    }

    /// One workflow step in one transaction: the next version row, the report row, and the audit entry.
    /// `body` adjusts the stored report and returns the snapshot to keep with the version, if any.
    private func change(agencyID: Int, year: Int, event: RecordEvent, by user: User, reason: String? = nil, note: String,
                        expectedVersion: Int?,
                        _ body: @escaping @Sendable (inout StoredAnnualReport, any SQLDatabase) async throws -> AnnualReport?) async throws {
        try await database.transaction { db in
            guard try await db.select().column("id").from("agencies").where("id", .equal, agencyID).first() != nil else {
                throw AnnualReportError.noSuchAgency(agencyID)
            }
            let before = try await AnnualReportRepository.stored(agencyID: agencyID, year: year, in: db)
            if let expectedVersion, expectedVersion != before.version {
                throw AnnualReportError.staleVersion(expected: expectedVersion, actual: before.version)
            }
            var after = before
            do { after.status = try RecordWorkflow.apply(event, to: before.status, reason: reason) }
            catch let failure as RecordWorkflow.Failure {
                throw AnnualReportError.workflow(failure.description.replacingOccurrences(of: "的信息", with: "的年度报告"))
            }
            let snapshot = try await body(&after, db)
            after.version = before.version + 1
            if event == .published { after.publishedVersion = after.version }
            let now = Timestamp.now()
            let id: Int
            if let existing = before.id {
                id = existing
                try await db.update("annual_reports").set("status", to: after.status.rawValue).set("version", to: after.version)
                    .set("published_version", to: after.publishedVersion).set("published_on", to: after.publishedOn?.description)
                    .set("first_published_on", to: after.firstPublishedOn?.description).set("updated_at", to: now)
                    .where("id", .equal, id).run()
            } else {
                id = try await db.insert(into: "annual_reports")
                    .columns("agency_id", "year", "status", "version", "updated_at")
                    .values(SQLBind(agencyID), SQLBind(year), SQLBind(after.status.rawValue), SQLBind(after.version), SQLBind(now))
                    .returning("id").first(decodingColumn: "id", as: Int.self)!
            }
            after.id = id
            try await db.insert(into: "annual_report_versions")
                .columns("report_id", "version", "status", "figures", "sections", "snapshot", "edited_by", "edited_at", "note")
                .values(SQLBind(id), SQLBind(after.version), SQLBind(after.status.rawValue), SQLBind(try JSONText.encode(after.figures)),
                        SQLBind(try JSONText.encode(after.sections)), SQLBind(try snapshot.map(JSONText.encode)), SQLBind(user.username),
                        SQLBind(now), SQLBind(note))
                .run()
            try await AuditLog.append(actor: user.username, action: "report.\(event.rawValue)", objectType: "annual_report",
                                      objectID: "\(agencyID)/\(year)", agencyID: agencyID,
                                      before: try Self.auditText(before, snapshot: nil), after: try Self.auditText(after, snapshot: snapshot), in: db)
        }
    }

    /// What the audit trail keeps of a version: its state, figures, texts and, when published or submitted, the
    /// SHA-256 of the report's JSON.
    static func auditText(_ stored: StoredAnnualReport, snapshot: AnnualReport?) throws -> String {
        struct Entry: Encodable {
            let status: String, version: Int, figures: [EnteredFigure], sections: [StoredAnnualReport.SectionText], snapshotSHA256: String?
        }
        let digest = try snapshot.map { AuditLog.sha256(try JSONText.encode($0)) }
        return try JSONText.encode(Entry(status: stored.status.rawValue, version: stored.version, figures: stored.figures,
                                         sections: stored.sections, snapshotSHA256: digest))
    }

    /// Years from 2019, the first of the national formats (the 2019 trial format, 国办公开办函〔2019〕60号), to this year.
    static func validate(year: Int, today: CivilDate) throws {
        guard year >= 2019, year <= today.year else { throw AnnualReportError.yearOutOfRange(year) }
    }
}
