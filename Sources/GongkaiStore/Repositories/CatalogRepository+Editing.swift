import GongkaiCore
import SQLKit

public enum CatalogEditError: Error, CustomStringConvertible, Equatable {
    case notInDraft
    case notAnItem
    case invalid([String])
    case wouldNestInItself
    case draftPending(Int)

    public var description: String {
        switch self {
        case .notInDraft: "只能修改修订稿中的事项；请先在现行目录页面“建立修订稿”。"
        case .notAnItem: "这是类别，不是公开事项。"
        case .invalid(let problems): problems.joined(separator: "；")
        case .wouldNestInItself: "不能把类别移到它自己或它的下级之下。"
        case .draftPending(let id): "该机关已有待审核的修订稿 #\(id)；请在其中修改，或先审核、放弃它。"
        }
    }
}

/// Editing a catalog: staff open a draft of the next version (a copy of the version in force, each item matched
/// to the item it copies), add, rename, move and retire items and categories and edit every field in it; the draft
/// is then reviewed and approved like an imported revision. Each edit is one transaction, audited, and refreshes
/// the draft's diff.
extension CatalogRepository {
    /// The agency's open draft, or a new one copied from the version in force.
    public func openDraft(agencyID: Int, actor: String) async throws -> Int {
        try await database.transaction { db in
            if let draft = try await Self.summaries(where: "c.agency_id = \(bind: agencyID) AND c.status = 'draft'", in: db).first {
                return draft.id
            }
            guard let current = try await Self.currentVersion(agencyID: agencyID, in: db) else { throw StoreError.catalogNotFound(String(agencyID)) }
            let catalog = try await Self.load(id: current.id, in: db)
            let draftID = try await Self.insertTree(catalog, agencyID: agencyID, format: "网页编辑", diagnostics: [], actor: actor,
                                                    status: .draft, revising: current.id, into: db)
            let oldIDs = try await Self.itemNodeIDs(catalogID: current.id, in: db), newIDs = try await Self.itemNodeIDs(catalogID: draftID, in: db)
            // The copy's items continue the items they copy, whatever staff later do to them; their column settings
            // (title pattern, empty-column note) come along so the editor shows them.
            for (position, (old, new)) in zip(oldIDs, newIDs).enumerated() {
                try await Self.carryColumnSettings(from: old, to: new, in: db)
                try await Self.insertMatch(draftID: draftID, position: position, change: .unchanged, old: old, new: new, similarity: 1,
                                           matchedBy: .path, in: db)
            }
            return draftID
        }
    }

    /// A node of a draft: its catalog and agency, or `notInDraft`.
    private static func draftNode(_ nodeID: Int, in db: any SQLDatabase) async throws -> (catalogID: Int, agencyID: Int, parentID: Int?, level: Int, name: String) {
        guard let row = try await db.raw("""
            SELECT n.catalog_id, c.agency_id, c.status, n.parent_id, n.level, n.name FROM catalog_nodes n JOIN catalogs c ON c.id = n.catalog_id
            WHERE n.id = \(bind: nodeID)
            """).first() else { throw StoreError.catalogNotFound(String(nodeID)) }
        guard try row.decode(column: "status", as: String.self) == CatalogStatus.draft.rawValue else { throw CatalogEditError.notInDraft }
        return (try row.decode(column: "catalog_id", as: Int.self), try row.decode(column: "agency_id", as: Int.self),
                try row.decode(column: "parent_id", as: Int?.self), try row.decode(column: "level", as: Int.self),
                try row.decode(column: "name", as: String.self))
    }

    /// Sets every field of a draft's item, and (unless nil) the format its record titles must follow (empty: none).
    public func updateItem(nodeID: Int, _ edit: ItemEdit, titlePattern: String? = nil, actor: String) async throws {
        guard edit.problems.isEmpty else { throw CatalogEditError.invalid(edit.problems) }
        try await database.transaction { db in
            let node = try await Self.draftNode(nodeID, in: db)
            guard let before = try await ItemRows.load(catalogID: node.catalogID, from: db)[nodeID] else { throw CatalogEditError.notAnItem }
            let after = edit.applied(to: before)
            try await db.delete(from: "item_departments").where("node_id", .equal, nodeID).run()
            try await db.delete(from: "catalog_items").where("node_id", .equal, nodeID).run()
            try await ItemRows.insert(after, nodeID: nodeID, into: db)
            try await Self.linkDepartments(after.responsibleUnits, nodeID: nodeID, agencyID: node.agencyID, in: db)
            var fields = CatalogDiff.changedFields(before, after)
            if let titlePattern {
                let old = try await db.select().column("pattern").from("item_title_patterns").where("node_id", .equal, nodeID)
                    .first(decodingColumn: "pattern", as: String.self) ?? ""
                if old != titlePattern.trimmed {
                    try await db.delete(from: "item_title_patterns").where("node_id", .equal, nodeID).run()
                    if !titlePattern.trimmed.isEmpty {
                        try await db.insert(into: "item_title_patterns").columns("node_id", "pattern")
                            .values(SQLBind(nodeID), SQLBind(titlePattern.trimmed)).run()
                    }
                    fields.append("标题格式")
                }
            }
            try await Self.edited(node.catalogID, node.agencyID, actor: actor, action: "catalog.item.edited", nodeID: nodeID,
                                  before: node.name, after: fields.isEmpty ? "未改动" : "修改：" + fields.joined(separator: "、"), in: db)
        }
    }

    public func renameNode(nodeID: Int, to name: String, actor: String) async throws {
        let name = name.trimmed
        guard !name.isEmpty else { throw CatalogEditError.invalid(["请填写名称"]) }
        try await database.transaction { db in
            let node = try await Self.draftNode(nodeID, in: db)
            try await db.update("catalog_nodes").set("name", to: name).where("id", .equal, nodeID).run()
            try await Self.edited(node.catalogID, node.agencyID, actor: actor, action: "catalog.node.renamed", nodeID: nodeID,
                                  before: node.name, after: name, in: db)
        }
    }

    /// Moves a node (with what is under it) to the end of another category, or to the top level (`parentID` nil).
    public func moveNode(nodeID: Int, under parentID: Int?, actor: String) async throws {
        try await database.transaction { db in
            let node = try await Self.draftNode(nodeID, in: db)
            var level = 1
            if let parentID {
                let parent = try await Self.draftNode(parentID, in: db)
                guard parent.catalogID == node.catalogID else { throw CatalogEditError.notInDraft }
                var ancestor: Int? = parentID
                while let id = ancestor {
                    guard id != nodeID else { throw CatalogEditError.wouldNestInItself }
                    ancestor = try await db.select().column("parent_id").from("catalog_nodes").where("id", .equal, id)
                        .first(decodingColumn: "parent_id", as: Int?.self) ?? nil
                }
                level = parent.level + 1
            }
            let position = try await Self.nextPosition(catalogID: node.catalogID, parentID: parentID, in: db)
            try await db.update("catalog_nodes").set("parent_id", to: parentID).set("position", to: position).where("id", .equal, nodeID).run()
            try await Self.relevel(nodeID, level: level, in: db)
            var target = "顶层"
            if let parentID { target = try await Self.draftNode(parentID, in: db).name }
            try await Self.edited(node.catalogID, node.agencyID, actor: actor, action: "catalog.node.moved", nodeID: nodeID,
                                  before: node.name, after: "移至“\(target)”之下", in: db)
        }
    }

    /// Adds a category or (with `item`) an item at the end of `parentID` (nil: the top level); returns its node id.
    @discardableResult
    public func addNode(draftID: Int, under parentID: Int?, name: String, item: ItemEdit?, actor: String) async throws -> Int {
        let name = name.trimmed
        guard !name.isEmpty else { throw CatalogEditError.invalid(["请填写名称"]) }
        if let item, !item.problems.isEmpty { throw CatalogEditError.invalid(item.problems) }
        return try await database.transaction { db in
            let draft = try await Self.requireDraft(draftID, in: db)
            var level = 1
            if let parentID {
                let parent = try await Self.draftNode(parentID, in: db)
                guard parent.catalogID == draftID else { throw CatalogEditError.notInDraft }
                level = parent.level + 1
            }
            let nodeID = try await db.insert(into: "catalog_nodes")
                .columns("catalog_id", "parent_id", "level", "position", "name")
                .values(SQLBind(draftID), SQLBind(parentID), SQLBind(level),
                        SQLBind(try await Self.nextPosition(catalogID: draftID, parentID: parentID, in: db)), SQLBind(name))
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            if let item {
                let stored = item.applied(to: CatalogItem(provenance: Provenance(sourceFile: "网页编辑", unit: .row, first: 0, last: 0)))
                try await ItemRows.insert(stored, nodeID: nodeID, into: db)
                try await Self.linkDepartments(stored.responsibleUnits, nodeID: nodeID, agencyID: draft.agencyId, in: db)
            }
            try await Self.edited(draftID, draft.agencyId, actor: actor, action: item == nil ? "catalog.category.added" : "catalog.item.added",
                                  nodeID: nodeID, before: "", after: name, in: db)
            return nodeID
        }
    }

    /// Takes a node and everything under it out of the draft: on approval the items it continued are retired,
    /// their records kept under the version they belong to.
    public func retireNode(nodeID: Int, actor: String) async throws {
        try await database.transaction { db in
            let node = try await Self.draftNode(nodeID, in: db)
            var subtree = [nodeID], frontier = [nodeID]
            while !frontier.isEmpty {
                let children = try await db.select().column("id").from("catalog_nodes").where("parent_id", .in, frontier)
                    .all(decodingColumn: "id", as: Int.self)
                subtree += children
                frontier = children
            }
            // Deepest first, so no node goes before its children.
            for id in subtree.reversed() {
                try await db.delete(from: "catalog_matches").where("new_node_id", .equal, id).run()
                for table in ["item_departments", "item_title_patterns", "item_empty_reasons"] {
                    try await db.delete(from: table).where("node_id", .equal, id).run()
                }
                try await db.delete(from: "catalog_items").where("node_id", .equal, id).run()
                try await db.delete(from: "catalog_nodes").where("id", .equal, id).run()
            }
            try await Self.edited(node.catalogID, node.agencyID, actor: actor, action: "catalog.node.retired", nodeID: nodeID,
                                  before: node.name, after: "停用（含下级\(subtree.count - 1)个）", in: db)
        }
    }

    private static func nextPosition(catalogID: Int, parentID: Int?, in db: any SQLDatabase) async throws -> Int {
        let parent: SQLQueryString = parentID.map { "parent_id = \(bind: $0)" } ?? "parent_id IS NULL"
        return try await db.raw("SELECT COALESCE(MAX(position), -1) + 1 AS p FROM catalog_nodes WHERE catalog_id = \(bind: catalogID) AND \(parent)")
            .first()!.decode(column: "p", as: Int.self)
    }

    private static func relevel(_ nodeID: Int, level: Int, in db: any SQLDatabase) async throws {
        try await db.update("catalog_nodes").set("level", to: level).where("id", .equal, nodeID).run()
        for child in try await db.select().column("id").from("catalog_nodes").where("parent_id", .equal, nodeID).all(decodingColumn: "id", as: Int.self) {
            try await relevel(child, level: level + 1, in: db)
        }
    }

    private static func linkDepartments(_ units: [String], nodeID: Int, agencyID: Int, in db: any SQLDatabase) async throws {
        for (position, unit) in units.enumerated() {
            let department = try await AgencyRepository.upsertDepartment(unit, agencyID: agencyID, in: db)
            try await db.insert(into: "item_departments").columns("node_id", "department_id", "position")
                .values(SQLBind(nodeID), SQLBind(department), SQLBind(position)).run()
        }
    }

    /// Audits an edit and brings the draft's diff up to date.
    private static func edited(_ draftID: Int, _ agencyID: Int, actor: String, action: String, nodeID: Int, before: String, after: String,
                               in db: any SQLDatabase) async throws {
        try await refreshMatches(draftID: draftID, in: db)
        try await AuditLog.append(actor: actor, action: action, objectType: "catalog_node", objectID: String(nodeID), agencyID: agencyID,
                                  before: before, after: after, in: db)
    }

    /// Recomputes each match's change and changed fields from the two items as they now are; an old item whose
    /// match was taken out becomes removed, a new item without one becomes added.
    static func refreshMatches(draftID: Int, in db: any SQLDatabase) async throws {
        let draft = try await requireDraft(draftID, in: db)
        guard let revised = draft.revisesId else { return }
        let pair = try await VersionPair.load(draftID: draftID, revisedID: revised, in: db)
        var matchedOld = Set<Int>(), matchedNew = Set<Int>()
        for row in try await db.raw("SELECT id, old_node_id, new_node_id FROM catalog_matches WHERE catalog_id = \(bind: draftID)").all() {
            let id = try row.decode(column: "id", as: Int.self)
            let old = try row.decode(column: "old_node_id", as: Int?.self), new = try row.decode(column: "new_node_id", as: Int?.self)
            old.map { _ = matchedOld.insert($0) }
            new.map { _ = matchedNew.insert($0) }
            guard let old, let new, let (change, fields) = pair.classify(old: old, new: new) else { continue }
            try await db.update("catalog_matches").set("change", to: change.rawValue).set("changed_fields", to: try JSONText.encode(fields))
                .where("id", .equal, id).run()
        }
        for old in pair.oldIDs where !matchedOld.contains(old) { try await insertMatch(draftID: draftID, change: .removed, old: old, new: nil, in: db) }
        for new in pair.newIDs where !matchedNew.contains(new) { try await insertMatch(draftID: draftID, change: .added, old: nil, new: new, in: db) }
    }
}

/// One node of a stored catalog version, for the catalog editor.
public struct CatalogNodeDetail: Sendable, Equatable {
    public var id: Int
    public var catalogID: Int
    public var agencyID: Int
    public var status: CatalogStatus
    public var parentID: Int?
    public var level: Int
    /// Names from the top level down to the node's own.
    public var path: [String]
    /// nil for a category.
    public var item: CatalogItem?
}

extension CatalogRepository {
    public func node(id: Int) async throws -> CatalogNodeDetail? {
        let db = database.sql
        guard let row = try await db.raw("""
            SELECT n.catalog_id, c.agency_id, c.status, n.parent_id, n.level FROM catalog_nodes n JOIN catalogs c ON c.id = n.catalog_id
            WHERE n.id = \(bind: id)
            """).first() else { return nil }
        var path: [String] = [], current: Int? = id
        while let nodeID = current, let node = try await db.select().columns("name", "parent_id").from("catalog_nodes").where("id", .equal, nodeID).first() {
            path.insert(try node.decode(column: "name", as: String.self), at: 0)
            current = try node.decode(column: "parent_id", as: Int?.self)
        }
        let catalogID = try row.decode(column: "catalog_id", as: Int.self)
        return CatalogNodeDetail(id: id, catalogID: catalogID, agencyID: try row.decode(column: "agency_id", as: Int.self),
                                 status: CatalogStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .adopted,
                                 parentID: try row.decode(column: "parent_id", as: Int?.self), level: try row.decode(column: "level", as: Int.self),
                                 path: path, item: try await ItemRows.load(catalogID: catalogID, from: db)[id])
    }
}
