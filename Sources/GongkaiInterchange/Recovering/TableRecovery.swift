import GongkaiCore

/// A table recovered from text: its header, and each row as the fragments every slot took.
struct RecoveredTable: Sendable {
    struct Row: Sendable {
        var alignment: RowAlignment
        /// The runner-up placement when it scored close to the best: the row could be read either way.
        var rival: RowAlignment?
    }

    var header: TableHeader
    /// The fragments before the header that title this table (the text's title for the first table).
    var headings: Range<Int>
    var rows: [Row]
    /// Rows of a repeated header that were skipped, by first line.
    var repeatedHeaders: [Int]
}

/// Recovers tables from text copied from web pages: header first, then rows cut by the cues the text kept
/// (padding bars, 序号 at the start of a line, a repeated header), then each stretch between cues split
/// into the rows whose cells fit the columns best.
enum TableRecovery {
    /// A close runner-up: placements within this score of the best are reported as doubts.
    static let doubtMargin = 1.2
    private static let rowCost = 1.0

    static func recover(_ fragments: [TextFragment], layout: TextLayout) -> [RecoveredTable]? {
        guard let first = TableHeader.find(in: fragments) else { return nil }
        var tables: [RecoveredTable] = []
        var header = first
        var headings = 0..<first.start
        while true {
            let (table, next) = rows(after: header, headings: headings, in: fragments, layout: layout)
            if !table.rows.isEmpty { tables.append(table) }
            guard let next else { break }
            header = next.header
            headings = next.headings
        }
        return tables.isEmpty ? nil : tables
    }

    /// A title right before a header ("(二)公共资源交易领域基层政务公开标准目录"): the header starts a table of its own.
    private static func title(before index: Int, in fragments: [TextFragment]) -> Range<Int>? {
        guard index > 0 else { return nil }
        let text = fragments[index - 1].compact
        guard text.includes("目录"), HeaderLabel.recognize(text) == nil, text.count <= 60 else { return nil }
        return (index - 1)..<index
    }

    /// The rows under `header` up to the end of the text or the next, different header.
    private static func rows(after original: TableHeader, headings: Range<Int>, in fragments: [TextFragment],
                             layout: TextLayout) -> (RecoveredTable, (header: TableHeader, headings: Range<Int>)?) {
        var header = original
        // Rows numbered under a header that lost its 序号 label.
        if !header.slots.contains(.sequence), header.end < fragments.count, CellFit.isSequence(fragments[header.end].compact) {
            header.slots.insert(.sequence, at: 0)
            header.notes.append("表头没有“序号”，但各行以序号开头：按序号列读取")
        }
        let hasSequence = header.slots.contains(.sequence)
        var chunks: [Range<Int>] = []
        var repeated: [Int] = []
        var start = header.end
        var expected: Int?
        var index = header.end
        var nextHeader: (header: TableHeader, headings: Range<Int>)?
        func close(_ end: Int) {
            if end > start { chunks.append(start..<end) }
            start = end
        }
        scan: while index < fragments.count {
            let fragment = fragments[index]
            if let label = HeaderLabel.recognize(fragment.compact), label.isStrong,
               let found = TableHeader.find(in: fragments, from: index), found.start == index {
                let titled = title(before: index, in: fragments)
                close(titled?.lowerBound ?? index)
                let same = found.signature == header.signature || found.signature.starts(with: header.signature.prefix(4))
                if same && titled == nil {
                    repeated.append(fragment.first)
                    index = found.end
                    start = index
                    continue
                }
                nextHeader = (found, titled ?? index..<index)
                break scan
            }
            let compact = fragment.compact
            let atLineStart = fragment.startsLine || (index > 0 && fragments[index - 1].endsRow)
            if hasSequence, atLineStart, let value = CellFit.sequenceNumber(compact), expected == nil || value == expected {
                close(index)
                expected = value + 1
            }
            if fragment.endsRow { close(index + 1) }
            index += 1
        }
        close(nextHeader?.headings.lowerBound ?? fragments.count)
        let aligner = RowAligner(slots: header.slots, fragments: fragments, layout: layout)
        var rows: [RecoveredTable.Row] = []
        for chunk in chunks {
            rows += split(chunk, aligner: aligner, leafCount: header.leafCount, layout: layout)
        }
        return (RecoveredTable(header: header, headings: headings, rows: rows, repeatedHeaders: repeated), nextHeader)
    }

    /// Splits a stretch of fragments into rows: the split whose rows fit the columns best, each new row costing a little.
    private static func split(_ chunk: Range<Int>, aligner: RowAligner, leafCount: Int,
                              layout: TextLayout) -> [RecoveredTable.Row] {
        let fragments = aligner.fragments
        let longest = layout == .pipes ? leafCount + 6 : leafCount + 14
        let count = chunk.count
        var best = [Double](repeating: -.infinity, count: count + 1)
        var choice = [(from: Int, row: RecoveredTable.Row)?](repeating: nil, count: count + 1)
        best[0] = 0
        for from in 0..<count where best[from] > -.infinity {
            // Rows start on a new line; a row starting mid-line is unlikely in every layout.
            let boundary = from == 0 || fragments[chunk.lowerBound + from].startsLine ? 0 : -1.5
            let placements = aligner.alignPrefixes(from: chunk.lowerBound + from, upTo: min(longest, count - from))
            for length in stride(from: 1, through: placements.longest, by: 1) {
                guard let (row, rival) = placements.result(length: length) else { continue }
                let end = from + length
                let total = best[from] + row.score - rowCost + boundary
                if total > best[end] {
                    best[end] = total
                    let close = rival.flatMap { row.score - $0.score < doubtMargin ? $0 : nil }
                    choice[end] = (from, RecoveredTable.Row(alignment: row, rival: close))
                }
            }
        }
        guard best[count] > -.infinity else { return [] }
        var rows: [RecoveredTable.Row] = []
        var end = count
        while end > 0, let (from, row) = choice[end] {
            rows.append(row)
            end = from
        }
        return rows.reversed()
    }
}
