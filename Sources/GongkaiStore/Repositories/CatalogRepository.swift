import Foundation
import GongkaiCore
import SQLKit

/// One line of `gongkai catalogs`.
public struct CatalogSummary: Codable, Sendable, Equatable {
    public var id: Int
    public var agency: String
    public var title: String
    public var itemCount: Int
    public var version: String?
    public var sourceFile: String
    public var importedAt: String
}

/// Stores and loads catalogs. Saving a catalog is one transaction: agency, departments, nodes,
/// items and diagnostics are all written, or none are.
public struct CatalogRepository: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    @discardableResult
    public func save(_ catalog: Catalog, format: String, diagnostics: [ImportDiagnostic]) async throws -> Int {
        try await database.transaction { db in
            try await Self.insert(catalog, format: format, diagnostics: diagnostics, into: db)
        }
    }

    /// Saves several catalogs in one transaction: all of them, or none.
    public func saveAll(_ catalogs: [(Catalog, String, [ImportDiagnostic])]) async throws -> [Int] {
        try await database.transaction { db in
            var ids: [Int] = []
            for (catalog, format, diagnostics) in catalogs {
                ids.append(try await Self.insert(catalog, format: format, diagnostics: diagnostics, into: db))
            }
            return ids
        }
    }

    /// Writes within the caller's transaction (for imports of several files at once).
    static func insert(_ catalog: Catalog, format: String, diagnostics: [ImportDiagnostic], into db: any SQLDatabase) async throws -> Int {
        let agencyID = try await AgencyRepository.upsert(catalog.agency, in: db)
        var departmentIDs: [String: Int] = [:]
        for department in catalog.departments {
            departmentIDs[department.name] = try await AgencyRepository.upsertDepartment(department.name, agencyID: agencyID, in: db)
        }
        let catalogID = try await db.insert(into: "catalogs")
            .columns("agency_id", "title", "version", "source_file", "source_format", "notes", "imported_at", "published_on")
            .values(SQLBind(agencyID), SQLBind(catalog.title), SQLBind(catalog.version), SQLBind(catalog.sourceFile),
                    SQLBind(format), SQLBind(try JSONText.encode(catalog.notes)), SQLBind(Timestamp.now()),
                    SQLBind(catalog.publishedDate?.description))
            .returning("id").first(decodingColumn: "id", as: Int.self)!
        for (position, root) in catalog.roots.enumerated() {
            try await insert(root, level: 1, position: position, parentID: nil, catalogID: catalogID,
                             departmentIDs: departmentIDs, into: db)
        }
        try await AuditLog.append(actor: "import", action: "catalog.imported", objectType: "catalog", objectID: String(catalogID),
                                  agencyID: agencyID, before: "", after: "\(catalog.title)（\(catalog.items.count)个事项，来源：\(catalog.sourceFile)）",
                                  in: db)
        for diagnostic in diagnostics {
            try await db.insert(into: "import_diagnostics")
                .columns("catalog_id", "severity", "kind", "first_line", "last_line", "message")
                .values(SQLBind(catalogID), SQLBind(diagnostic.severity.rawValue), SQLBind(diagnostic.kind.rawValue),
                        SQLBind(diagnostic.first), SQLBind(diagnostic.last), SQLBind(diagnostic.message))
                .run()
        }
        return catalogID
    }

    private static func insert(_ node: CatalogNode, level: Int, position: Int, parentID: Int?, catalogID: Int,
                               departmentIDs: [String: Int], into db: any SQLDatabase) async throws {
        let nodeID = try await db.insert(into: "catalog_nodes")
            .columns("catalog_id", "parent_id", "level", "position", "name", "code", "marks")
            .values(SQLBind(catalogID), SQLBind(parentID), SQLBind(level), SQLBind(position), SQLBind(node.name),
                    SQLBind(node.code), SQLBind(node.marks))
            .returning("id").first(decodingColumn: "id", as: Int.self)!
        if let item = node.item {
            try await ItemRows.insert(item, nodeID: nodeID, into: db)
            for (index, unit) in item.responsibleUnits.enumerated() {
                guard let departmentID = departmentIDs[unit] else { continue }
                try await db.insert(into: "item_departments")
                    .columns("node_id", "department_id", "position")
                    .values(SQLBind(nodeID), SQLBind(departmentID), SQLBind(index))
                    .run()
            }
        }
        for (childPosition, child) in node.children.enumerated() {
            try await insert(child, level: level + 1, position: childPosition, parentID: nodeID, catalogID: catalogID,
                             departmentIDs: departmentIDs, into: db)
        }
    }

    public func list() async throws -> [CatalogSummary] {
        let rows = try await database.sql.raw("""
            SELECT c.id, a.name AS agency, c.title, c.version, c.source_file, c.imported_at,
                   (SELECT COUNT(*) FROM catalog_items i JOIN catalog_nodes n ON n.id = i.node_id WHERE n.catalog_id = c.id) AS item_count
            FROM catalogs c JOIN agencies a ON a.id = c.agency_id ORDER BY c.id
            """).all()
        return try rows.map { row in
            CatalogSummary(id: try row.decode(column: "id", as: Int.self), agency: try row.decode(column: "agency", as: String.self),
                           title: try row.decode(column: "title", as: String.self), itemCount: try row.decode(column: "item_count", as: Int.self),
                           version: try row.decode(column: "version", as: String?.self),
                           sourceFile: try row.decode(column: "source_file", as: String.self),
                           importedAt: try row.decode(column: "imported_at", as: String.self))
        }
    }

    /// Finds a catalog by id, or by title / agency name when that names exactly one catalog.
    public func find(_ key: String) async throws -> CatalogSummary {
        let all = try await list()
        if let id = Int(key), let match = all.first(where: { $0.id == id }) { return match }
        let matches = all.filter { $0.title == key || $0.agency == key }
        guard matches.count == 1 else { throw StoreError.catalogNotFound(key) }
        return matches[0]
    }

    public func load(id: Int) async throws -> Catalog {
        let db = database.sql
        guard let header = try await db.raw("""
            SELECT c.title, c.version, c.source_file, c.notes, c.published_on, a.name, a.organisation_code
            FROM catalogs c JOIN agencies a ON a.id = c.agency_id WHERE c.id = \(bind: id)
            """).first() else { throw StoreError.catalogNotFound(String(id)) }
        let nodeRows = try await db.select().columns("id", "parent_id", "name", "code", "marks")
            .from("catalog_nodes").where("catalog_id", .equal, id).orderBy("level").orderBy("position").all()
        let items = try await ItemRows.load(catalogID: id, from: db)
        var children: [Int?: [Int]] = [:]
        var nodes: [Int: CatalogNode] = [:]
        for row in nodeRows {
            let nodeID = try row.decode(column: "id", as: Int.self)
            children[try row.decode(column: "parent_id", as: Int?.self), default: []].append(nodeID)
            nodes[nodeID] = CatalogNode(name: try row.decode(column: "name", as: String.self),
                                        code: try row.decode(column: "code", as: String?.self),
                                        marks: try row.decode(column: "marks", as: String?.self), item: items[nodeID])
        }
        func assemble(_ nodeID: Int) -> CatalogNode {
            var node = nodes[nodeID]!
            node.children = (children[nodeID] ?? []).map(assemble)
            return node
        }
        return Catalog(title: try header.decode(column: "title", as: String.self),
                       version: try header.decode(column: "version", as: String?.self),
                       agency: Agency(name: try header.decode(column: "name", as: String.self),
                                      organisationCode: try header.decode(column: "organisation_code", as: String?.self)),
                       sourceFile: try header.decode(column: "source_file", as: String.self),
                       roots: (children[nil] ?? []).map(assemble),
                       notes: try JSONText.decode([String].self, try header.decode(column: "notes", as: String.self)),
                       publishedDate: try header.decode(column: "published_on", as: String?.self).flatMap(CivilDate.init))
    }

    public func diagnostics(catalogID: Int) async throws -> [ImportDiagnostic] {
        try await database.sql.select().columns("severity", "kind", "first_line", "last_line", "message")
            .from("import_diagnostics").where("catalog_id", .equal, catalogID).orderBy("id").all()
            .map { row in
                ImportDiagnostic(ImportDiagnostic.Severity(rawValue: try row.decode(column: "severity", as: String.self)) ?? .warning,
                                 ImportDiagnostic.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .structure,
                                 first: try row.decode(column: "first_line", as: Int?.self),
                                 last: try row.decode(column: "last_line", as: Int?.self),
                                 try row.decode(column: "message", as: String.self))
            }
    }
}
