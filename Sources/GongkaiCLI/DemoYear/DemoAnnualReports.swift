import Foundation
import GongkaiCore
import GongkaiStore

/// The annual report of the year before the simulated one, drafted, submitted and approved through the real
/// workflow in January (the national deadline is 1月31日), so the demo's 年报 pages have a published report.
/// The simulation starts on 1 January, so that year's tables count no records or requests, and the figures staff
/// enter by hand are entered as 0.
struct DemoAnnualReports {
    let database: GongkaiDatabase
    let calendar: WorkingCalendar
    /// The simulated year; its predecessor's report is published.
    let year: Int
    let at: CivilDate

    /// The 15th working day of January: mid-month, before the deadline.
    var publicationDay: CivilDate {
        calendar.adding(workdays: 14, to: calendar.workdayOnOrAfter(CivilDate(year: year, month: 1, day: 1)!))
    }

    /// Publishes each agency's report for `year - 1`; returns how many were published (none before the day).
    func run(admin: User) async throws -> Int {
        let day = publicationDay
        guard at >= day else { return 0 }
        let reports = AnnualReports(database: database, calendar: calendar)
        let repository = AnnualReportRepository(database)
        var published = 0
        for agency in try await AgencyDirectory(database).agencies() {
            guard try await repository.published(agencyID: agency.id, year: year - 1) == nil else { continue }
            // Figures only staff know (行政复议, 行政诉讼, fees…): none in a year the simulation did not run.
            let current = try await reports.live(agencyID: agency.id, year: year - 1, today: day)
            let entered = current.report.tables.all.flatMap(\.cells).filter { $0.source == .entered }
            _ = try await reports.save(by: admin, agencyID: agency.id, year: year - 1,
                                       figures: Dictionary(entered.map { ($0.id, "0") }, uniquingKeysWith: { first, _ in first }),
                                       sections: [:], expectedVersion: current.stored.version, note: "演示：上一年度未模拟，填报数为0", today: day)
            _ = try await reports.submit(by: admin, agencyID: agency.id, year: year - 1, today: day)
            try await reports.approve(by: admin, agencyID: agency.id, year: year - 1, today: day)
            published += 1
        }
        return published
    }
}
