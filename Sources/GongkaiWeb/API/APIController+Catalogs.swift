import GongkaiCore
import GongkaiStore
import Hummingbird

/// `GET /api/v1/agencies/{id}/catalog-versions` and `GET /api/v1/catalogs/{id}/changes[?from=ID]`.
extension APIController {
    /// One stored version of an agency's catalog with the day the next version replaced it.
    struct CatalogVersionListing: Encodable {
        var id: Int
        var agencyId: Int
        var agency: String
        var title: String
        var edition: String?
        var status: CatalogStatus
        var versionNumber: Int?
        var effectiveFrom: CivilDate?
        /// The first day the next version was in force; nil while this one is (and for drafts).
        var supersededOn: CivilDate?
        var inForce: Bool
        var revisesId: Int?
        var itemCount: Int
        var importedAt: String
    }

    /// What changed from one version to another, item by item, with the node ids of both items.
    struct CatalogChanges: Encodable {
        struct Entry: Encodable {
            var change: CatalogDiff.Change
            var oldItemId: Int?
            var newItemId: Int?
            var oldPath: [String]?
            var newPath: [String]?
            var changedFields: [String]
            var similarity: Double?
            var matchedBy: CatalogDiff.Match?
            /// Who corrected the match by hand; nil for the importer's own.
            var confirmedBy: String?
        }

        var from: Int
        var to: Int
        var counts: [String: Int]
        var entries: [Entry]
    }

    func addCatalogRoutes(to router: Router<WebContext>) {
        router.get(.apiAgencyCatalogVersions(.key)) { _, context in
            let user = try requireUser(context)
            let agencyID = try context.parameters.require("id", as: Int.self)
            guard Permissions.canView(agencyID: agencyID, user) else { throw WebError.forbidden("不能查看其他机关的目录。") }
            let versions = try await catalogs.list(agencyID: agencyID)
            guard !versions.isEmpty else { throw WebError.notFound("目录") }
            let history = try await catalogs.history(agencyID: agencyID)
            let superseded = Dictionary(uniqueKeysWithValues: history.map { ($0.version.id, $0.supersededOn) })
            let inForce = history.last?.version.id
            return try Self.json(versions.map { version in
                CatalogVersionListing(id: version.id, agencyId: version.agencyId, agency: version.agency, title: version.title,
                                      edition: version.version, status: version.status, versionNumber: version.versionNumber,
                                      effectiveFrom: version.effectiveFrom, supersededOn: superseded[version.id] ?? nil,
                                      inForce: version.id == inForce, revisesId: version.revisesId, itemCount: version.itemCount,
                                      importedAt: version.importedAt)
            })
        }
        router.get(.apiCatalogChanges(.key)) { request, context in
            let user = try requireUser(context)
            let id = try context.parameters.require("id", as: Int.self)
            guard let version = try await catalogs.summary(id: id) else { throw WebError.notFound("目录") }
            guard Permissions.canView(agencyID: version.agencyId, user) else { throw WebError.forbidden("不能查看其他机关的目录。") }
            var from = version.revisesId
            if let text = request.uri.queryParameters["from"].map(String.init) {
                guard let other = Int(text), try await catalogs.agencyID(catalogID: other) == version.agencyId else {
                    throw WebError.badRequest("from 须为同一机关的另一目录版本的编号。")
                }
                from = other
            }
            guard let from else { throw WebError.badRequest("该版本是首版，没有可比较的上一版；请用 from 指定。") }
            return try Self.json(try await changes(from: from, to: version))
        }
    }

    private func changes(from: Int, to version: CatalogSummary) async throws -> CatalogChanges {
        let entries: [CatalogChanges.Entry]
        let diff: CatalogDiff
        if from == version.revisesId {
            let revision = try await catalogs.revisionDiff(draftID: version.id)
            diff = revision.diff
            entries = revision.entries.map { Self.entry($0.entry, old: $0.oldNodeID, new: $0.newNodeID, confirmedBy: $0.confirmedBy) }
        } else {
            diff = CatalogDiff.compute(from: try await catalogs.load(id: from), to: try await catalogs.load(id: version.id))
            let oldIDs = try await catalogs.itemNodeIDs(catalogID: from), newIDs = try await catalogs.itemNodeIDs(catalogID: version.id)
            entries = diff.entries.map { Self.entry($0, old: $0.oldIndex.map { oldIDs[$0] }, new: $0.newIndex.map { newIDs[$0] }, confirmedBy: nil) }
        }
        return CatalogChanges(from: from, to: version.id,
                              counts: Dictionary(uniqueKeysWithValues: CatalogDiff.Change.allCases.map { ($0.rawValue, diff.count($0)) }),
                              entries: entries)
    }

    private static func entry(_ entry: CatalogDiff.Entry, old: Int?, new: Int?, confirmedBy: String?) -> CatalogChanges.Entry {
        CatalogChanges.Entry(change: entry.change, oldItemId: old, newItemId: new, oldPath: entry.oldPath, newPath: entry.newPath,
                             changedFields: entry.changedFields, similarity: entry.similarity, matchedBy: entry.matchedBy, confirmedBy: confirmedBy)
    }
}
