import GongkaiCore

/// The view models of the public catalog pages: an agency's versions, one version's tree, and what changed.
enum CatalogPages {
    struct VersionRow: Sendable {
        var name: String
        var title: String
        var period: String
        var itemCount: Int
        var url: String
        var changesURL: String?
        var xlsxURL: String
        var csvURL: String
        var isCurrent: Bool
    }

    struct VersionsView: Sendable, PageChrome {
        var agency: String
        var versions: [VersionRow]
        var trail: [Crumb]?
    }

    struct Node: Sendable {
        var name: String
        var level: Int
        var url: String?
        var count: Int
    }

    struct VersionView: Sendable, PageChrome {
        var title: String
        var name: String
        var period: String
        var isCurrent: Bool
        var currentURL: String?
        var versionsURL: String
        var changesURL: String?
        var xlsxURL: String
        var csvURL: String
        var nodes: [Node]
        var trail: [Crumb]?
    }

    struct ChangeCount: Sendable {
        var label: String
        var count: Int
    }

    struct ChangeRow: Sendable {
        var change: String
        var changeClass: String
        var oldPath: String?
        var newPath: String?
        var fields: String?
        var similarity: String?
    }

    struct ChangesView: Sendable, PageChrome {
        var from: String
        var to: String
        var fromURL: String
        var toURL: String
        var counts: [ChangeCount]
        var rows: [ChangeRow]
        var hasRows: Bool
        var trail: [Crumb]?
    }
}


extension CatalogPages.ChangeCount {
    /// How many items each kind of change has, in the order of `CatalogDiff.Change`.
    static func all(_ diff: CatalogDiff) -> [Self] { CatalogDiff.Change.allCases.map { Self(label: $0.label, count: diff.count($0)) } }
}

extension CatalogPages.ChangeRow {
    init(_ entry: CatalogDiff.Entry) {
        change = entry.change.label
        changeClass = "change-\(entry.change.rawValue)"
        oldPath = entry.change == .added ? nil : entry.oldPath?.joined(separator: " › ")
        newPath = entry.change == .removed ? nil : entry.newPath?.joined(separator: " › ")
        fields = entry.changedFields.isEmpty ? nil : entry.changedFields.joined(separator: "、")
        similarity = entry.similarity.flatMap { value in
            guard entry.change != .unchanged, entry.matchedBy != .path else { return nil }
            return "\(Int((value * 100).rounded()))%（按\(entry.matchedBy == .code ? "编码" : "名称和内容")）"
        }
    }
}
