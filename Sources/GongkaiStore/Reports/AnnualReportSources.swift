import Foundation
import GongkaiCore
import SQLKit

/// Gathers what one agency's annual report is computed from: its published records (as normative documents and
/// decisions, `ReportSubject`), its disclosure requests, the compliance numbers of the year, and last year's
/// published report. Reads only; the report itself is computed by `AnnualReportBuilder`.
public struct AnnualReportSources: Sendable {
    public let database: GongkaiDatabase
    public let calendar: WorkingCalendar

    public init(database: GongkaiDatabase, calendar: WorkingCalendar) {
        self.database = database
        self.calendar = calendar
    }

    /// What the gathered data did not let the report count, for staff to fix.
    public struct Notes: Sendable, Equatable {
        /// Records that may be decisions but name several kinds (行政许可和行政处罚双公示): not counted.
        public var ambiguousRecords: [AmbiguousRecord] = []
        /// Requests whose event log does not replay: not counted.
        public var unreadableRequests: [String] = []
        /// The records counted in each table-二 row (`二.<row>`), for checking the classification.
        public var countedRecords: [String: [Int]] = [:]

        public init() {}
    }

    public struct AmbiguousRecord: Sendable, Equatable {
        public var id: Int
        public var title: String
        public var kinds: [DecisionKind]
    }

    /// The input for `year`, as known on `today` (records published later are not counted).
    public func input(agencyID: Int, year: Int, figures: [EnteredFigure], today: CivilDate) async throws -> (ReportInput, Notes) {
        guard let name = try await database.sql.select().column("name").from("agencies").where("id", .equal, agencyID)
            .first(decodingColumn: "name", as: String.self) else { throw AnnualReportError.noSuchAgency(agencyID) }
        let compliance = ComplianceRepository(database)
        let items = try await compliance.items(agencyID: agencyID)
        let records = try await compliance.records(agencyID: agencyID, items: items)
        let lastDay = min(CivilDate(year: year, month: 12, day: 31)!, today)
        var notes = Notes()
        let (documents, decisions) = try await subjects(records, items: items, through: lastDay, notes: &notes)
        var requests: [ReportRequest] = []
        for stored in try await RequestRepository(database).all(agencyID: agencyID).sorted(by: { $0.id < $1.id }) {
            do { requests.append(try ReportRequest(stored.request, calendar: calendar)) }
            catch { notes.unreadableRequests.append(stored.code) }
        }
        let previous = try await AnnualReportRepository(database).published(agencyID: agencyID, year: year - 1)?.report
        var input = ReportInput(year: year, agencyName: name, normativeDocuments: documents, decisions: decisions,
                                requests: requests, enteredFigures: figures, previousReport: previous)
        input.compliance = try await complianceFacts(agencyID: agencyID, year: year, items: items, records: records,
                                                     requests: requests, through: lastDay)
        return (input, notes)
    }

    /// Published records as normative documents and decisions.
    func subjects(_ records: [ComplianceRecord], items: [ComplianceItem], through lastDay: CivilDate,
                  notes: inout Notes) async throws -> ([NormativeDocumentFact], [DecisionFact]) {
        let itemsByID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var documents: [NormativeDocumentFact] = [], decisions: [DecisionFact] = []
        for record in records {
            guard record.status == .published, let published = record.publishedDate, published <= lastDay else { continue }
            switch ReportSubject.of(record, item: record.itemIDs.first.flatMap { itemsByID[$0] }) {
            case .normativeDocument(let kind):
                documents.append(NormativeDocumentFact(recordID: record.id, kind: kind, writtenDate: record.writtenDate,
                                                       publishedDate: published, validity: record.validity ?? .valid))
            case .decision(let kind):
                decisions.append(DecisionFact(recordID: record.id, kind: kind,
                                              decidedOn: record.writtenDate ?? record.triggerDate ?? published))
                notes.countedRecords["二.\(kind.rawValue)", default: []].append(record.id)
            case .ambiguous(let kinds):
                notes.ambiguousRecords.append(AmbiguousRecord(id: record.id, title: record.title, kinds: kinds))
            case .none:
                break
            }
        }
        let changed = try await validityChanges(documents.filter { $0.validity != .valid }.map(\.recordID))
        for index in documents.indices {
            documents[index].validityChangedOn = changed[documents[index].recordID]
            notes.countedRecords["二.\(documents[index].kind.rawValue)", default: []].append(documents[index].recordID)
        }
        return (documents, decisions)
    }

    /// 失效/废止 dates, which only the records' content holds.
    func validityChanges(_ ids: [Int]) async throws -> [Int: CivilDate] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int: CivilDate] = [:]
        let rows = try await database.sql.select().columns("id", "content").from("records").where("id", .in, ids).all()
        for row in rows {
            let content = try JSONDecoder().decode(RecordContent.self, from: Data(try row.decode(column: "content", as: String.self).utf8))
            if let day = content.validityChangedOn { result[try row.decode(column: "id", as: Int.self)] = day }
        }
        return result
    }

    /// 主动公开 in the year (records published, obligations due in the year met on time or not) and requests
    /// answered in the year within their statutory period or after it.
    func complianceFacts(agencyID: Int, year: Int, items: [ComplianceItem], records: [ComplianceRecord],
                         requests: [ReportRequest], through lastDay: CivilDate) async throws -> ComplianceFacts {
        let firstDay = CivilDate(year: year, month: 1, day: 1)!
        var facts = ComplianceFacts()
        facts.publishedRecords = records.filter {
            $0.status == .published && ($0.publishedDate.map { $0 >= firstDay && $0 <= lastDay } ?? false)
        }.count
        if lastDay >= firstDay {
            var options = ComplianceOptions(at: lastDay, calendar: calendar, windowStart: firstDay, windowEnd: lastDay)
            if let since = try await ComplianceRepository(database).monitoringStarts()[agencyID], since > firstDay { options.windowStart = since }
            let obligations = ComplianceMonitor(options: options).check(items: items, records: records).obligations
                .filter { $0.kind != .continuous && ($0.due.map { $0 >= options.windowStart && $0 <= lastDay } ?? false) }
            facts.obligationsOnTime = obligations.filter { $0.state == .metOnTime }.count
            facts.obligationsLate = obligations.filter { $0.state == .metLate || $0.state == .overdue }.count
        }
        var onTime = 0, late = 0
        for request in requests {
            guard let answer = request.state.answer, answer.on.year == year else { continue }
            if let due = RequestClock.dueDate(of: request.state, calendar: calendar), answer.on > due { late += 1 } else { onTime += 1 }
        }
        facts.requestsAnsweredOnTime = onTime
        facts.requestsAnsweredLate = late
        return facts
    }
}
