import GongkaiCore
import GongkaiStore

extension ComplianceDashboard {
    /// Runs the sweep for one agency (or all, `agencyID` nil) as of `at` and loads the names the page shows.
    static func load(database: GongkaiDatabase, calendar: WorkingCalendar, agencyID: Int?, at: CivilDate) async throws -> ComplianceDashboard {
        let sweep = ComplianceSweep(database: database, calendar: calendar)
        let input = try await sweep.load(agencyID: agencyID)
        let report = sweep.check(input, at: at)
        let directory = AgencyDirectory(database)
        let agencies = try await directory.agencies().filter { agencyID == nil || $0.id == agencyID }
        var departments: [AgencyDirectory.DepartmentRow] = []
        for agency in agencies { departments += try await directory.departments(agencyID: agency.id) }
        return ComplianceDashboard(report: report,
                                   items: Dictionary(input.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                                   recordTitles: Dictionary(input.records.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }),
                                   agencies: agencies, departments: departments,
                                   departmentsByItem: try await sweep.repository.departmentsByItem(agencyID: agencyID))
    }
}
