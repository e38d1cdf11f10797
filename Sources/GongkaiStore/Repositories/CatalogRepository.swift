import Foundation
import GongkaiCore
import SQLKit

/// One stored version of an agency's catalog (a line of `gongkai catalogs`).
public struct CatalogSummary: Codable, Sendable, Equatable {
    public var id: Int
    public var agencyId: Int
    public var agency: String
    public var title: String
    public var itemCount: Int
    /// Edition as the document states it (2021版).
    public var version: String?
    public var sourceFile: String
    public var importedAt: String
    public var status: CatalogStatus
    /// 1, 2, … in the order the agency adopted its versions; nil for drafts and discarded ones.
    public var versionNumber: Int?
    /// The day the version took effect; nil for the first version (in force from the start) and for drafts.
    public var effectiveFrom: CivilDate?
    /// The version a draft revises (or an adopted version replaced).
    public var revisesId: Int?
}

/// Stores and loads catalogs. Saving a catalog is one transaction: agency, departments, nodes,
/// items and diagnostics are all written, or none are. A catalog for an agency that already has one is stored as
/// a draft revision of it (CatalogRepository+Versions), never as a second catalog.
public struct CatalogRepository: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    /// Stores an imported catalog; returns the id of the version stored (or of the version in force, when the
    /// file holds exactly that).
    @discardableResult
    public func save(_ catalog: Catalog, format: String, diagnostics: [ImportDiagnostic]) async throws -> Int {
        try await store(catalog, format: format, diagnostics: diagnostics).catalogID
    }

    @discardableResult
    public func store(_ catalog: Catalog, format: String, diagnostics: [ImportDiagnostic], actor: String = "import") async throws -> CatalogImportOutcome {
        try await database.transaction { db in
            try await Self.insert(catalog, format: format, diagnostics: diagnostics, actor: actor, into: db)
        }
    }

    /// Saves several catalogs in one transaction: all of them, or none.
    public func saveAll(_ catalogs: [(Catalog, String, [ImportDiagnostic])]) async throws -> [Int] {
        try await storeAll(catalogs).map(\.catalogID)
    }

    public func storeAll(_ catalogs: [(Catalog, String, [ImportDiagnostic])], actor: String = "import") async throws -> [CatalogImportOutcome] {
        try await database.transaction { db in
            var outcomes: [CatalogImportOutcome] = []
            for (catalog, format, diagnostics) in catalogs {
                outcomes.append(try await Self.insert(catalog, format: format, diagnostics: diagnostics, actor: actor, into: db))
            }
            return outcomes
        }
    }

    /// Writes within the caller's transaction (for imports of several files at once): the agency's first version,
    /// a draft revision of the version in force, or nothing when the file holds exactly the version in force.
    static func insert(_ catalog: Catalog, format: String, diagnostics: [ImportDiagnostic], actor: String = "import",
                       into db: any SQLDatabase) async throws -> CatalogImportOutcome {
        let agencyID = try await AgencyRepository.upsert(catalog.agency, in: db)
        guard let current = try await currentVersion(agencyID: agencyID, in: db) else {
            let id = try await insertTree(catalog, agencyID: agencyID, format: format, diagnostics: diagnostics, actor: actor,
                                          status: .adopted, revising: nil, into: db)
            return CatalogImportOutcome(kind: .firstVersion, catalogID: id)
        }
        let old = try await load(id: current.id, in: db)
        let diff = CatalogDiff.compute(from: old, to: catalog)
        if diff.isEmpty { return CatalogImportOutcome(kind: .unchanged, catalogID: current.id, revisesID: current.id, diff: diff) }
        let id = try await insertTree(catalog, agencyID: agencyID, format: format, diagnostics: diagnostics, actor: actor,
                                      status: .draft, revising: current.id, into: db)
        try await storeMatches(diff, draftID: id, revisedID: current.id, in: db)
        return CatalogImportOutcome(kind: .revisionDraft, catalogID: id, revisesID: current.id, diff: diff)
    }

    static func insertTree(_ catalog: Catalog, agencyID: Int, format: String, diagnostics: [ImportDiagnostic], actor: String,
                                   status: CatalogStatus, revising: Int?, into db: any SQLDatabase) async throws -> Int {
        var departmentIDs: [String: Int] = [:]
        for department in catalog.departments {
            departmentIDs[department.name] = try await AgencyRepository.upsertDepartment(department.name, agencyID: agencyID, in: db)
        }
        let catalogID = try await db.insert(into: "catalogs")
            .columns("agency_id", "title", "version", "source_file", "source_format", "notes", "imported_at", "published_on",
                     "status", "version_number", "revises_id")
            .values(SQLBind(agencyID), SQLBind(catalog.title), SQLBind(catalog.version), SQLBind(catalog.sourceFile),
                    SQLBind(format), SQLBind(try JSONText.encode(catalog.notes)), SQLBind(Timestamp.now()),
                    SQLBind(catalog.publishedDate?.description), SQLBind(status.rawValue),
                    SQLBind(status == .adopted ? 1 : nil as Int?), SQLBind(revising))
            .returning("id").first(decodingColumn: "id", as: Int.self)!
        for (position, root) in catalog.roots.enumerated() {
            try await insert(root, level: 1, position: position, parentID: nil, catalogID: catalogID,
                             departmentIDs: departmentIDs, into: db)
        }
        let what = "\(catalog.title)（\(catalog.items.count)个事项，来源：\(catalog.sourceFile)）"
        try await AuditLog.append(actor: actor, action: revising == nil ? "catalog.imported" : "catalog.revision.drafted",
                                  objectType: "catalog", objectID: String(catalogID), agencyID: agencyID,
                                  before: revising.map { "修订目录 #\($0)" } ?? "", after: what, in: db)
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

    /// Every stored version (discarded drafts too), by agency and version.
    public func list() async throws -> [CatalogSummary] {
        try await Self.summaries(where: "1 = 1", in: database.sql)
    }

    static func summaries(where condition: SQLQueryString, in db: any SQLDatabase) async throws -> [CatalogSummary] {
        let rows = try await db.raw("""
            SELECT c.id, c.agency_id, a.name AS agency, c.title, c.version, c.source_file, c.imported_at, c.status,
                   c.version_number, c.effective_from, c.revises_id,
                   (SELECT COUNT(*) FROM catalog_items i JOIN catalog_nodes n ON n.id = i.node_id WHERE n.catalog_id = c.id) AS item_count
            FROM catalogs c JOIN agencies a ON a.id = c.agency_id WHERE \(condition) ORDER BY c.id
            """).all()
        return try rows.map { row in
            CatalogSummary(id: try row.decode(column: "id", as: Int.self), agencyId: try row.decode(column: "agency_id", as: Int.self),
                           agency: try row.decode(column: "agency", as: String.self),
                           title: try row.decode(column: "title", as: String.self), itemCount: try row.decode(column: "item_count", as: Int.self),
                           version: try row.decode(column: "version", as: String?.self),
                           sourceFile: try row.decode(column: "source_file", as: String.self),
                           importedAt: try row.decode(column: "imported_at", as: String.self),
                           status: CatalogStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .adopted,
                           versionNumber: try row.decode(column: "version_number", as: Int?.self),
                           effectiveFrom: try row.decode(column: "effective_from", as: String?.self).flatMap(CivilDate.init),
                           revisesId: try row.decode(column: "revises_id", as: Int?.self))
        }
    }

    /// Finds a catalog version by id, or by title / agency name: the one it names, or of several versions the one
    /// in force.
    public func find(_ key: String) async throws -> CatalogSummary {
        let all = try await list()
        if let id = Int(key), let match = all.first(where: { $0.id == id }) { return match }
        let matches = all.filter { $0.title == key || $0.agency == key }
        if matches.count == 1 { return matches[0] }
        let adopted = matches.filter { $0.status == .adopted }
        guard Set(adopted.map(\.agencyId)).count == 1,
              let inForce = adopted.max(by: { ($0.versionNumber ?? 0, $0.id) < ($1.versionNumber ?? 0, $1.id) }) else {
            throw StoreError.catalogNotFound(key)
        }
        return inForce
    }

    public func load(id: Int) async throws -> Catalog {
        try await Self.load(id: id, in: database.sql)
    }

    static func load(id: Int, in db: any SQLDatabase) async throws -> Catalog {
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
