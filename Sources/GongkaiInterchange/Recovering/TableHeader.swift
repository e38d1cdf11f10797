import GongkaiCore

/// One mark column (√ or blank) under a header group: 全社会/特定群体, 主动/依申请, 县级/乡级, 决策/…/结果.
struct MarkColumn: Equatable, Sendable {
    enum Family: Int, Sendable { case audience, mode, tier, stage }
    var family: Family
    var label: String
    var audience: Audience? = nil
    var mode: Mode? = nil
    var stage: Stage? = nil
}

/// A column of the recovered table, or a run of columns that text copies blur together
/// (the levels of 公开事项; the mark columns, whose empty cells are often lost).
enum Slot: Equatable, Sendable {
    case sequence
    /// The 公开事项 levels; `declared` when a second header row names them (一级事项, 二级事项 …).
    case path(levels: Int, declared: Bool)
    case field(Field)
    case marks([MarkColumn])
    /// A column kept in the remarks as "label：value".
    case extra(String)
    /// A column whose label was lost; its role is chosen by what its cells look like.
    case unknown(String)
    /// Empty cells after the last column (a page padding its rows): taken at no cost, read as nothing.
    case padding

    var label: String {
        switch self {
        case .sequence: "序号"
        case .path: "公开事项"
        case .field(let field): field.label
        case .marks(let columns): columns.map(\.label).joined(separator: "/")
        case .extra(let label): label
        case .unknown(let label): "“\(label)”（表头不全）"
        case .padding: "（行尾空白格）"
        }
    }
}

/// The header of a table copied as text: where it starts and ends among the fragments, and its columns.
struct TableHeader: Sendable {
    var start: Int
    var end: Int
    var slots: [Slot]
    /// The compact texts of the header's cells, to recognise the header where a page repeats it.
    var signature: [String]
    /// What the reader inferred about the header, for the import's diagnostics.
    var notes: [String]

    var leafCount: Int {
        slots.reduce(0) { count, slot in
            switch slot {
            case .path(let levels, _): count + levels
            case .marks(let columns): count + columns.count
            case .padding: count
            default: count + 1
            }
        }
    }

    /// Finds the first run of fragments that reads as a catalog header: at least three strong labels close together.
    static func find(in fragments: [TextFragment], from: Int = 0) -> TableHeader? {
        var index = from
        while index < fragments.count {
            defer { index += 1 }
            guard let (first, _) = label(at: index, in: fragments), first.isStrong else { continue }
            var strong = 0
            var probe = index
            var seen = 0
            while probe < fragments.count, seen < 10 {
                if let (label, used) = label(at: probe, in: fragments) {
                    if label.isStrong { strong += 1 }
                    probe += used
                } else {
                    probe += 1
                }
                seen += 1
            }
            guard strong >= 3 else { continue }
            // Labels that are no header by themselves (类别) may open it.
            var start = index
            while start > from, !fragments[start - 1].endsRow, let (label, used) = label(at: start - 1, in: fragments), used == 1,
                  !label.isSubLabel {
                start -= 1
            }
            return read(fragments, start: start)
        }
        return nil
    }

    /// Second halves of labels that a copy split into two cells or paragraphs ("一级" / "事项", "特定" / "群众").
    private static let labelTails: Set<String> = ["事项", "指标", "目录", "群众", "群体", "对象", "请", "请公开", "公开", "会", "开",
                                                  "时限", "主体", "方式", "层级", "依据", "内容", "渠道", "载体"]

    /// The label starting at `index`: the fragment alone, or joined with the next one or two where the fragment
    /// alone is no label ("公开" / "时限") or a label's first half ("一级" / "事项").
    static func label(at index: Int, in fragments: [TextFragment]) -> (HeaderLabel, Int)? {
        let alone = HeaderLabel.recognize(fragments[index].compact)
        var incomplete = true
        if let alone {
            if case .lost = alone { incomplete = true } else { incomplete = false }
        }
        var best: (HeaderLabel, Int)? = alone.map { ($0, 1) }
        var joined = fragments[index].compact
        for count in 2...3 where index + count - 1 < fragments.count {
            let fragment = fragments[index + count - 1]
            if fragment.isBlank || fragments[index + count - 2].endsRow { break }
            guard incomplete || labelTails.contains(fragment.compact) else { break }
            // A whole label of its own is the next column, not the rest of this one.
            if !labelTails.contains(fragment.compact), HeaderLabel.recognize(fragment.compact)?.isStrong == true { break }
            joined += fragment.compact
            if let label = HeaderLabel.recognize(joined, longNames: false) {
                if case .lost = label { continue }
                best = (label, count)
            }
        }
        return best
    }

    /// A short cell that no template names, between two labels of the header ("公开属性说明"): a column of its own,
    /// kept in the remarks, rather than the end of the header.
    private static func unknownLabel(at index: Int, in fragments: [TextFragment], after previous: TextFragment?) -> (HeaderLabel, Int)? {
        let fragment = fragments[index]
        let text = fragment.compact
        guard (2...12).contains(text.count), !CellFit.isSequence(text), !CellFit.isMark(text),
              !text.contains(where: { CellFit.boxGlyphs.contains($0) }) else { return nil }
        var next = index + 1
        while next < fragments.count, fragments[next].isBlank { next += 1 }
        let beforeLabel = next < fragments.count && label(at: next, in: fragments).map { $0.0.isStrong } == true
        // The header row's last cell: on the line of the label before it, or closing the row.
        let closesHeaderRow = previous.map { !$0.endsRow && ($0.last == fragment.first && !fragment.startsLine || fragment.endsRow) } ?? false
        guard beforeLabel || closesHeaderRow else { return nil }
        return (.extra(HeaderLabel.normalize(text)), 1)
    }

    private static func isExplanation(_ fragment: TextFragment) -> Bool {
        let text = fragment.compact
        return (text.hasPrefix("(") || text.hasPrefix("（")) && (text.hasSuffix(")") || text.hasSuffix("）"))
    }

    private static func read(_ fragments: [TextFragment], start: Int) -> TableHeader {
        var labels: [HeaderLabel] = []
        var signature: [String] = []
        var index = start
        while index < fragments.count {
            let fragment = fragments[index]
            if fragment.isBlank || isExplanation(fragment) { index += 1; continue }
            guard let (label, used) = label(at: index, in: fragments)
                    ?? unknownLabel(at: index, in: fragments, after: index > start ? fragments[index - 1] : nil) else { break }
            // A data row starting with a name that is also a label ("全社会") follows a complete header.
            labels.append(label)
            signature.append((index..<index + used).map { fragments[$0].compact }.joined())
            index += used
        }
        var notes: [String] = []
        let slots = columns(labels, notes: &notes)
        return TableHeader(start: start, end: index, slots: slots, signature: signature, notes: notes)
    }

    /// The columns of a one- or two-row header: sub-labels (一级事项, 全社会, 主动 …) go under the group of the
    /// first row they belong to, in order.
    static func columns(_ labels: [HeaderLabel], notes: inout [String]) -> [Slot] {
        var tops: [HeaderLabel] = []
        var subs: [HeaderLabel] = []
        for label in labels {
            if !subs.isEmpty || (label.isSubLabel && tops.contains { label.belongs(under: $0) }) {
                if label.isSubLabel { subs.append(label) }
            } else {
                tops.append(label)
            }
        }
        var remaining = subs[...]
        func take(under group: HeaderLabel) -> [HeaderLabel] {
            var taken: [HeaderLabel] = []
            while let next = remaining.first, next.belongs(under: group) {
                taken.append(next)
                remaining.removeFirst()
            }
            return taken
        }
        var slots: [Slot] = []
        var categoryLevels = 0
        for (position, top) in tops.enumerated() {
            switch top {
            case .sequence: slots.append(.sequence)
            case .category(let label):
                if position + 1 < tops.count, tops[position + 1] == .items { categoryLevels += 1 }
                else { slots.append(.extra(label)) }
            case .items:
                let levels = take(under: .items).count
                slots.append(.path(levels: max(levels, 1) + categoryLevels, declared: levels > 0))
                categoryLevels = 0
            case .level:
                if case .path(let levels, _)? = slots.last { slots[slots.count - 1] = .path(levels: levels + 1, declared: true) }
                else { slots.append(.path(levels: 1, declared: true)) }
            case .audienceGroup, .modeGroup, .tierGroup, .stageGroup, .attribute:
                let marks = take(under: top).compactMap(markColumn)
                if !marks.isEmpty { slots.append(.marks(marks)) }
                else {
                    switch top {
                    case .audienceGroup: slots.append(.field(.audience))
                    case .modeGroup: slots.append(.field(.mode))
                    case .tierGroup: slots.append(.field(.tier))
                    default: slots.append(.field(.stage))
                    }
                }
            case .audience, .mode, .tier, .stage:
                if let mark = markColumn(top) { slots.append(.marks([mark])) }
            case .content: slots.append(.field(.content))
            case .basis: slots.append(.field(.legalBasis))
            case .deadline: slots.append(.field(.deadline))
            case .publisher: slots.append(.field(.publisher))
            case .responsible: slots.append(.field(.responsible))
            case .channel: slots.append(.field(.channel))
            case .extra("更新频率"): slots.append(.field(.updateFrequency))
            case .extra(let label): slots.append(.extra(label))
            case .lost(let label):
                slots.append(.unknown(label))
            }
        }
        // Adjacent mark groups are one run: their empty cells are lost together.
        var merged: [Slot] = []
        for slot in slots {
            if case .marks(let more) = slot, case .marks(let earlier)? = merged.last {
                merged[merged.count - 1] = .marks(earlier + more)
            } else {
                merged.append(slot)
            }
        }
        merged.append(.padding)
        if !slots.contains(where: { if case .path = $0 { true } else { false } }) {
            notes.append("表头没有“公开事项”列")
        }
        return merged
    }

    private static func markColumn(_ label: HeaderLabel) -> MarkColumn? {
        switch label {
        case .audience(let audience): MarkColumn(family: .audience, label: audience.label, audience: audience)
        case .mode(let mode): MarkColumn(family: .mode, label: mode.label, mode: mode)
        case .tier(let text): MarkColumn(family: .tier, label: text)
        case .stage(let stage): MarkColumn(family: .stage, label: stage.label, stage: stage)
        default: nil
        }
    }
}
