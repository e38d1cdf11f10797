import GongkaiCore
import SQLKit

/// One compliance check over stored data: each agency is checked from the later of the default window start and
/// the day its monitoring began (`agencies.compliance_since`), then the reports are put together.
public struct ComplianceSweep: Sendable {
    public let repository: ComplianceRepository
    public let calendar: WorkingCalendar
    public var dueSoonWorkdays: Int

    public init(database: GongkaiDatabase, calendar: WorkingCalendar, dueSoonWorkdays: Int = 5) {
        repository = ComplianceRepository(database)
        self.calendar = calendar
        self.dueSoonWorkdays = dueSoonWorkdays
    }

    /// The data of one sweep, loaded once (benchmarks time loading and checking apart).
    public struct Input: Sendable {
        public var items: [ComplianceItem]
        public var records: [ComplianceRecord]
        public var monitoringStarts: [Int: CivilDate]
        /// Agency names, the day each agency's first catalog was imported, and the day each annual report was
        /// first published (agency → report year → day).
        public var agencyNames: [Int: String]
        public var firstImports: [Int: CivilDate]
        public var annualReports: [Int: [Int: CivilDate]]

        public init(items: [ComplianceItem], records: [ComplianceRecord], monitoringStarts: [Int: CivilDate],
                    agencyNames: [Int: String] = [:], firstImports: [Int: CivilDate] = [:], annualReports: [Int: [Int: CivilDate]] = [:]) {
            self.items = items
            self.records = records
            self.monitoringStarts = monitoringStarts
            self.agencyNames = agencyNames
            self.firstImports = firstImports
            self.annualReports = annualReports
        }
    }

    public func load(agencyID: Int? = nil) async throws -> Input {
        let items = try await repository.items(agencyID: agencyID)
        let records = try await repository.records(agencyID: agencyID, items: items)
        var names: [Int: String] = [:]
        for row in try await repository.database.sql.select().columns("id", "name").from("agencies").all() {
            names[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "name", as: String.self)
        }
        var imports: [Int: CivilDate] = [:]
        for row in try await repository.database.sql.raw("SELECT agency_id, MIN(imported_at) AS first FROM catalogs WHERE status = 'adopted' GROUP BY agency_id").all() {
            if let day = CivilDate(String(try row.decode(column: "first", as: String.self).prefix(10))) {
                imports[try row.decode(column: "agency_id", as: Int.self)] = day
            }
        }
        var reports: [Int: [Int: CivilDate]] = [:]
        for dates in try await AnnualReportRepository(repository.database).publicationDates(agencyID: agencyID) {
            reports[dates.agencyID, default: [:]][dates.year] = dates.firstPublishedOn
        }
        return Input(items: items, records: records, monitoringStarts: try await repository.monitoringStarts(),
                     agencyNames: names, firstImports: imports, annualReports: reports)
    }

    public func run(agencyID: Int? = nil, at: CivilDate) async throws -> ComplianceReport {
        check(try await load(agencyID: agencyID), at: at)
    }

    public func check(_ input: Input, at: CivilDate) -> ComplianceReport {
        Self.check(input, at: at, calendar: calendar, dueSoonWorkdays: dueSoonWorkdays)
    }

    public static func check(_ input: Input, at: CivilDate, calendar: WorkingCalendar, dueSoonWorkdays: Int = 5) -> ComplianceReport {
        var itemsByAgency: [Int: [ComplianceItem]] = [:]
        for item in input.items { itemsByAgency[item.agencyID, default: []].append(item) }
        var recordsByAgency: [Int: [ComplianceRecord]] = [:]
        for record in input.records { recordsByAgency[record.agencyID, default: []].append(record) }
        let defaults = ComplianceOptions(at: at, calendar: calendar, dueSoonWorkdays: dueSoonWorkdays)
        var merged = ComplianceReport(at: at, windowStart: defaults.windowStart, windowEnd: defaults.windowEnd,
                                      obligations: [], findings: [], verdicts: [])
        var starts: [CivilDate] = []
        for agency in itemsByAgency.keys.sorted() {
            var options = defaults
            if let since = input.monitoringStarts[agency], since > options.windowStart { options.windowStart = since }
            starts.append(options.windowStart)
            let report = ComplianceMonitor(options: options).check(items: itemsByAgency[agency]!, records: recordsByAgency[agency] ?? [])
            merged.obligations += report.obligations
            merged.findings += report.findings
            // The report obligation counts from the monitoring start, else from the first catalog import: years
            // before the system held the agency's data are not judged.
            let reportStart = input.monitoringStarts[agency] ?? input.firstImports[agency] ?? options.windowStart
            merged.findings += AnnualReportDeadline.findings(agencyID: agency, agencyName: input.agencyNames[agency] ?? "",
                                                             monitoringStart: reportStart,
                                                             published: input.annualReports[agency] ?? [:], options: options)
            merged.verdicts += report.verdicts
        }
        // The report's window starts where the earliest agency's does (one agency: its own monitoring start).
        if let earliest = starts.min() { merged.windowStart = earliest }
        return merged
    }
}
