import Foundation
import GongkaiCore
import SQLKit

/// What a record's item requires, as the publishing screens and permission checks need it.
public struct ItemContext: Codable, Sendable, Equatable {
    public var nodeID: Int
    public var catalogID: Int
    public var agencyID: Int
    public var path: [String]
    public var responsibleDepartmentIDs: [Int]
    public var item: CatalogItem
}

public enum RecordFailure: Error, Equatable, CustomStringConvertible {
    case notFound
    case forbidden(String)
    case invalid([String])
    case workflow(RecordWorkflow.Failure)
    /// Unmasked personal data in the title, body or attachments (PersonalDataGuard's message).
    case personalData(String)

    public var description: String {
        switch self {
        case .notFound: "没有找到该信息。"
        case .forbidden(let why): "无权操作：\(why)"
        case .invalid(let problems): problems.joined(separator: "；")
        case .workflow(let failure): failure.description
        case .personalData(let message): message
        }
    }
}

/// Records, their versions, item links and 解读 links. Every change is one transaction with its audit entry.
public struct RecordRepository: Sendable {
    public let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    // MARK: Reading

    public func itemContext(nodeID: Int) async throws -> ItemContext? {
        try await Self.itemContext(nodeID: nodeID, in: database.sql)
    }

    static func itemContext(nodeID: Int, in db: any SQLDatabase) async throws -> ItemContext? {
        guard let row = try await db.raw("""
            SELECT n.catalog_id, c.agency_id FROM catalog_nodes n JOIN catalogs c ON c.id = n.catalog_id
            JOIN catalog_items i ON i.node_id = n.id WHERE n.id = \(bind: nodeID)
            """).first() else { return nil }
        let catalogID = try row.decode(column: "catalog_id", as: Int.self)
        let items = try await ItemRows.load(catalogID: catalogID, from: db)
        var path: [String] = []
        var current: Int? = nodeID
        while let id = current, let node = try await db.select().columns("name", "parent_id").from("catalog_nodes").where("id", .equal, id).first() {
            path.insert(try node.decode(column: "name", as: String.self), at: 0)
            current = try node.decode(column: "parent_id", as: Int?.self)
        }
        let departments = try await db.select().column("department_id").from("item_departments").where("node_id", .equal, nodeID)
            .orderBy("position").all(decodingColumn: "department_id", as: Int.self)
        return ItemContext(nodeID: nodeID, catalogID: catalogID, agencyID: try row.decode(column: "agency_id", as: Int.self),
                           path: path, responsibleDepartmentIDs: departments, item: items[nodeID]!)
    }

    public func record(id: Int) async throws -> Record? { try await Self.record(id: id, in: database.sql) }

    static func record(id: Int, in db: any SQLDatabase) async throws -> Record? {
        guard let row = try await db.select().column("*").from("records").where("id", .equal, id).first() else { return nil }
        return try await record(from: row, in: db)
    }

    static func record(from row: any SQLRow, in db: any SQLDatabase) async throws -> Record {
        let id = try row.decode(column: "id", as: Int.self)
        let items = try await db.select().column("node_id").from("record_items").where("record_id", .equal, id)
            .orderBy("position").all(decodingColumn: "node_id", as: Int.self)
        return Record(id: id, agencyID: try row.decode(column: "agency_id", as: Int.self),
                      indexNumber: try row.decode(column: "index_number", as: String?.self),
                      status: RecordStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                      content: try JSONText.decode(RecordContent.self, try row.decode(column: "content", as: String.self)),
                      itemNodeIDs: items, version: try row.decode(column: "version", as: Int.self),
                      createdBy: try row.decode(column: "created_by", as: Int.self),
                      publishAt: try row.decode(column: "publish_at", as: String?.self).flatMap(Timestamp.date),
                      publishedDate: try row.decode(column: "published_date", as: String?.self).flatMap(CivilDate.init),
                      statusReason: try row.decode(column: "status_reason", as: String?.self))
    }

    /// The version the public sees, if any: published and not withdrawn (a withdrawn record shows a notice).
    public func publicVersion(id: Int, now: Date = Date()) async throws -> (record: Record, content: RecordContent, version: Int)? {
        guard let row = try await database.sql.select().column("*").from("records").where("id", .equal, id).first(),
              let version = try row.decode(column: "published_version", as: Int?.self) else { return nil }
        let record = try await Self.record(from: row, in: database.sql)
        if let publishAt = record.publishAt, publishAt > now { return nil }
        guard let content = try await versionContent(id: id, version: version) else { return nil }
        return (record, content, version)
    }

    public func versionContent(id: Int, version: Int) async throws -> RecordContent? {
        try await database.sql.select().column("content").from("record_versions").where("record_id", .equal, id)
            .where("version", .equal, version).first(decodingColumn: "content", as: String.self)
            .map { try JSONText.decode(RecordContent.self, $0) }
    }

    public struct VersionRow: Sendable, Equatable {
        public var version: Int
        public var status: String
        public var content: RecordContent
        public var createdAt: String
    }

    public func versions(id: Int) async throws -> [VersionRow] {
        try await database.sql.select().column("*").from("record_versions").where("record_id", .equal, id).orderBy("version").all().map {
            VersionRow(version: try $0.decode(column: "version", as: Int.self), status: try $0.decode(column: "status", as: String.self),
                       content: try JSONText.decode(RecordContent.self, try $0.decode(column: "content", as: String.self)),
                       createdAt: try $0.decode(column: "created_at", as: String.self))
        }
    }

    public func records(itemNodeID: Int) async throws -> [Record] {
        let rows = try await database.sql.raw("""
            SELECT r.* FROM records r JOIN record_items ri ON ri.record_id = r.id
            WHERE ri.node_id = \(bind: itemNodeID) ORDER BY r.id DESC
            """).all()
        var result: [Record] = []
        for row in rows { result.append(try await Self.record(from: row, in: database.sql)) }
        return result
    }

    public func records(agencyID: Int?, status: RecordStatus? = nil, createdBy: Int? = nil) async throws -> [Record] {
        var query = database.sql.select().column("*").from("records").orderBy("id", .descending)
        if let agencyID { query = query.where("agency_id", .equal, agencyID) }
        if let status { query = query.where("status", .equal, status.rawValue) }
        if let createdBy { query = query.where("created_by", .equal, createdBy) }
        var result: [Record] = []
        for row in try await query.all() { result.append(try await Self.record(from: row, in: database.sql)) }
        return result
    }

    /// Policies this record interprets and interpretations of this record (links are stored once, read both ways).
    public func links(id: Int) async throws -> (policies: [Int], interpretations: [Int]) {
        let policies = try await database.sql.select().column("policy_id").from("record_links").where("interpretation_id", .equal, id)
            .all(decodingColumn: "policy_id", as: Int.self)
        let interpretations = try await database.sql.select().column("interpretation_id").from("record_links").where("policy_id", .equal, id)
            .all(decodingColumn: "interpretation_id", as: Int.self)
        return (policies, interpretations)
    }
}
