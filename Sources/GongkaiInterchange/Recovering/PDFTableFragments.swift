/// Cells of a table in a text PDF, recovered from where its words sit: columns start where many words start
/// (cell text is left-aligned), rows are bands of lines closer to each other than to the next band (a cell's
/// lines are tight, the padding between rows is not). Each band becomes a row of fragments, one per column,
/// ending the row, for `TableRecovery`.
enum PDFTableFragments {
    /// Page numbers and running titles in the top and bottom margins.
    private static let margin = 0.06

    static func fragments(_ words: [PDFWord], pageHeights: [Double]) -> [TextFragment] {
        let words = words.filter { word in
            guard word.page < pageHeights.count else { return true }
            let height = pageHeights[word.page]
            return word.yMin > height * margin && word.yMax < height * (1 - margin) || !isChrome(word.text)
        }
        guard !words.isEmpty else { return [] }
        let bands = rowBands(words)
        let columns = columnStarts(words, bands: bands)
        var fragments: [TextFragment] = []
        for (number, band) in bands.enumerated() {
            var cells = [[PDFWord]](repeating: [], count: columns.count)
            for word in band { cells[column(of: word, in: columns)].append(word) }
            if let header = headerFragments(cells, line: number + 1) {
                fragments += header
                continue
            }
            // Text before the table (a title) spans columns: a band with one cell is kept as one fragment.
            let used = cells.filter { !$0.isEmpty }
            if used.count == 1 && number == 0 || used.isEmpty {
                if let only = used.first { fragments.append(fragment(only, line: number + 1, startsLine: true, endsRow: true)) }
                continue
            }
            for (index, cell) in cells.enumerated() {
                fragments.append(fragment(cell, line: number + 1, startsLine: index == 0, endsRow: index == cells.count - 1))
            }
        }
        return fragments
    }

    /// A header band holds both header rows where merged cells keep them together (公开事项 over 一级事项): each
    /// column's lines are cut into labels (a label's own lines are joined: 公开内 / 容（要 / 素）), then the
    /// first-row labels follow each other left to right, and the sub-labels after them.
    private static func headerFragments(_ cells: [[PDFWord]], line: Int) -> [TextFragment]? {
        var tops: [(x: Double, text: String)] = []
        var subs: [(x: Double, text: String, label: HeaderLabel)] = []
        var strong = 0
        for cell in cells where !cell.isEmpty {
            let lines = visualLines(cell)
            var index = 0
            while index < lines.count {
                var matched = false
                for end in stride(from: min(index + 3, lines.count), to: index, by: -1) {
                    let text = lines[index..<end].map(\.text).joined()
                    guard let label = HeaderLabel.recognize(text) else { continue }
                    if label.isStrong { strong += 1 }
                    if label.isSubLabel { subs.append((lines[index].x, text, label)) } else { tops.append((lines[index].x, text)) }
                    index = end
                    matched = true
                    break
                }
                if !matched { index += 1 }
            }
        }
        guard strong >= 3 else { return nil }
        let groups = tops.compactMap { HeaderLabel.recognize($0.text) }
        var ordered = tops
        var after: [(x: Double, text: String)] = []
        for sub in subs {
            if groups.contains(where: { sub.label.belongs(under: $0) }) { after.append((sub.x, sub.text)) }
            else { ordered.append((sub.x, sub.text)) }
        }
        let texts = ordered.sorted { $0.x < $1.x }.map(\.text) + after.sorted { $0.x < $1.x }.map(\.text)
        return texts.enumerated().map { index, text in
            TextFragment(text: text, first: line, last: line, startsLine: index == 0, endsRow: index == texts.count - 1)
        }
    }

    /// The lines of a cell, top to bottom, each with its left edge and text.
    private static func visualLines(_ words: [PDFWord]) -> [(x: Double, text: String)] {
        var lines: [[PDFWord]] = []
        for word in words.sorted(by: { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }) {
            if let last = lines.last?.first, abs(last.yMin - word.yMin) < (word.yMax - word.yMin) / 2 { lines[lines.count - 1].append(word) }
            else { lines.append([word]) }
        }
        return lines.map { line in (line.map(\.xMin).min() ?? 0, line.map(\.text).joined()) }
    }

    private static func isChrome(_ text: String) -> Bool {
        text.count <= 12 && (text.allSatisfy { $0.isNumber || "-—第页共/ ".contains($0) })
    }

    private static func fragment(_ words: [PDFWord], line: Int, startsLine: Bool, endsRow: Bool) -> TextFragment {
        let ordered = words.sorted { ($0.yMin.rounded(), $0.xMin) < ($1.yMin.rounded(), $1.xMin) }
        var text = ""
        var previous: PDFWord?
        for word in ordered {
            if let previous {
                let sameLine = abs(previous.yMin - word.yMin) < (word.yMax - word.yMin) / 2
                let asciiJoin = previous.text.last.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
                    && word.text.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
                // Wrapped lines of a cell join without a break: the break is the PDF's, not the author's.
                if sameLine || asciiJoin { text += " " }
            }
            text += word.text
            previous = word
        }
        return TextFragment(text: text, first: line, last: line, startsLine: startsLine, endsRow: endsRow)
    }

    /// Bands of words whose lines follow each other closely; a wider gap starts the next row.
    private static func rowBands(_ words: [PDFWord]) -> [[PDFWord]] {
        let heights = words.map { $0.yMax - $0.yMin }.sorted()
        let lineHeight = heights[heights.count / 2]
        let sorted = words.sorted { ($0.page, $0.yMin) < ($1.page, $1.yMin) }
        var bands: [[PDFWord]] = []
        var bottom = -Double.infinity
        var page = -1
        for word in sorted {
            if word.page != page || word.yMin - bottom > lineHeight * 0.45 {
                bands.append([])
                bottom = word.yMax
                page = word.page
            }
            bands[bands.count - 1].append(word)
            bottom = max(bottom, word.yMax)
        }
        return bands
    }

    /// Left edges of the columns: x positions where words of several bands start. Two edges that never hold
    /// words in the same band are one column (a centred mark under a left-aligned label).
    private static func columnStarts(_ words: [PDFWord], bands: [[PDFWord]]) -> [Double] {
        let tolerance = 2.5
        // Only words that start a line of text mark a column: "20" after "之日起 " does not.
        let starters = words.filter { word in
            let height = word.yMax - word.yMin
            return !words.contains { other in
                other.page == word.page && abs(other.yMin - word.yMin) < height / 2 && other.xMax <= word.xMin + 0.5
                    && word.xMin - other.xMax < height * 0.6
            }
        }
        var clusters: [(start: Double, count: Int)] = []
        for x in starters.map(\.xMin).sorted() {
            if let last = clusters.last, x - last.start <= tolerance { clusters[clusters.count - 1].count += 1 }
            else { clusters.append((x, 1)) }
        }
        var starts = clusters.filter { $0.count >= 2 }.map(\.start)
        if starts.isEmpty { starts = [clusters.first?.start ?? 0] }
        func bandsHolding(_ index: Int) -> Set<Int> {
            var holding = Set<Int>()
            for (number, band) in bands.enumerated() where band.contains(where: { column(of: $0, in: starts) == index }) {
                holding.insert(number)
            }
            return holding
        }
        var index = 1
        while index < starts.count {
            if bandsHolding(index - 1).isDisjoint(with: bandsHolding(index)) { starts.remove(at: index) }
            else { index += 1 }
        }
        return starts
    }

    private static func column(of word: PDFWord, in starts: [Double]) -> Int {
        max((starts.lastIndex { $0 <= word.xMin + 1 }) ?? 0, 0)
    }
}
