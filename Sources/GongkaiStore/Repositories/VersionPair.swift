import GongkaiCore
import SQLKit

/// A draft and the version it revises, their items indexed by node id: what the diff, match corrections and
/// edits all read.
struct VersionPair {
    let oldIDs: [Int]
    let newIDs: [Int]
    let oldItems: [Int: (index: Int, item: PathedItem)]
    let newItems: [Int: (index: Int, item: PathedItem)]

    static func load(draftID: Int, revisedID: Int, in db: any SQLDatabase) async throws -> VersionPair {
        func indexed(_ ids: [Int], _ items: [PathedItem]) -> [Int: (index: Int, item: PathedItem)] {
            Dictionary(uniqueKeysWithValues: zip(ids, items).enumerated().map { ($1.0, ($0, $1.1)) })
        }
        let oldIDs = try await CatalogRepository.itemNodeIDs(catalogID: revisedID, in: db)
        let newIDs = try await CatalogRepository.itemNodeIDs(catalogID: draftID, in: db)
        return VersionPair(oldIDs: oldIDs, newIDs: newIDs,
                           oldItems: indexed(oldIDs, try await CatalogRepository.load(id: revisedID, in: db).items),
                           newItems: indexed(newIDs, try await CatalogRepository.load(id: draftID, in: db).items))
    }

    /// How the new item changed from the old one it continues; nil when either is not an item of the pair.
    func classify(old: Int, new: Int) -> (change: CatalogDiff.Change, fields: [String])? {
        guard let a = oldItems[old]?.item, let b = newItems[new]?.item else { return nil }
        return CatalogDiff.classify(a, b)
    }
}
