/// What a reader found in a file, before any interpretation: text outside tables and table rows.
struct SourceDocument: Sendable {
    var blocks: [SourceBlock]
    /// Lines for text files, rows for spreadsheets and Word tables.
    var unit: SourceUnit
    /// Whether rows keep every column (spreadsheets, TSV, Word XML) or may have lost cells of
    /// horizontally merged spans (text dumps of Word tables).
    var exactColumns: Bool
    /// Whether the format records merged cells (Word, Excel). Where it does, an empty cell is empty;
    /// where it does not (text, TSV, CSV), empty cells under a value are taken as merged and reported.
    var recordsMerges = false
    /// The dump starts in the middle of a row, so its first row is missing cells on the left.
    var startTruncated = false
    /// Short rows lack the cells that a rowspan above covers (a table copied from a web page), rather than
    /// the cells of a horizontal span (text dumps of Word tables): missing cells take the value above.
    var missingCellsAreRowspans = false
    /// Things the reader itself inferred (e.g. a line without its TAB taken as a cell).
    var diagnostics: [ImportDiagnostic] = []
}

enum SourceBlock: Sendable {
    case text(String, line: Int)
    case row(SourceRow)
    /// A blank line between table rows in a TSV dump: where a page ended.
    case pageBreak
}

struct SourceRow: Sendable {
    var cells: [SourceCell]
    var first: Int
    var last: Int
}

struct SourceCell: Sendable {
    var text: String
    /// The cell continues a vertical merge (Word vMerge, Excel mergeCells): its value is the one above.
    var mergedFromAbove = false
    /// The cell is covered by a horizontal span (Word gridSpan, Excel mergeCells).
    var mergedFromLeft = false

    init(_ text: String, mergedFromAbove: Bool = false, mergedFromLeft: Bool = false) {
        self.text = text
        self.mergedFromAbove = mergedFromAbove
        self.mergedFromLeft = mergedFromLeft
    }
}

import GongkaiCore
