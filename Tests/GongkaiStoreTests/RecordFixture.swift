import Foundation
import GongkaiCore
@testable import GongkaiStore
import GongkaiTestSupport

/// Two agencies (沂源 from seed 000, 灌南 from seed 003) with organisation codes and an agency administrator each,
/// ready for drafting and publishing records.
struct RecordFixture {
    let database: GongkaiDatabase
    let records: RecordRepository
    let yiyuan: Int
    let guannan: Int
    let yiyuanAdmin: User
    let guannanAdmin: User

    static func make(_ database: GongkaiDatabase) async throws -> RecordFixture {
        let (yiyuan, guannan) = try await TestAgencies.create(in: database)
        let accounts = AccountRepository(database, bcryptCost: 4)
        let password = "correct horse battery"
        return RecordFixture(
            database: database, records: RecordRepository(database), yiyuan: yiyuan, guannan: guannan,
            yiyuanAdmin: try await accounts.create(username: "yiyuan", displayName: "沂源管理员", password: password, role: .agencyAdmin,
                                                   agencyID: yiyuan, actor: "test"),
            guannanAdmin: try await accounts.create(username: "guannan", displayName: "灌南管理员", password: password, role: .agencyAdmin,
                                                    agencyID: guannan, actor: "test"))
    }

    /// Node id of the item called `name` in the agency's catalog.
    func item(_ name: String, agencyID: Int) async throws -> Int {
        try await database.sql.raw("""
            SELECT n.id FROM catalog_nodes n JOIN catalogs c ON c.id = n.catalog_id JOIN catalog_items i ON i.node_id = n.id
            WHERE n.name = \(bind: name) AND c.agency_id = \(bind: agencyID) ORDER BY n.id
            """).first()!.decode(column: "id", as: Int.self)
    }

    /// Item node ids of the agency's catalog, in catalog order.
    func items(agencyID: Int) async throws -> [Int] {
        try await database.sql.raw("""
            SELECT n.id FROM catalog_nodes n JOIN catalogs c ON c.id = n.catalog_id JOIN catalog_items i ON i.node_id = n.id
            WHERE c.agency_id = \(bind: agencyID) ORDER BY n.id
            """).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    func admin(of agencyID: Int) -> User { agencyID == yiyuan ? yiyuanAdmin : guannanAdmin }

    /// Drafts, submits and approves a record; `publishAt` in the past backdates it, in the future schedules it.
    @discardableResult
    func publish(_ content: RecordContent, item: Int, agencyID: Int, publishAt: Date? = nil, now: Date = Date()) async throws -> Record {
        let admin = admin(of: agencyID)
        let draft = try await records.createDraft(by: admin, itemNodeIDs: [item], content: content)
        _ = try await records.submit(by: admin, id: draft.id)
        return try await records.approve(by: admin, id: draft.id, publishAt: publishAt, now: now)
    }
}
