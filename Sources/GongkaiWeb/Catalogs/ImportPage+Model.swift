/// The catalog import page: the upload form, then the file as read (each table with a role select per column and
/// its header rows), every item with its parsed 时限 and 存疑 marks, and what storing it would do.
struct ImportPage: Sendable, PageChrome {
    struct Column: Sendable {
        var number: Int
        var header: String
        var fieldID: String
        var fieldName: String
        var roleName: String
        var chosen: Bool
        var options: [SelectOption]
    }

    struct Row: Sendable {
        var cells: [String]
        var isHeader: Bool
    }

    struct Table: Sendable {
        var caption: String
        var columns: [Column]
        var rows: [Row]
        var more: String?
    }

    struct Item: Sendable {
        var path: String
        var deadlineText: String
        var rule: String
        var explanation: String
        var doubts: [String]
        var hasDoubts: Bool
    }

    struct Preview: Sendable {
        var fileName: String
        var format: String
        var agency: String
        var title: String
        var itemCount: Int
        var doubtfulCount: Int
        var tables: [Table]
        var headerRows: String
        var diagnostics: [String]
        var hasDiagnostics: Bool
        var items: [Item]
        /// What 保存 will do: first version, revision draft (with the diff's counts) or nothing.
        var outcome: String
        var canStore: Bool
    }

    var actionURL: String
    var agencies: [SelectOption]
    var canCreateAgency: Bool
    var upload: String
    var error: String?
    var preview: Preview?
    var trail: [Crumb]?
}
