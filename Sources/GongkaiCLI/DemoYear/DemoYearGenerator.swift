import Foundation
import GongkaiCore
import GongkaiStore

/// A simulated year of disclosure for every agency in the database (`gongkai demo --year`, `serve --demo`): records
/// written from each catalog's own words through the real workflow (draft, submit, approve, audit), almost all on
/// time, with a few problems planted on purpose. The manifest lists the planted problems: `gongkai check` at the
/// same date must report exactly these.
struct DemoYearGenerator {
    let database: GongkaiDatabase
    let calendar: WorkingCalendar
    let year: Int
    /// The simulation runs up to this day (records are published on or before it).
    let at: CivilDate
    var dueSoonWorkdays = 5

    func run(progress: (String) -> Void = { _ in }) async throws -> DemoManifest {
        guard let admin = try await AccountRepository(database).user(username: "admin") else {
            throw UserFacingError("模拟数据需要 admin 账号；请先运行 gongkai serve --demo 或 gongkai demo。")
        }
        let compliance = ComplianceRepository(database)
        var expected: [DemoManifest.Expected] = []
        var total = 0
        for agency in try await AgencyDirectory(database).agencies() {
            let items = try await compliance.items(agencyID: agency.id)
            guard !items.isEmpty else { continue }
            try await compliance.setMonitoringStart(agencyID: agency.id, date: CivilDate(year: year, month: 1, day: 1)!, actor: "demo")
            var simulation = AgencySimulation(generator: self, agencyID: agency.id, agencyName: agency.name, items: items, admin: admin)
            try await simulation.run()
            expected += simulation.expected
            total += simulation.published
            var random = SeededGenerator(seed: SeededGenerator.seed(agency.name + "依申请"))
            let requests = try await DemoRequests(database: database, calendar: calendar, year: year, at: at, admin: admin)
                .run(agencyID: agency.id, random: &random)
            progress("\(agency.name)：\(simulation.published)条信息，预设问题\(simulation.expected.count)项，依申请公开\(requests)件")
        }
        return DemoManifest(year: year, at: at, records: total, expected: expected.sorted())
    }

    /// The publication instant of a day: 10:00 in China.
    static func instant(_ day: CivilDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 2 * 3600))
    }
}
