import GongkaiCore
import SQLKit

extension CatalogRepository {
    /// One node of a catalog in tree order, with how many records are filed under it.
    public struct OutlineNode: Codable, Sendable, Equatable {
        public var id: Int
        public var level: Int
        public var name: String
        public var code: String?
        public var isItem: Bool
        public var recordCount: Int
        public var publicRecordCount: Int
    }

    public func outline(catalogID: Int) async throws -> [OutlineNode] {
        let rows = try await database.sql.raw("""
            SELECT n.id, n.parent_id, n.level, n.position, n.name, n.code,
                   (SELECT COUNT(*) FROM catalog_items i WHERE i.node_id = n.id) AS is_item,
                   (SELECT COUNT(*) FROM record_items ri WHERE ri.node_id = n.id) AS records,
                   (SELECT COUNT(*) FROM record_items ri JOIN records r ON r.id = ri.record_id
                     WHERE ri.node_id = n.id AND r.published_version IS NOT NULL AND r.status <> 'withdrawn') AS public_records
            FROM catalog_nodes n WHERE n.catalog_id = \(bind: catalogID)
            """).all()
        var children: [Int?: [(position: Int, node: OutlineNode)]] = [:]
        for row in rows {
            let node = OutlineNode(id: try row.decode(column: "id", as: Int.self), level: try row.decode(column: "level", as: Int.self),
                                   name: try row.decode(column: "name", as: String.self), code: try row.decode(column: "code", as: String?.self),
                                   isItem: try row.decode(column: "is_item", as: Int.self) > 0,
                                   recordCount: try row.decode(column: "records", as: Int.self),
                                   publicRecordCount: try row.decode(column: "public_records", as: Int.self))
            children[try row.decode(column: "parent_id", as: Int?.self), default: []].append((try row.decode(column: "position", as: Int.self), node))
        }
        var ordered: [OutlineNode] = []
        func walk(_ parent: Int?) {
            for entry in (children[parent] ?? []).sorted(by: { $0.position < $1.position }) {
                ordered.append(entry.node)
                walk(entry.node.id)
            }
        }
        walk(nil)
        return ordered
    }

    /// Catalog versions of one agency (nil: all).
    public func list(agencyID: Int?) async throws -> [CatalogSummary] {
        guard let agencyID else { return try await list() }
        return try await Self.summaries(where: "c.agency_id = \(bind: agencyID)", in: database.sql)
    }

    public func agencyID(catalogID: Int) async throws -> Int? {
        try await database.sql.select().column("agency_id").from("catalogs").where("id", .equal, catalogID)
            .first(decodingColumn: "agency_id", as: Int.self)
    }
}
