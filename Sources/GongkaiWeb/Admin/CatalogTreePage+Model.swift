/// A catalog version's tree for staff (/admin/catalogs/ID, Templates/catalog.mustache), with the links to its
/// review page, its public page and the catalog editor where the user may use them.
extension AdminController {
    struct TreeView: Sendable {
        var title: String
        var agency: String
        var state: String
        var revisionURL: String?
        var publicURL: String?
        /// The version in force: where staff open a draft of the next version (nil when they may not).
        var reviseURL: String?
        /// A draft: where staff add a top-level category (nil when they may not edit it).
        var addURL: String?
        var nodes: [NodeView]
    }

    struct NodeView: Sendable {
        var name: String
        var code: String
        var level: Int
        var isItem: Bool
        var url: String
        var recordCount: Int
        var empty: Bool
        /// A draft's node: its page in the catalog editor.
        var editURL: String?
    }
}
