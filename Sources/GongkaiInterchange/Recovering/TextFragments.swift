import GongkaiCore

/// One cell's text as it survives in text copied from a web page, with where it came from and the cues
/// around it that tell rows apart.
struct TextFragment: Sendable {
    /// The cell's text; a line break inside the cell stays "\n".
    var text: String
    /// First and last line of the source (1-based).
    var first: Int
    var last: Int
    /// The fragment is the first thing on its line.
    var startsLine: Bool
    /// Empty cells ("| ||", a line of bars) follow it: the row ends after it.
    var endsRow = false
    /// Only a line break separates it from the fragment before: it may be the rest of that cell (a TAB copy, or
    /// bars between cells but none at the ends of lines).
    var softStart = false

    var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    /// The text without any white space: how labels and short cells are compared.
    var compact: String { String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace })) }
}

/// How a table's cells are separated in the text.
enum TextLayout: String, Sendable {
    /// Cells end at "|" (a browser's or an editor's copy of a table).
    case pipes
    /// Every cell, or every paragraph of a cell, is a line of its own (often with blank lines between).
    case paragraphs
    /// Cells are separated by spaces, one row on a line or wrapped over several.
    case spaced
    /// Cells are separated by TABs, as browsers copy tables; a cell's line break splits its row.
    case tabbed

    var label: String {
        switch self {
        case .pipes: "网页复制的表格（竖线分隔）"
        case .paragraphs: "网页复制的表格（每格一段）"
        case .spaced: "网页复制的表格（空格分隔）"
        case .tabbed: "网页复制的表格（制表符分隔，按内容对齐）"
        }
    }
}

/// Turns lines of text into cell fragments for `TableRecovery`.
enum TextFragments {
    static func layout(of lines: [Substring]) -> TextLayout {
        let nonBlank = lines.filter { !$0.allSatisfy(\.isWhitespace) }
        let barred = lines.filter { $0.includes("|") }.count, tabbed = lines.filter { $0.includes("\t") }.count
        if tabbed >= 3 && tabbed > barred { return .tabbed }
        if barred >= 3 { return .pipes }
        let spaced = nonBlank.filter { words(in: $0).count >= 3 }.count
        return spaced * 10 >= nonBlank.count * 3 ? .spaced : .paragraphs
    }

    static func fragments(_ lines: [Substring], layout: TextLayout) -> [TextFragment] {
        switch layout {
        case .pipes: piped(lines)
        case .paragraphs: paragraphs(lines)
        case .spaced: spaced(lines)
        case .tabbed: tabbed(lines)
        }
    }

    static func words(in line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" || $0 == "\t" })
    }

    private static func paragraphs(_ lines: [Substring]) -> [TextFragment] {
        lines.enumerated().compactMap { index, line in
            let text = line.trimmed
            return text.isEmpty ? nil : TextFragment(text: text, first: index + 1, last: index + 1, startsLine: true)
        }
    }

    private static func tabbed(_ lines: [Substring]) -> [TextFragment] {
        var result: [TextFragment] = []
        for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            for (position, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                result.append(TextFragment(text: cell.trimmed, first: index + 1, last: index + 1, startsLine: position == 0,
                                           softStart: position == 0 && !result.isEmpty))
            }
        }
        return result
    }

    private static func spaced(_ lines: [Substring]) -> [TextFragment] {
        var result: [TextFragment] = []
        for (index, line) in lines.enumerated() {
            for (position, word) in words(in: line).enumerated() {
                result.append(TextFragment(text: String(word), first: index + 1, last: index + 1, startsLine: position == 0))
            }
        }
        return result
    }

    /// Cells end at a bar. A bar first on its line opens a row after a row's end (or at the start); after a line
    /// that ended in a cell it closes an empty cell (one cell per line, where "|" alone is an empty cell).
    /// Bars with nothing between them at the end of a line are the empty cells a page pads rows with: the
    /// row ends there. Text without a bar continues the open cell on the next line.
    private static func piped(_ lines: [Substring]) -> [TextFragment] {
        // "a | b | c" without bars at the ends of lines: a line break ends a row or wraps a cell, which only the
        // cells' content can tell; each line's last cell is closed and the next line's first one marked soft.
        let barred = lines.filter { $0.includes("|") }
        let openEnded = barred.filter { !$0.trimmed.hasSuffix("|") }.count * 2 > barred.count
        var result: [TextFragment] = []
        var open: TextFragment?
        var rowEnded = true
        var softNext = false
        func emit(_ fragment: TextFragment) {
            var fragment = fragment
            if softNext { fragment.softStart = true; softNext = false }
            result.append(fragment)
            rowEnded = false
        }
        func endRow() {
            if !result.isEmpty { result[result.count - 1].endsRow = true }
            rowEnded = true
        }
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.replacingNBSP
            if line.allSatisfy(\.isWhitespace) {
                if open != nil { open!.text += "\n" }
                continue
            }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 1 {
                // A line without bars continues a cell left open on the line above, or stands alone (a title).
                if open != nil {
                    open!.text += "\n" + line
                    open!.last = number
                } else {
                    emit(TextFragment(text: String(line), first: number, last: number, startsLine: true))
                    softNext = openEnded
                }
                continue
            }
            let lead = parts[0]
            if !lead.allSatisfy(\.isWhitespace) {
                if var cell = open {
                    cell.text += "\n" + lead
                    cell.last = number
                    emit(cell)
                } else {
                    emit(TextFragment(text: String(lead), first: number, last: number, startsLine: true))
                }
            } else if let cell = open, !cell.isBlank {
                emit(cell)
            } else if !rowEnded && !(parts.count > 2 && parts.allSatisfy { $0.allSatisfy(\.isWhitespace) }) {
                // The line above ended in a cell: this bar closes an empty cell ("| √ |" under "… | √ |"); a line
                // of bars only ("|||") is padding.
                emit(TextFragment(text: "", first: number, last: number, startsLine: true))
            }
            open = nil
            let middle = parts[1..<(parts.count - 1)]
            let tail = parts[parts.count - 1]
            // Trailing empty cells on a line that ends in a bar are padding.
            var padding = 0
            if tail.allSatisfy(\.isWhitespace) {
                for part in middle.reversed() {
                    guard part.allSatisfy(\.isWhitespace) else { break }
                    padding += 1
                }
            }
            let allBars = lead.allSatisfy(\.isWhitespace) && padding == middle.count && parts.count >= 3
            var firstOnLine = lead.allSatisfy(\.isWhitespace)
            for part in middle.dropLast(padding) {
                emit(TextFragment(text: String(part), first: number, last: number, startsLine: firstOnLine))
                firstOnLine = false
            }
            if padding > 0 || allBars { endRow() }
            if !tail.allSatisfy(\.isWhitespace) {
                open = TextFragment(text: String(tail), first: number, last: number, startsLine: middle.isEmpty && lead.allSatisfy(\.isWhitespace))
            }
            if openEnded, let cell = open {
                emit(cell)
                open = nil
                softNext = true
            }
        }
        if let cell = open, !cell.isBlank { emit(cell) }
        return result
    }
}

extension StringProtocol {
    /// The text with no-break spaces (U+00A0) as plain spaces, as pages often pad cells with them.
    var replacingNBSP: String { String(self.map { $0 == "\u{A0}" ? " " : $0 }) }
}
