import Foundation
import GongkaiCore

/// Turns recovered rows into row records: cells cleaned, the path completed from the rows above, merged
/// cells carried down, marks placed in their columns, and every placement the reader is unsure of marked
/// 存疑 on the row.
struct RecoveredRecords {
    let table: RecoveredTable
    let fragments: [TextFragment]
    let layout: TextLayout
    /// Roles chosen for columns whose label was lost, by slot index.
    private(set) var lostRoles: [Int: Field] = [:]
    /// How a doubt about a cell that does not fit its column ends: the column's role was a guess.
    static let misplaced = "可能错列"

    init(table: RecoveredTable, fragments: [TextFragment], layout: TextLayout) {
        self.table = table
        self.fragments = fragments
        self.layout = layout
        lostRoles = Self.chooseLostRoles(table, fragments: fragments, layout: layout)
    }

    var depth: Int {
        let counts = table.rows.map { row in shownNames(row.alignment).names.count }
        return max(counts.max() ?? 1, 1)
    }

    private var declaredLevels: Int {
        for slot in table.header.slots { if case .path(let levels, true) = slot { return levels } }
        return 1
    }

    /// The names a row shows, top level first. One cell holding "一级/二级" (政府信息公开/依申请公开) under a
    /// header with both levels is two levels; `split` says so, for a doubt.
    func shownNames(_ alignment: RowAlignment) -> (names: [NameCell], split: String?) {
        let texts = pathFragments(alignment).filter { !fragments[$0].isBlank }.map { fragments[$0].text }
        if texts.count == 1, declaredLevels >= 2 {
            let parts = texts[0].split(whereSeparator: { $0 == "/" || $0 == "／" }).map { $0.filter { !$0.isWhitespace } }
            if parts.count == 2, parts.allSatisfy({ (2...20).contains($0.count) }) {
                return (parts.map { NameCell.recovered($0) }, texts[0].trimmed)
            }
        }
        return (texts.map(NameCell.recovered), nil)
    }

    func pathFragments(_ alignment: RowAlignment) -> Range<Int> {
        guard let slot = table.header.slots.firstIndex(where: { if case .path = $0 { true } else { false } }) else { return 0..<0 }
        return alignment.ranges[slot]
    }

    /// Each lost label takes the role its cells fit best among the roles the header lacks.
    private static func chooseLostRoles(_ table: RecoveredTable, fragments: [TextFragment], layout: TextLayout) -> [Int: Field] {
        let present = Set(table.header.slots.compactMap { if case .field(let field) = $0 { field } else { nil } })
        var available = CellFit.lostRoles.filter { !present.contains($0) }
        var chosen: [Int: Field] = [:]
        for (index, slot) in table.header.slots.enumerated() {
            guard case .unknown = slot else { continue }
            let texts = table.rows.map { row in row.alignment.ranges[index].map { fragments[$0].text }.joined(separator: "\n") }
            let best = available.max { a, b in
                texts.reduce(0) { $0 + CellFit.fit(a, $1) } < texts.reduce(0) { $0 + CellFit.fit(b, $1) }
            }
            if let best {
                chosen[index] = best
                available.removeAll { $0 == best }
            }
        }
        return chosen
    }

    func records(diagnostics: inout [ImportDiagnostic]) -> [LevelResolver.Resolved] {
        let slots = table.header.slots
        let depth = self.depth
        let fullLength = table.rows.filter { row in
            pathFragments(row.alignment).filter { !fragments[$0].isBlank }.count == depth
        }.map { $0.alignment.ranges.reduce(0) { $0 + $1.count } }.max() ?? 0
        var result: [LevelResolver.Resolved] = []
        var previousPath: [NameCell] = []
        var previousPathIsShown = true
        var previousValues: [Field: String] = [:]
        var previousMarks: [Int: [String]] = [:]
        for row in table.rows {
            let alignment = row.alignment
            let all = alignment.ranges.filter { !$0.isEmpty }
            let first = all.first.map { fragments[$0.lowerBound].first } ?? 0
            let last = all.last.map { fragments[$0.upperBound - 1].last } ?? first
            var record = RowRecord(first: first, last: last, names: [])
            var doubts: [ItemDoubt] = []
            var carried: [String] = []
            var marks: [Int: [String]] = [:]
            var remarks: [String] = []
            for (index, slot) in slots.enumerated() {
                let range = alignment.ranges[index]
                let text = range.map { fragments[$0].text }
                switch slot {
                case .sequence:
                    record.sequence = text.first.map { $0.filter { !$0.isWhitespace } } ?? ""
                case .path, .padding:
                    break
                case .marks:
                    if range.isEmpty, let above = previousMarks[index] {
                        marks[index] = above
                    } else {
                        marks[index] = text.map { $0.filter { !$0.isWhitespace } }
                    }
                case .extra(let label):
                    let value = clean(text, as: .remarks)
                    if !value.isEmpty { remarks.append("\(label)：\(value)") }
                case .field, .unknown:
                    let field: Field
                    if case .field(let known) = slot { field = known } else if let chosen = lostRoles[index] { field = chosen } else { continue }
                    if range.isEmpty {
                        if let above = previousValues[field], !above.isEmpty, !result.isEmpty {
                            record.values[field] = above
                            record.mergedFromAbove.insert(field)
                            carried.append(field.label)
                        }
                        continue
                    }
                    let value = clean(text, as: field)
                    record.values[field] = value
                    let joined = text.joined(separator: "\n")
                    if !value.isEmpty, CellFit.fit(field, joined) < -0.5 {
                        doubts.append(ItemDoubt(field: field.label, reason: "\(field.label)“\(value.prefix(16))”不像\(field.label)，\(Self.misplaced)"))
                    } else if let debris = Self.markupDebris(value) {
                        doubts.append(ItemDoubt(field: field.label, reason: "\(field.label)中有网页标记残留“\(debris)”，原文可能残缺或重复，请核对"))
                    }
                }
            }
            // 公开属性 holding 主动公开/依申请公开 is the mode, whatever the column called 公开方式 holds (全文发布…).
            let stageText = record.value(.stage)
            if Stage.parse(stageText) == nil, !Mode.parse(stageText).isEmpty {
                if !record.value(.mode).isEmpty, Mode.parse(record.value(.mode)).isEmpty { remarks.append("公开方式：\(record.value(.mode))") }
                if Mode.parse(record.value(.mode)).isEmpty { record.values[.mode] = stageText }
                record.values[.stage] = nil
            }
            if !remarks.isEmpty { record.values[.remarks] = remarks.joined(separator: "\n") }
            placeMarks(marks, into: &record, doubts: &doubts)

            // The path: names shown on the row, the levels above them carried from the row above.
            let shown = pathFragments(alignment)
            let (names, split) = shownNames(alignment)
            if let split {
                doubts.append(ItemDoubt(field: "公开事项", reason: "“\(split)”写在一个格中，按一级/二级拆分，请核对"))
            }
            let explicitBlank = shown.first.map { fragments[$0].isBlank } ?? false
            // A row with neither name nor number that states no obligation of its own (时限, 主体, 渠道, 依据) continues the
            // item above: a sub-row of its merged cells. One that states them is an item whose name was lost.
            let ownObligations = [Field.deadline, .publisher, .responsible, .channel, .legalBasis].filter {
                !record.value($0).isEmpty && !record.mergedFromAbove.contains($0)
            }.count
            if names.isEmpty, record.sequence.isEmpty, ownObligations < 2, var above = result.popLast() {
                for (field, value) in record.values where !record.mergedFromAbove.contains(field) && !value.isEmpty {
                    let earlier = above.record.value(field)
                    if earlier == value { continue }
                    above.record.values[field] = earlier.isEmpty ? value : earlier + "\n" + value
                }
                above.record.last = last
                above.record.doubts += doubts.filter { !above.record.doubts.contains($0) }
                diagnostics.append(.init(.inference, .continuationMerged, first: first, last: last,
                    "本行没有序号和事项名称，内容并入上一事项（第\(above.record.first)行起）"))
                result.append(above)
                continue
            }
            var path = names
            // A name made up from the content above is no category to carry down.
            var carriedShownPath = false
            if names.count < depth, !previousPath.isEmpty, previousPathIsShown {
                carriedShownPath = true
                let missing = depth - names.count
                path = Array(previousPath.prefix(missing)) + names
                if names.isEmpty {
                    doubts.append(ItemDoubt(field: "公开事项", reason: "本行没有事项名称，沿用上一行的“\(previousPath.last?.name ?? "")”"))
                } else if !explicitBlank, alignment.ranges.reduce(0, { $0 + $1.count }) >= fullLength, fullLength > 0 {
                    doubts.append(ItemDoubt(field: "公开事项", reason:
                        "本行单元格数与完整行相同却只有\(names.count)级名称；上级按上一行补为“\(previousPath.prefix(missing).map(\.name).joined(separator: "/"))”，也可能本行自成一类"))
                } else {
                    carried.append("上级事项")
                }
            }
            if path.isEmpty {
                path = [NameCell(name: record.value(.content).isEmpty ? "（无名称）" : String(record.value(.content).prefix(20)), code: nil, marks: nil)]
                doubts.append(ItemDoubt(field: "公开事项", reason: "本行没有事项名称，以公开内容开头代替"))
            }
            if let rival = row.rival {
                for (index, slot) in slots.enumerated() where !sameReading(slot, rival.ranges[index], alignment.ranges[index]) {
                    let labels: [String]
                    switch slot {
                    case .path: labels = ["公开事项"]
                    case .field(let field): labels = [field.label]
                    case .unknown: labels = [lostRoles[index]?.label ?? slot.label]
                    case .marks(let columns):
                        let families = Set(columns.map(\.family))
                        labels = (families.contains(.audience) ? ["公开对象"] : []) + (families.contains(.mode) ? ["公开方式"] : [])
                    default: continue
                    }
                    let rivalText = rival.ranges[index].map { fragments[$0].compact }.joined(separator: "/")
                    for label in labels where !doubts.contains(where: { $0.field == label }) {
                        doubts.append(ItemDoubt(field: label, reason:
                            "本行单元格与表头列数不符，另一种排列几乎同样合理（\(slot.label)为“\(rivalText.isEmpty ? "空" : String(rivalText.prefix(16)))”），请核对"))
                    }
                }
            }
            if !carried.isEmpty {
                diagnostics.append(.init(.inference, .mergedCell, first: first, last: last,
                    "本行缺少合并单元格，\(carried.joined(separator: "、"))沿用上一行"))
            }
            record.names = path.map { Optional($0) }
            record.doubts = doubts
            for doubt in doubts {
                diagnostics.append(.init(.ambiguous, .structure, first: first, last: last, "存疑：\(doubt.field)——\(doubt.reason)"))
            }
            previousPath = path
            previousPathIsShown = !names.isEmpty || carriedShownPath
            for (field, value) in record.values { previousValues[field] = value }
            for (index, value) in marks { previousMarks[index] = value }
            result.append(LevelResolver.Resolved(record: record, path: path))
        }
        return result
    }

    private func clean(_ texts: [String], as field: Field) -> String {
        let joined = texts.joined(separator: "\n")
        switch field {
        case .deadline, .publisher, .responsible, .updateFrequency:
            return joined.filter { !$0.isWhitespace }
        case .stage:
            return Self.checkedLabels(joined) ?? joined.trimmed
        case .channel, .audience, .mode, .tier:
            return joined.trimmed
        default:
            return CellText.clean(joined).text
        }
    }

    private static let debris = try! NSRegularExpression(pattern: #"<\s*/?\s*[A-Za-z]{0,6}\s*>|<\s*[A-Za-z]+\s*=|&[a-z]{2,6};"#)

    /// Pieces of HTML a page's editor left in the text ("< pan>", "<>", "&nbsp;").
    static func markupDebris(_ text: String) -> String? {
        guard text.includes("<") || text.includes("&") else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = debris.firstMatch(in: text, range: range), let found = Range(match.range, in: text) else { return nil }
        return String(text[found])
    }

    /// "□决策 □执行 ■结果" → "结果"; a box whose glyph was lost in the copy ("?结果") counts as ticked.
    static func checkedLabels(_ text: String) -> String? {
        guard text.contains(where: { CellFit.boxGlyphs.contains($0) }) else { return nil }
        var labels: [String] = []
        var current: String?
        for char in text {
            if CellFit.boxGlyphs.contains(char) || char == "?" || char == "？" {
                if let label = current, !label.isEmpty { labels.append(label) }
                current = (char == "□" || char == "☐" || char == "¨") ? nil : ""
            } else if !char.isWhitespace, current != nil {
                current!.append(char)
            }
        }
        if let label = current, !label.isEmpty { labels.append(label) }
        return labels.joined(separator: "、")
    }

    /// Mark cells go to their columns by position when the row kept every cell; when empty cells were lost,
    /// each group takes one mark in its first column (全社会, 主动, …), the last group any extra marks.
    /// The columns a row's mark cells tick. Where the row kept its empty cells (all of them, or blanks among
    /// the marks), marks go by position; where they were lost, each group takes one mark in its first column
    /// (全社会, 主动, …) and the last group any extra marks. `lost` names the groups left without a mark.
    static func ticked(_ cells: [String], columns: [MarkColumn]) -> (ticked: [MarkColumn], lost: [MarkColumn.Family]) {
        // Blanks after the last mark say nothing: padding looks the same. Blanks between marks do.
        let marks = Array(cells[..<(cells.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0)])
        if cells.count == columns.count || marks.contains(where: \.isEmpty) {
            return (zip(columns, cells).filter { !$0.1.isEmpty }.map(\.0), [])
        }
        let checks = marks.count
        var families: [[MarkColumn]] = []
        for column in columns {
            if let last = families.last?.last, last.family == column.family { families[families.count - 1].append(column) }
            else { families.append([column]) }
        }
        var ticked: [MarkColumn] = families.prefix(checks).map { $0[0] }
        var extra = checks - families.count
        for family in families.reversed() where extra > 0 {
            for column in family.dropFirst() where extra > 0 {
                ticked.append(column)
                extra -= 1
            }
        }
        let lost = checks < families.count ? families[checks...].compactMap { $0.first?.family } : []
        return (ticked, lost)
    }

    private func placeMarks(_ marks: [Int: [String]], into record: inout RowRecord, doubts: inout [ItemDoubt]) {
        for (index, cells) in marks {
            guard case .marks(let columns) = table.header.slots[index], !cells.isEmpty else { continue }
            let (ticked, lost) = Self.ticked(cells, columns: columns)
            for family in lost where family == .audience || family == .mode {
                let label = family == .audience ? "公开对象" : "公开方式"
                doubts.append(ItemDoubt(field: label, reason: "本行的“√”少于栏目组数，空白格已丢失，无法确定\(label)"))
            }
            for column in ticked {
                switch column.family {
                case .audience: record.values[.audience, default: ""] += column.label
                case .mode: record.values[.mode, default: ""] += column.label
                case .tier: record.values[.tier, default: ""] += (record.values[.tier].map { $0.isEmpty ? "" : "、" } ?? "") + column.label
                case .stage: record.values[.stage, default: ""] += column.label
                }
            }
        }
    }

    /// Whether two placements of a slot's cells read the same (a blank cell here or in the padding is the same blank).
    private func sameReading(_ slot: Slot, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let left = a.map { fragments[$0].compact }, right = b.map { fragments[$0].compact }
        switch slot {
        case .marks(let columns):
            return Self.ticked(left, columns: columns).ticked == Self.ticked(right, columns: columns).ticked
        default:
            return left.filter { !$0.isEmpty } == right.filter { !$0.isEmpty }
        }
    }
}

extension NameCell {
    private static let outlineCodes = [
        try! NSRegularExpression(pattern: #"^(\d{1,3}(?:[.．]\d{1,3})+)[.．、]?\s*(?=[^\d\s.．、])"#),
        try! NSRegularExpression(pattern: #"^(\d{1,3})[.．、]\s*(?=[^\d\s.．、])"#),
        try! NSRegularExpression(pattern: #"^(\d{2,6})\s+(?=[^\d\s])"#),
        try! NSRegularExpression(pattern: #"^([一二三四五六七八九十]{1,3})[、.．]\s*(?=\S)"#),
        try! NSRegularExpression(pattern: #"^[（(]([一二三四五六七八九十]{1,3}|\d{1,2})[)）]\s*(?=\S)"#),
    ]

    /// A name cell as text copies give it: wrap spaces removed, an outline number ("1.1", "2.", "0505 ") taken as its code.
    static func recovered(_ raw: String) -> NameCell {
        var text = raw.trimmed
        var code: String?
        for pattern in outlineCodes {
            let range = NSRange(text.startIndex..., in: text)
            guard let match = pattern.firstMatch(in: text, range: range), let whole = Range(match.range, in: text),
                  let digits = Range(match.range(at: 1), in: text), whole.upperBound < text.endIndex else { continue }
            code = String(text[digits])
            text = String(text[whole.upperBound...])
            break
        }
        var cell = NameCell.parse(text.filter { !$0.isWhitespace })
        if cell.code == nil { cell.code = code }
        return cell
    }
}
