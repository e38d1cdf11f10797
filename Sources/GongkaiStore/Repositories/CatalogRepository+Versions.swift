import GongkaiCore
import SQLKit

/// What storing an imported catalog did.
public struct CatalogImportOutcome: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// The agency had no catalog: this is its first version, in force from the start.
        case firstVersion
        /// The agency had one: this is a draft of its next version, waiting for approval.
        case revisionDraft
        /// The file holds exactly the version in force: nothing was stored.
        case unchanged
    }

    public var kind: Kind
    /// The version stored, or the version in force when nothing was stored.
    public var catalogID: Int
    public var revisesID: Int?
    /// Against the version in force (revisions and unchanged files).
    public var diff: CatalogDiff?

    public init(kind: Kind, catalogID: Int, revisesID: Int? = nil, diff: CatalogDiff? = nil) {
        self.kind = kind
        self.catalogID = catalogID
        self.revisesID = revisesID
        self.diff = diff
    }
}

/// What approving a revision did.
public struct CatalogApproval: Codable, Sendable, Equatable {
    public var catalogID: Int
    public var versionNumber: Int
    public var effectiveFrom: CivilDate
    /// Record–item links moved from an old item to its matched new item.
    public var movedRecords: Int
    /// Items of the old version with no match: retired, their records kept under the old version.
    public var retiredItems: Int
}

public enum CatalogVersionError: Error, CustomStringConvertible, Equatable {
    case notADraft(Int)
    case superseded(draft: Int, current: Int?)
    case effectiveTooEarly(CivilDate, previous: CivilDate)
    case unknownNode(Int)
    case nodeAlreadyMatched(Int)

    public var description: String {
        switch self {
        case .notADraft(let id): "目录 #\(id) 不是待审核的修订稿（可能已批准或已放弃）。"
        case .superseded(let draft, let current):
            "修订稿 #\(draft) 所依据的版本已不是现行版本" + (current.map { "（现行为 #\($0)）" } ?? "") + "；请对照现行版本重新导入。"
        case .effectiveTooEarly(let date, let previous): "施行日期 \(date) 早于现行版本的施行日期 \(previous)。"
        case .unknownNode(let id): "事项 #\(id) 不属于这两个版本。"
        case .nodeAlreadyMatched(let id): "旧版事项 #\(id) 已与修订稿中的另一事项对应；请先更正那一项。"
        }
    }
}

extension CatalogRepository {
    /// The agency's version in force: the adopted version with the highest number.
    public func current(agencyID: Int) async throws -> CatalogSummary? {
        try await Self.currentVersion(agencyID: agencyID, in: database.sql)
    }

    /// One stored version (draft, adopted or discarded) by its id.
    public func summary(id: Int) async throws -> CatalogSummary? {
        try await Self.summaries(where: "c.id = \(bind: id)", in: database.sql).first
    }

    static func currentVersion(agencyID: Int, in db: any SQLDatabase) async throws -> CatalogSummary? {
        try await summaries(where: "c.agency_id = \(bind: agencyID) AND c.status = 'adopted'", in: db)
            .max { ($0.versionNumber ?? 0, $0.id) < ($1.versionNumber ?? 0, $1.id) }
    }

    /// Adopted versions of an agency in order, each with the day the next one replaced it (nil: in force).
    public func history(agencyID: Int) async throws -> [(version: CatalogSummary, supersededOn: CivilDate?)] {
        let adopted = try await list(agencyID: agencyID).filter { $0.status == .adopted }
            .sorted { ($0.versionNumber ?? 0, $0.id) < ($1.versionNumber ?? 0, $1.id) }
        return adopted.enumerated().map { index, version in
            (version, index + 1 < adopted.count ? adopted[index + 1].effectiveFrom : nil)
        }
    }

    /// The drafts of an agency waiting for a decision (nil: of every agency).
    public func drafts(agencyID: Int?) async throws -> [CatalogSummary] {
        try await list(agencyID: agencyID).filter { $0.status == .draft }
    }

    /// Node ids of a version's items in `Catalog.items` order (the tree in document order).
    public func itemNodeIDs(catalogID: Int) async throws -> [Int] { try await Self.itemNodeIDs(catalogID: catalogID, in: database.sql) }

    static func itemNodeIDs(catalogID: Int, in db: any SQLDatabase) async throws -> [Int] {
        let rows = try await db.raw("""
            SELECT n.id, n.parent_id, n.position, CASE WHEN i.node_id IS NULL THEN 0 ELSE 1 END AS is_item
            FROM catalog_nodes n LEFT JOIN catalog_items i ON i.node_id = n.id WHERE n.catalog_id = \(bind: catalogID)
            """).all()
        var children: [Int?: [(position: Int, id: Int)]] = [:], items = Set<Int>()
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            children[try row.decode(column: "parent_id", as: Int?.self), default: []].append((try row.decode(column: "position", as: Int.self), id))
            if try row.decode(column: "is_item", as: Int.self) == 1 { items.insert(id) }
        }
        var ordered: [Int] = []
        func walk(_ parent: Int?) {
            for child in (children[parent] ?? []).sorted(by: { $0.position < $1.position }) {
                if items.contains(child.id) { ordered.append(child.id) }
                walk(child.id)
            }
        }
        walk(nil)
        return ordered
    }

    static func storeMatches(_ diff: CatalogDiff, draftID: Int, revisedID: Int, in db: any SQLDatabase) async throws {
        let oldIDs = try await itemNodeIDs(catalogID: revisedID, in: db), newIDs = try await itemNodeIDs(catalogID: draftID, in: db)
        for (position, entry) in diff.entries.enumerated() {
            try await insertMatch(draftID: draftID, position: position, change: entry.change, old: entry.oldIndex.map { oldIDs[$0] },
                                  new: entry.newIndex.map { newIDs[$0] }, fields: entry.changedFields, similarity: entry.similarity,
                                  matchedBy: entry.matchedBy, in: db)
        }
    }

    /// A draft's diff against the version it revises, as stored (with the staff's corrections), each entry with
    /// the node ids of its two items.
    public func revisionDiff(draftID: Int) async throws -> RevisionDiff {
        let db = database.sql
        guard let draft = try await Self.summaries(where: "c.id = \(bind: draftID)", in: db).first, let revised = draft.revisesId else {
            throw StoreError.catalogNotFound(String(draftID))
        }
        let pair = try await VersionPair.load(draftID: draftID, revisedID: revised, in: db)
        let rows = try await db.raw("""
            SELECT change, old_node_id, new_node_id, similarity_percent, matched_by, changed_fields, confirmed_by
            FROM catalog_matches WHERE catalog_id = \(bind: draftID) ORDER BY position
            """).all()
        var entries: [RevisionDiff.Entry] = []
        for row in rows {
            let oldNode = try row.decode(column: "old_node_id", as: Int?.self), newNode = try row.decode(column: "new_node_id", as: Int?.self)
            let old = oldNode.flatMap { pair.oldItems[$0] }, new = newNode.flatMap { pair.newItems[$0] }
            let entry = CatalogDiff.Entry(
                change: CatalogDiff.Change(rawValue: try row.decode(column: "change", as: String.self)) ?? .changed,
                oldPath: old?.item.path, newPath: new?.item.path, oldCode: old?.item.code, newCode: new?.item.code,
                changedFields: try JSONText.decode([String].self, try row.decode(column: "changed_fields", as: String.self)),
                similarity: try row.decode(column: "similarity_percent", as: Int?.self).map { Double($0) / 100 },
                matchedBy: try row.decode(column: "matched_by", as: String?.self).flatMap(CatalogDiff.Match.init),
                oldIndex: old?.index, newIndex: new?.index)
            entries.append(RevisionDiff.Entry(entry: entry, oldNodeID: oldNode, newNodeID: newNode,
                                              confirmedBy: try row.decode(column: "confirmed_by", as: String?.self)))
        }
        return RevisionDiff(draft: draft, revisedID: revised, entries: entries)
    }

    /// Staff correct a match: the draft's item `newNodeID` continues the old item `oldNodeID` (nil: it is new).
    /// The old item it was matched to before, if any, becomes removed; the old item taken loses its former match.
    public func correctMatch(draftID: Int, newNodeID: Int, oldNodeID: Int?, actor: String) async throws {
        try await database.transaction { db in
            let draft = try await Self.requireDraft(draftID, in: db)
            let pair = try await VersionPair.load(draftID: draftID, revisedID: draft.revisesId ?? 0, in: db)
            guard pair.newItems[newNodeID] != nil else { throw CatalogVersionError.unknownNode(newNodeID) }
            if let oldNodeID, pair.oldItems[oldNodeID] == nil { throw CatalogVersionError.unknownNode(oldNodeID) }
            let before = try await db.select().columns("old_node_id").from("catalog_matches")
                .where("catalog_id", .equal, draftID).where("new_node_id", .equal, newNodeID).first(decodingColumn: "old_node_id", as: Int?.self) ?? nil
            if let oldNodeID, oldNodeID != before {
                // The old item's current row: a removal (free to take) or another new item's match (refused).
                let other = try await db.select().column("new_node_id").from("catalog_matches")
                    .where("catalog_id", .equal, draftID).where("old_node_id", .equal, oldNodeID)
                    .first(decodingColumn: "new_node_id", as: Int?.self) ?? nil
                if other != nil { throw CatalogVersionError.nodeAlreadyMatched(oldNodeID) }
                try await db.delete(from: "catalog_matches").where("catalog_id", .equal, draftID).where("old_node_id", .equal, oldNodeID).run()
            }
            if let before, before != oldNodeID {
                try await Self.insertMatch(draftID: draftID, change: .removed, old: before, new: nil, in: db)
            }
            try await db.delete(from: "catalog_matches").where("catalog_id", .equal, draftID).where("new_node_id", .equal, newNodeID).run()
            let (change, fields) = oldNodeID.flatMap { pair.classify(old: $0, new: newNodeID) } ?? (.added, [])
            try await Self.insertMatch(draftID: draftID, change: change, old: oldNodeID, new: newNodeID, fields: fields, confirmedBy: actor, in: db)
            try await AuditLog.append(actor: actor, action: "catalog.match.corrected", objectType: "catalog", objectID: String(draftID),
                                      agencyID: draft.agencyId, before: before.map { "事项 #\($0)" } ?? "新增",
                                      after: "事项 #\(newNodeID) ← " + (oldNodeID.map { "旧版事项 #\($0)" } ?? "新增"), in: db)
        }
    }

    /// Stores one match of a draft; without a position it goes after the others.
    static func insertMatch(draftID: Int, position: Int? = nil, change: CatalogDiff.Change, old: Int?, new: Int?, fields: [String] = [],
                            similarity: Double? = nil, matchedBy: CatalogDiff.Match? = nil, confirmedBy: String? = nil,
                            in db: any SQLDatabase) async throws {
        var position = position
        if position == nil {
            position = try await db.raw("SELECT COALESCE(MAX(position), 0) + 1 AS p FROM catalog_matches WHERE catalog_id = \(bind: draftID)")
                .first()!.decode(column: "p", as: Int.self)
        }
        try await db.insert(into: "catalog_matches")
            .columns("catalog_id", "position", "change", "old_node_id", "new_node_id", "similarity_percent", "matched_by", "changed_fields",
                     "confirmed_by")
            .values(SQLBind(draftID), SQLBind(position), SQLBind(change.rawValue), SQLBind(old), SQLBind(new),
                    SQLBind(similarity.map { Int(($0 * 100).rounded()) }), SQLBind(matchedBy?.rawValue),
                    SQLBind(try JSONText.encode(fields)), SQLBind(confirmedBy))
            .run()
    }

    /// The settings that belong to a column rather than to a version (栏目说明, title pattern) follow an item to the
    /// item that continues it, unless that one has its own.
    static func carryColumnSettings(from old: Int, to new: Int, in db: any SQLDatabase) async throws {
        for (table, column) in [("item_empty_reasons", "reason"), ("item_title_patterns", "pattern")] {
            try await db.raw("""
                INSERT INTO \(ident: table) (node_id, \(ident: column)) SELECT \(bind: new), \(ident: column) FROM \(ident: table)
                WHERE node_id = \(bind: old) AND NOT EXISTS (SELECT 1 FROM \(ident: table) WHERE node_id = \(bind: new))
                """).run()
        }
    }

    static func requireDraft(_ id: Int, in db: any SQLDatabase) async throws -> CatalogSummary {
        guard let draft = try await summaries(where: "c.id = \(bind: id)", in: db).first else { throw StoreError.catalogNotFound(String(id)) }
        guard draft.status == .draft else { throw CatalogVersionError.notADraft(id) }
        return draft
    }

    /// Adopts a draft from `effective`, in one transaction: the draft becomes the version in force, the records of
    /// every matched item move to its new item (each move logged for compliance), the item settings that belong
    /// to the column (empty-column note, title pattern) follow, and unmatched old items are retired with their
    /// records, which stay public under the old version.
    @discardableResult
    public func approve(draftID: Int, effective: CivilDate, actor: String) async throws -> CatalogApproval {
        try await database.transaction { db in
            let draft = try await Self.requireDraft(draftID, in: db)
            let current = try await Self.currentVersion(agencyID: draft.agencyId, in: db)
            guard let current, current.id == draft.revisesId else {
                throw CatalogVersionError.superseded(draft: draftID, current: current?.id)
            }
            if let previous = current.effectiveFrom, effective < previous {
                throw CatalogVersionError.effectiveTooEarly(effective, previous: previous)
            }
            let number = (current.versionNumber ?? 1) + 1
            // Conditional on the status, so that of two approvals racing for one draft only one adopts it.
            guard try await db.raw("""
                UPDATE catalogs SET status = 'adopted', version_number = \(bind: number), effective_from = \(bind: effective.description),
                decided_by = \(bind: actor) WHERE id = \(bind: draftID) AND status = 'draft' RETURNING id
                """).first() != nil else { throw CatalogVersionError.notADraft(draftID) }
            var retired = 0
            let pairs = try await db.raw("""
                SELECT old_node_id, new_node_id FROM catalog_matches WHERE catalog_id = \(bind: draftID) ORDER BY position
                """).all().map { (try $0.decode(column: "old_node_id", as: Int?.self), try $0.decode(column: "new_node_id", as: Int?.self)) }
            for (old, new) in pairs {
                guard let old else { continue }
                guard let new else { retired += 1; continue }
                try await db.raw("""
                    INSERT INTO record_item_moves (record_id, from_node_id, to_node_id, catalog_id, effective_from)
                    SELECT record_id, \(bind: old), \(bind: new), \(bind: draftID), \(bind: effective.description)
                    FROM record_items WHERE node_id = \(bind: old)
                    """).run()
                try await db.update("record_items").set("node_id", to: new).where("node_id", .equal, old).run()
                try await Self.carryColumnSettings(from: old, to: new, in: db)
            }
            let moved = try await db.raw("SELECT COUNT(*) AS n FROM record_item_moves WHERE catalog_id = \(bind: draftID)").first()!
                .decode(column: "n", as: Int.self)
            CrashPoint.reach("catalog.approve")
            try await AuditLog.append(actor: actor, action: "catalog.approved", objectType: "catalog", objectID: String(draftID),
                                      agencyID: draft.agencyId, before: "第\(current.versionNumber ?? 1)版（目录 #\(current.id)）",
                                      after: "第\(number)版（目录 #\(draftID)），自\(effective)起施行；迁移记录\(moved)条，停用事项\(retired)个",
                                      in: db)
            return CatalogApproval(catalogID: draftID, versionNumber: number, effectiveFrom: effective, movedRecords: moved, retiredItems: retired)
        }
    }

    /// Sets a draft aside; the version in force stays as it is.
    public func discard(draftID: Int, actor: String) async throws {
        try await database.transaction { db in
            let draft = try await Self.requireDraft(draftID, in: db)
            try await db.update("catalogs").set("status", to: CatalogStatus.discarded.rawValue).set("decided_by", to: actor)
                .where("id", .equal, draftID).run()
            try await AuditLog.append(actor: actor, action: "catalog.discarded", objectType: "catalog", objectID: String(draftID),
                                      agencyID: draft.agencyId, before: CatalogStatus.draft.label, after: CatalogStatus.discarded.label, in: db)
        }
    }
}

/// A draft revision's stored diff, entry by entry with the node ids of the two items.
public struct RevisionDiff: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var entry: CatalogDiff.Entry
        public var oldNodeID: Int?
        public var newNodeID: Int?
        /// Who confirmed or corrected the match; nil while it is the importer's.
        public var confirmedBy: String?
    }

    public var draft: CatalogSummary
    public var revisedID: Int
    public var entries: [Entry]

    public var diff: CatalogDiff { CatalogDiff(entries: entries.map(\.entry)) }
}
