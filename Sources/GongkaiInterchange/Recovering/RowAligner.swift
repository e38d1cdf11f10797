import GongkaiCore

/// Which fragments of a row each slot took: a range per slot, empty where the row has no cell for it
/// (merged from the row above, or lost with the empty cells around it).
struct RowAlignment: Sendable {
    var ranges: [Range<Int>]
    var score: Double
}

/// Places a row's fragments into the table's slots by dynamic programming: every slot takes a run of
/// consecutive fragments (none, one, or several where a cell was split), scored by how well the text fits
/// the slot's role. The two best placements are kept, so a close second is reported as a doubt.
final class RowAligner {
    let slots: [Slot]
    let fragments: [TextFragment]
    let layout: TextLayout
    /// Roles a column whose label was lost may take: those the header does not have.
    let lostRoles: [Field]
    private static let widest = 16
    /// Joined texts and fits of runs of fragments, by start and length (and field): arrays, as the aligner asks
    /// for the same runs many times over.
    private var joinedCache: [String?]
    private var fitCache: [Double]

    init(slots: [Slot], fragments: [TextFragment], layout: TextLayout) {
        self.slots = slots
        self.fragments = fragments
        self.layout = layout
        let present = Set(slots.compactMap { if case .field(let field) = $0 { field } else { nil } })
        lostRoles = CellFit.lostRoles.filter { !present.contains($0) }
        joinedCache = [String?](repeating: nil, count: fragments.count * (Self.widest + 1))
        fitCache = [Double](repeating: .nan, count: fragments.count * (Self.widest + 1) * Field.allCases.count)
    }

    /// The text of fragments `start..<start+count` as one cell.
    func joined(_ start: Int, _ count: Int) -> String {
        let key = start * (Self.widest + 1) + count
        if let text = joinedCache[key] { return text }
        var text = ""
        for index in start..<(start + count) {
            let fragment = fragments[index]
            if index > start {
                text += layout == .spaced && !fragment.startsLine ? " " : "\n"
            }
            text += fragment.text
        }
        joinedCache[key] = text
        return text
    }

    func fit(_ field: Field, _ start: Int, _ count: Int) -> Double {
        let key = (start * (Self.widest + 1) + count) * Field.allCases.count + field.index
        let cached = fitCache[key]
        if !cached.isNaN { return cached }
        let score = CellFit.fit(field, joined(start, count))
        fitCache[key] = score
        return score
    }

    private func maxCount(_ slot: Slot) -> Int {
        switch slot {
        case .sequence: return 1
        case .path(let levels, let declared): return declared ? levels : max(levels, 2)
        case .marks(let columns): return columns.count
        case .padding: return 8
        case .unknown, .field(.content), .field(.legalBasis), .field(.channel):
            return layout == .pipes ? 4 : (layout == .spaced ? 12 : 10)
        default: return layout == .pipes ? 3 : 5
        }
    }

    private func mergePenalty(_ slot: Slot) -> Double {
        switch (layout, slot) {
        case (.pipes, .field(.content)), (.pipes, .field(.legalBasis)): -1.2
        case (.pipes, _): -1.8
        case (_, .field(.channel)): -0.05
        case (.paragraphs, .field(.content)), (.paragraphs, .field(.legalBasis)): -0.15
        case (.spaced, .field(.content)), (.spaced, .field(.legalBasis)): -0.5
        default: -0.9
        }
    }

    private func skipPenalty(_ slot: Slot) -> Double {
        switch slot {
        case .sequence: -0.6
        case .path: -0.8
        case .marks: -0.2
        case .extra: -0.3
        case .unknown: -1.2
        case .padding: 0
        case .field(let field):
            switch field {
            case .content: -2
            case .legalBasis, .deadline, .publisher, .responsible, .channel: -1.4
            default: -0.5
            }
        }
    }

    /// The score of slot `slot` taking `count` fragments from `start`; nil where it cannot take them.
    func score(_ slot: Slot, _ start: Int, _ count: Int) -> Double? {
        if count == 0 { return skipPenalty(slot) }
        let merges = Double(count - 1) * mergePenalty(slot)
        switch slot {
        case .sequence:
            return CellFit.isSequence(fragments[start].compact) ? 2.5 : (fragments[start].isBlank ? -0.8 : -3)
        case .path(_, let declared):
            var total = 0.0
            var named = false
            for index in start..<(start + count) {
                let compact = fragments[index].compact
                if !compact.isEmpty { named = true }
                total += CellFit.name(compact)
            }
            guard named else { return count == 1 ? -0.5 : nil }
            return total + (declared ? 0 : Double(count - 1) * -0.3)
        case .marks:
            var total = 0.0
            for index in start..<(start + count) {
                let compact = fragments[index].compact
                if compact.isEmpty { total += 0.2 }
                else if CellFit.isMark(compact) { total += 1.5 }
                else { return nil }
            }
            return total
        case .padding:
            return (start..<(start + count)).allSatisfy { fragments[$0].isBlank } ? -0.05 * Double(count) : nil
        case .extra:
            let compact = joined(start, count).filter { !$0.isWhitespace }
            if CellFit.isMark(compact) { return -2 }
            return (compact.isEmpty ? 0.1 : 0) + merges
        case .unknown:
            let best = lostRoles.map { fit($0, start, count) }.max() ?? 0
            return best + merges
        case .field(let field):
            return fit(field, start, count) + merges + piecePenalty(field, start, count)
        }
    }

    /// A cell split into pieces reads like its column piece by piece: a 依据 paragraph cites a law, a channel
    /// piece names a channel (with its box, where the cell uses boxes). Content is free text and exempt.
    private func piecePenalty(_ field: Field, _ start: Int, _ count: Int) -> Double {
        guard count > 1, field != .content, field != .remarks else { return 0 }
        let boxed = field == .channel && (start..<(start + count)).contains { index in
            fragments[index].text.contains { CellFit.boxGlyphs.contains($0) }
        }
        var penalty = 0.0
        for index in start..<(start + count) {
            if boxed {
                if !fragments[index].text.contains(where: { CellFit.boxGlyphs.contains($0) || $0 == "口" }) { penalty -= 2.5 }
            } else if fit(field, index, 1) < 0 {
                penalty -= 1.0
            }
        }
        return penalty
    }

    fileprivate struct Entry {
        var score: Double
        var from: Int
        var count: Int
        /// Which of the two entries at the previous state this one continues.
        var rank: Int
    }

    /// The best and second-best placement of fragments `range` into the slots; nil when none exists.
    func align(_ range: Range<Int>) -> (best: RowAlignment, second: RowAlignment?)? {
        alignPrefixes(from: range.lowerBound, upTo: range.count).result(length: range.count)
    }

    /// Placements of every run of fragments starting at `start`, up to `longest` of them, in one pass:
    /// the table's last slot row holds the best placements of each length.
    func alignPrefixes(from start: Int, upTo longest: Int) -> Placements {
        let m = min(longest, fragments.count - start)
        let n = slots.count
        var table = [[[Entry]]](repeating: [[Entry]](repeating: [], count: m + 1), count: n + 1)
        table[0][0] = [Entry(score: 0, from: 0, count: 0, rank: 0)]
        for a in 0..<n {
            let slot = slots[a]
            let limit = maxCount(slot)
            for b in 0...m where !table[a][b].isEmpty {
                for k in 0...min(limit, m - b) {
                    guard let gain = score(slot, start + b, k) else { continue }
                    for (rank, entry) in table[a][b].enumerated() {
                        insert(Entry(score: entry.score + gain, from: b, count: k, rank: rank), into: &table[a + 1][b + k])
                    }
                }
            }
        }
        return Placements(table: table, start: start)
    }

    struct Placements {
        fileprivate let table: [[[Entry]]]
        let start: Int

        var longest: Int { table[0].count - 1 }

        func result(length m: Int) -> (best: RowAlignment, second: RowAlignment?)? {
            let n = table.count - 1
            guard m <= longest else { return nil }
            let finals = table[n][m]
            guard !finals.isEmpty else { return nil }
            func trace(_ rank: Int) -> RowAlignment {
                var ranges = [Range<Int>](repeating: 0..<0, count: n)
                var b = m
                var r = rank
                for a in stride(from: n, to: 0, by: -1) {
                    let entry = table[a][b][r]
                    let first = start + entry.from
                    ranges[a - 1] = first..<(first + entry.count)
                    b = entry.from
                    r = entry.rank
                }
                return RowAlignment(ranges: ranges, score: finals[rank].score)
            }
            return (trace(0), finals.count > 1 ? trace(1) : nil)
        }
    }

    private func insert(_ entry: Entry, into entries: inout [Entry]) {
        if entries.isEmpty { entries = [entry]; return }
        if entry.score > entries[0].score {
            entries.insert(entry, at: 0)
            if entries.count > 2 { entries.removeLast() }
        } else if entries.count < 2 {
            entries.append(entry)
        } else if entry.score > entries[1].score {
            entries[1] = entry
        }
    }
}
