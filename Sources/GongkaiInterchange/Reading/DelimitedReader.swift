import GongkaiCore

/// Reads TSV (tables copied out of Word or Excel) and CSV. Fields may be quoted RFC 4180 style,
/// so a quoted field can hold line breaks. Lines without a delimiter are text between tables;
/// blank lines between rows mark page breaks.
enum DelimitedReader {
    static func read(_ text: String, delimiter: Character) -> SourceDocument {
        var blocks: [SourceBlock] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var line = 1
        var rowFirstLine = 1

        func endRecord() {
            fields.append(field)
            if fields.count == 1 {
                let only = fields[0]
                if only.allSatisfy(\.isWhitespace) {
                    blocks.append(.pageBreak)
                } else {
                    blocks.append(.text(only, line: rowFirstLine))
                }
            } else if fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                blocks.append(.pageBreak)
            } else {
                blocks.append(.row(SourceRow(cells: fields.map { SourceCell($0) }, first: rowFirstLine, last: line)))
            }
            fields = []
            field = ""
            fieldStarted = false
        }

        var chars = text.makeIterator()
        var pending: Character? = nil
        while let char = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if char == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if char == "\n" || char == "\r\n" { line += 1; field.append("\n") } else { field.append(char) }
                }
                continue
            }
            switch char {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case delimiter:
                fields.append(field)
                field = ""
                fieldStarted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                rowFirstLine = line
            default:
                field.append(char)
                fieldStarted = true
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return SourceDocument(blocks: blocks, unit: .line, exactColumns: true)
    }
}
