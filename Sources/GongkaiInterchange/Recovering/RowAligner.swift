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
    private var featureCache: [CellFit.Features?]
    /// What each fragment is on its own, worked out once: the aligner looks at every fragment many times.
    private let compact: [String]
    private let blank: [Bool]
    private let mark: [Bool]
    private let sequence: [Bool]
    private let boxed: [Bool]
    private let nameFit: [Double]
    /// Display width of each fragment (a CJK character counts two, as a column wraps by width).
    private let width: [Int]

    init(slots: [Slot], fragments: [TextFragment], layout: TextLayout) {
        self.slots = slots
        self.fragments = fragments
        self.layout = layout
        let present = Set(slots.compactMap { if case .field(let field) = $0 { field } else { nil } })
        lostRoles = CellFit.lostRoles.filter { !present.contains($0) }
        joinedCache = [String?](repeating: nil, count: fragments.count * (Self.widest + 1))
        fitCache = [Double](repeating: .nan, count: fragments.count * (Self.widest + 1) * Field.allCases.count)
        featureCache = [CellFit.Features?](repeating: nil, count: fragments.count * (Self.widest + 1))
        compact = fragments.map(\.compact)
        blank = compact.map(\.isEmpty)
        mark = compact.map(CellFit.isMark)
        sequence = compact.map(CellFit.isSequence)
        boxed = fragments.map { $0.text.unicodeScalars.contains { CellFit.boxScalars.contains($0) } }
        nameFit = compact.map(CellFit.name)
        width = compact.map { text in text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } }
    }

    /// Pieces of one cell that a narrow column wrapped ("自信息形 / 成或者变 / 更之日起 / 20个工作 / 日内"): every piece
    /// but the last as wide as the column, the last no wider.
    private func isWrapped(_ start: Int, _ count: Int) -> Bool {
        guard count >= 2, layout != .pipes else { return false }
        let full = width[start]
        guard (4...16).contains(full) else { return false }
        for index in start..<(start + count - 1) where abs(width[index] - full) > 1 { return false }
        return width[start + count - 1] <= full + 1
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
        let run = start * (Self.widest + 1) + count
        if featureCache[run] == nil { featureCache[run] = CellFit.Features(joined(start, count)) }
        let score = CellFit.fit(field, featureCache[run]!)
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
            return layout == .pipes || layout == .tabbed ? 4 : (layout == .spaced ? 12 : 10)
        default: return layout == .pipes || layout == .tabbed ? 3 : 5
        }
    }

    private func mergePenalty(_ slot: Slot) -> Double {
        switch (layout, slot) {
        case (.pipes, .field(.content)), (.pipes, .field(.legalBasis)), (.tabbed, .field(.content)), (.tabbed, .field(.legalBasis)): -1.2
        case (.pipes, _), (.tabbed, _): -1.8
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
        // Joining across a soft line break (the rest of a cell on the next line) is cheap.
        var merges = 0.0
        for index in (start + 1)..<(start + count) { merges += fragments[index].softStart ? -0.3 : mergePenalty(slot) }
        switch slot {
        case .sequence:
            return sequence[start] ? 2.5 : (blank[start] ? -0.8 : -3)
        case .path(_, let declared):
            var total = 0.0
            var named = false
            for index in start..<(start + count) {
                if !blank[index] { named = true }
                total += nameFit[index]
            }
            guard named else { return count == 1 ? -0.5 : nil }
            return total + (declared ? 0 : Double(count - 1) * -0.3)
        case .marks:
            var total = 0.0
            for index in start..<(start + count) {
                if blank[index] { total += 0.2 }
                else if mark[index] { total += 1.5 }
                else { return nil }
            }
            return total
        case .padding:
            return (start..<(start + count)).allSatisfy { blank[$0] } ? -0.05 * Double(count) : nil
        case .extra:
            if count == 1 { return mark[start] ? -2 : (blank[start] ? 0.1 : 0) }
            return merges
        case .unknown:
            let best = lostRoles.map { fit($0, start, count) }.max() ?? 0
            return best + merges
        case .field(let field):
            if isWrapped(start, count) { return fit(field, start, count) - 0.1 * Double(count - 1) }
            return fit(field, start, count) + merges + piecePenalty(field, start, count)
        }
    }

    /// A cell split into pieces reads like its column piece by piece: a 依据 paragraph cites a law, a channel
    /// piece names a channel (with its box, where the cell uses boxes). Content is free text and exempt.
    private func piecePenalty(_ field: Field, _ start: Int, _ count: Int) -> Double {
        guard count > 1, field != .content, field != .remarks else { return 0 }
        let usesBoxes = field == .channel && (start..<(start + count)).contains { boxed[$0] }
        var penalty = 0.0
        for index in start..<(start + count) {
            if usesBoxes {
                if !boxed[index] && !compact[index].hasPrefix("口") { penalty -= 2.5 }
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

        static let none = Entry(score: -.infinity, from: 0, count: 0, rank: 0)
        var exists: Bool { score > -.infinity }
    }

    /// The best and second-best placement of fragments `range` into the slots; nil when none exists.
    func align(_ range: Range<Int>) -> (best: RowAlignment, second: RowAlignment?)? {
        alignPrefixes(from: range.lowerBound, upTo: range.count).result(length: range.count)
    }

    /// Placements of every run of fragments starting at `start`, up to `longest` of them, in one pass:
    /// the table's last slot row holds the best placements of each length. The table is flat, two entries
    /// (best and runner-up) per state: slot a, fragments b at index ((a * (m + 1)) + b) * 2.
    func alignPrefixes(from start: Int, upTo longest: Int) -> Placements {
        let m = min(longest, fragments.count - start)
        let n = slots.count
        var table = [Entry](repeating: .none, count: (n + 1) * (m + 1) * 2)
        table[0] = Entry(score: 0, from: 0, count: 0, rank: 0)
        for a in 0..<n {
            let slot = slots[a]
            let limit = maxCount(slot)
            for b in 0...m where table[(a * (m + 1) + b) * 2].exists {
                let here = (a * (m + 1) + b) * 2
                for k in 0...min(limit, m - b) {
                    guard let gain = score(slot, start + b, k) else { continue }
                    let there = ((a + 1) * (m + 1) + b + k) * 2
                    for rank in 0..<2 where table[here + rank].exists {
                        let candidate = Entry(score: table[here + rank].score + gain, from: b, count: k, rank: rank)
                        if candidate.score > table[there].score {
                            table[there + 1] = table[there]
                            table[there] = candidate
                        } else if candidate.score > table[there + 1].score {
                            table[there + 1] = candidate
                        }
                    }
                }
            }
        }
        return Placements(table: table, start: start, slots: n, longest: m)
    }

    struct Placements {
        fileprivate let table: [Entry]
        let start: Int
        let slots: Int
        let longest: Int

        private func entry(_ a: Int, _ b: Int, _ rank: Int) -> Entry { table[(a * (longest + 1) + b) * 2 + rank] }

        func result(length m: Int) -> (best: RowAlignment, second: RowAlignment?)? {
            let n = slots
            guard m <= longest, entry(n, m, 0).exists else { return nil }
            func trace(_ rank: Int) -> RowAlignment {
                var ranges = [Range<Int>](repeating: 0..<0, count: n)
                var b = m
                var r = rank
                for a in stride(from: n, to: 0, by: -1) {
                    let step = entry(a, b, r)
                    let first = start + step.from
                    ranges[a - 1] = first..<(first + step.count)
                    b = step.from
                    r = step.rank
                }
                return RowAlignment(ranges: ranges, score: entry(n, m, rank).score)
            }
            return (trace(0), entry(n, m, 1).exists ? trace(1) : nil)
        }
    }
}
