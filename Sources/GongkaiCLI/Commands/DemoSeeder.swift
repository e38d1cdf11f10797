import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

/// Fills a database for `gongkai serve --demo`: the five seed catalogs, placeholder organisation codes,
/// demo accounts and (`simulateYear`) a simulated year of records. Running it again adds nothing twice.
struct DemoSeeder {
    let database: GongkaiDatabase
    /// Printed at start; the demo is for trying Gongkai out, never for real data.
    static let password = "gongkai-demo-2026"

    func seed() async throws -> String {
        let catalogs = CatalogRepository(database)
        let existing = Set(try await catalogs.list().map(\.sourceFile))
        var pending: [(Catalog, String, [ImportDiagnostic])] = []
        for url in try DemoCommand.demoFiles() where !existing.contains(url.lastPathComponent) {
            let result = try CatalogImporter.importFile(at: url, agency: DemoCommand.agencyOverrides[url.lastPathComponent])
            pending.append((result.catalog, result.format, result.diagnostics))
        }
        _ = try await catalogs.saveAll(pending)

        let directory = AgencyDirectory(database)
        let accounts = AccountRepository(database)
        var lines = ["演示账号（密码均为 \(Self.password)，仅供演示）："]
        if try await accounts.user(username: "admin") == nil {
            try await accounts.create(username: "admin", displayName: "系统管理员", password: Self.password, role: .systemAdmin, agencyID: nil, actor: "demo")
        }
        lines.append("  admin：系统管理员")
        for agency in try await directory.agencies() {
            if agency.organisationCode == nil {
                // Placeholder, clearly not a real 统一社会信用代码.
                let code = "DEMO" + String(repeating: "0", count: 14 - String(agency.id).count) + String(agency.id)
                try await directory.setOrganisationCode(agencyID: agency.id, code: code, actor: "demo")
            }
            let reviewerName = "reviewer\(agency.id)"
            if try await accounts.user(username: reviewerName) == nil {
                try await accounts.create(username: reviewerName, displayName: "\(agency.name)审核员", password: Self.password,
                                          role: .reviewer, agencyID: agency.id, actor: "demo")
            }
            let editorName = "editor\(agency.id)"
            let departments = try await directory.departments(agencyID: agency.id)
            if try await accounts.user(username: editorName) == nil, let first = departments.first {
                try await accounts.create(username: editorName, displayName: "\(agency.name)\(first.name)编辑", password: Self.password,
                                          role: .editor, agencyID: agency.id, departmentIDs: [first.id], actor: "demo")
            }
            let managerName = "manager\(agency.id)"
            if try await accounts.user(username: managerName) == nil {
                try await accounts.create(username: managerName, displayName: "\(agency.name)管理员", password: Self.password,
                                          role: .agencyAdmin, agencyID: agency.id, actor: "demo")
            }
            lines.append("  \(editorName)：\(agency.name) 编辑（\(departments.first?.name ?? "")）；\(reviewerName)：审核员；\(managerName)：机关管理员")
        }
        return lines.joined(separator: "\n")
    }

    /// The simulated year (DemoYearGenerator), once: only into a database that has no records yet.
    func simulateYear(_ year: Int, at: CivilDate, calendar: WorkingCalendar, progress: (String) -> Void = { _ in }) async throws -> DemoManifest? {
        guard try await database.sql.raw("SELECT 1 AS x FROM records LIMIT 1").first() == nil else { return nil }
        let manifest = try await DemoYearGenerator(database: database, calendar: calendar, year: year, at: at).run(progress: progress)
        if let admin = try await AccountRepository(database).user(username: "admin") {
            let reports = DemoAnnualReports(database: database, calendar: calendar, year: year, at: at)
            let published = try await reports.run(admin: admin)
            if published > 0 { progress("\(year - 1)年度报告：\(published)个机关已于\(reports.publicationDay)发布") }
            if let first = try await AgencyDirectory(database).agencies().first,
               try await DemoCatalogRevision(database: database).run(agencyID: first.id, actor: "manager\(first.id)") != nil {
                progress("\(first.name)：目录修订稿一份，待审核")
            }
        }
        return manifest
    }

    /// The year to simulate up to `today`: the whole of a past year, or the current year up to yesterday.
    static func simulationEnd(year: Int, today: CivilDate) -> CivilDate {
        let lastDay = CivilDate(year: year, month: 12, day: 31)!
        return today.year > year ? lastDay : min(lastDay, today)
    }
}
