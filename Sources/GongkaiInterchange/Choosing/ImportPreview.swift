import GongkaiCore

/// What an import would store, shown before anything is stored: each table as read, how its columns and header
/// rows were read, and the items with their doubts (存疑) and the deadline rule parsed from their 时限.
/// Plain data, for the staff pages and the JSON API alike.
public struct ImportPreview: Sendable, Codable {
    /// Rows of a table shown; the rest are counted only.
    public static let rowLimit = 200

    /// One column of a table as read.
    public struct Column: Sendable, Codable, Equatable {
        /// 1-based, as staff count columns and as `ReadingChoices` takes them.
        public var number: Int
        /// The column's header text ("公开事项／一级事项"); empty where the table has no header.
        public var header: String
        /// The role the column was read with, in Chinese ("一级事项", "公开时限", "全社会", "忽略").
        public var roleName: String
        /// The option of the role select that stands for the role; nil for a mark column (全社会, 主动 …)
        /// or an unrecognised column, whose text goes to the remarks.
        public var role: ChosenRole?
        /// Staff chose the role; otherwise the importer read it from the header or guessed it from the cells.
        public var chosen: Bool
    }

    /// A table of the file as the importer read it.
    public struct Table: Sendable, Codable {
        /// The first line (text) or row (spreadsheet, Word table) of the table in the file.
        public var firstLine: Int
        public var columns: [Column]
        /// How many of `rows` are header rows: they come first.
        public var headerRowCount: Int
        /// Header rows, then data rows, as cell texts; at most `rowLimit` of them.
        public var rows: [[String]]
        /// All rows of the table, header rows included, however many `rows` shows.
        public var totalRows: Int
    }

    /// An item as it would be stored: `item.doubts` are its 存疑 marks, `item.deadlineRule` the rule read from `item.deadlineText`.
    public struct Item: Sendable, Codable {
        public var path: [String]
        public var code: String?
        public var item: CatalogItem
    }

    public var fileName: String
    public var format: String
    /// The choices the file was read with; nil when the importer read it by itself.
    public var choices: ReadingChoices?
    /// Every table the importer used, in file order. The choices apply to each of them alike: a file with several
    /// tables (one per section of a Word file) usually repeats one layout.
    public var tables: [Table]
    public var items: [Item]
    /// The full reading, as `CatalogImporter.importData` gives it: the catalog and every diagnostic.
    public var result: ImportResult
}

extension ImportPreview.Table {
    init(_ layout: TableLayout) {
        let all = layout.headerRows + layout.rows
        firstLine = layout.firstLine
        headerRowCount = layout.headerRows.count
        totalRows = all.count
        rows = Array(all.prefix(ImportPreview.rowLimit))
        columns = (0..<layout.width).map { index in
            let role = index < layout.roles.count ? layout.roles[index] : .unknown("")
            let name: String
            if case .unknown = role { name = "未识别（记入备注）" } else { name = role.label }
            return ImportPreview.Column(number: index + 1, header: layout.header(of: index), roleName: name,
                                        role: ChosenRole(role), chosen: layout.chosen.contains(index))
        }
    }
}
