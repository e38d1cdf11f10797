/// A bordered table laid out like an HTML table: each row lists only the cells that start in it, and a cell
/// with `rowSpan` or `columnSpan` covers the grid positions below or to its right (written as Word's
/// vMerge and gridSpan). Made for the statistics tables of the 政府信息公开工作年度报告.
public struct DocxTable: Hashable, Sendable {
    public struct Cell: Hashable, Sendable, ExpressibleByStringLiteral {
        /// Line breaks ("\n") start a new paragraph in the cell.
        public var text: String
        public var columnSpan: Int
        public var rowSpan: Int
        public var alignment: DocxParagraph.Alignment
        public var bold: Bool

        public init(_ text: String, columnSpan: Int = 1, rowSpan: Int = 1,
                    alignment: DocxParagraph.Alignment = .center, bold: Bool = false) {
            self.text = text
            self.columnSpan = max(1, columnSpan)
            self.rowSpan = max(1, rowSpan)
            self.alignment = alignment
            self.bold = bold
        }

        public init(stringLiteral text: String) { self.init(text) }
    }

    public struct Row: Hashable, Sendable {
        public var cells: [Cell]
        /// Header rows are bold and repeat at the top of every page the table continues on.
        public var isHeader: Bool

        public init(_ cells: [Cell], isHeader: Bool = false) {
            self.cells = cells
            self.isHeader = isHeader
        }
    }

    /// Relative column widths (e.g. `[3, 1, 1]`), scaled to the width of the text area; their count is the
    /// number of grid columns. Cells beyond the last column are left out; missing cells are left empty.
    public var columnWidths: [Double]
    public var rows: [Row]
    public var font: DocxFont
    /// In points; 五号 by default.
    public var size: Double
    /// Keeps the table on one page when it fits, moving it to the next page rather than splitting it: every
    /// row's paragraphs keep with the next, which is how Word (and LibreOffice reading .docx) keep a table together.
    public var keepTogether = false

    public init(columnWidths: [Double], rows: [Row] = [], font: DocxFont = .song, size: Double = DocxSize.five) {
        self.columnWidths = columnWidths
        self.rows = rows
        self.font = font
        self.size = size
    }

    /// A table of `columns` equal columns.
    public init(columns: Int, rows: [Row] = [], font: DocxFont = .song, size: Double = DocxSize.five) {
        self.init(columnWidths: Array(repeating: 1, count: max(columns, 1)), rows: rows, font: font, size: size)
    }

    public mutating func append(_ row: Row) { rows.append(row) }

    public mutating func appendRow(_ cells: [Cell], isHeader: Bool = false) { rows.append(Row(cells, isHeader: isHeader)) }
}
