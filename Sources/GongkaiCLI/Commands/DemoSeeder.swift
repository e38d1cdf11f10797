import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

/// Fills a database for `gongkai serve --demo`: the five seed catalogs, placeholder organisation codes,
/// demo accounts and a few published records per agency. Running it again adds nothing twice.
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
        let records = RecordRepository(database)
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
            lines.append("  \(editorName)：\(agency.name) 编辑（\(departments.first?.name ?? "")）；\(reviewerName)：审核员")
            try await seedRecords(agencyID: agency.id, agencyName: agency.name, records: records, accounts: accounts)
        }
        return lines.joined(separator: "\n")
    }

    /// Two published records under the agency's first two items, once.
    private func seedRecords(agencyID: Int, agencyName: String, records: RecordRepository, accounts: AccountRepository) async throws {
        guard try await database.sql.raw("SELECT 1 AS x FROM records WHERE agency_id = \(bind: agencyID) LIMIT 1").first() == nil,
              let admin = try await accounts.user(username: "admin") else { return }
        let catalogs = CatalogRepository(database)
        guard let catalog = try await catalogs.list(agencyID: agencyID).first else { return }
        let items = try await catalogs.outline(catalogID: catalog.id).filter(\.isItem).prefix(2)
        let today = CivilDate(localDate: Date())
        for (index, item) in items.enumerated() {
            let formed = today.adding(days: -3 - index)
            let content = RecordContent(title: "\(agencyName)\(item.name)（演示）", documentNumber: index == 0 ? "演示〔\(today.year)〕\(agencyID)号" : "",
                                        issuer: agencyName, writtenDate: formed, triggerDate: formed, topic: "医疗保障",
                                        validity: index == 0 ? .valid : nil,
                                        body: "这是演示数据，不是真实的政府信息。\n\n本条信息发布在“\(item.name)”事项下，用于展示索引号、元数据和审核流程。")
            let draft = try await records.createDraft(by: admin, itemNodeIDs: [item.id], content: content)
            _ = try await records.submit(by: admin, id: draft.id)
            _ = try await records.approve(by: admin, id: draft.id)
        }
    }
}
