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

    init(table: RecoveredTable, fragments: [TextFragment], layout: TextLayout) {
        self.table = table
        self.fragments = fragments
        self.layout = layout
        lostRoles = Self.chooseLostRoles(table, fragments: fragments, layout: layout)
    }

    var depth: Int {
        let counts = table.rows.map { row in pathFragments(row.alignment).filter { !fragments[$0].isBlank }.count }
        return max(counts.max() ?? 1, 1)
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
                case .path:
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
                        doubts.append(ItemDoubt(field: field.label, reason: "\(field.label)“\(value.prefix(16))”不像\(field.label)，可能错列"))
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
            let names = shown.filter { !fragments[$0].isBlank }.map { NameCell.recovered(fragments[$0].text) }
            let explicitBlank = shown.first.map { fragments[$0].isBlank } ?? false
            // A row with neither name nor number continues the item above (a sub-row of its merged cells).
            if names.isEmpty, record.sequence.isEmpty, var above = result.popLast() {
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
            if names.count < depth, !previousPath.isEmpty {
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
            if path.isEmpty { path = [NameCell(name: record.value(.content).isEmpty ? "（无名称）" : String(record.value(.content).prefix(20)), code: nil, marks: nil)]
                doubts.append(ItemDoubt(field: "公开事项", reason: "本行没有事项名称，以公开内容开头代替"))
            }
            if let rival = row.rival {
                for (index, slot) in slots.enumerated() where rival.ranges[index] != alignment.ranges[index] {
                    let label: String
                    switch slot {
                    case .path: label = "公开事项"
                    case .field(let field): label = field.label
                    case .unknown: label = lostRoles[index]?.label ?? slot.label
                    case .marks(let columns):
                        label = Set(columns.map(\.family)).contains(.audience) ? "公开对象" : "公开方式"
                    default: continue
                    }
                    let rivalText = rival.ranges[index].map { fragments[$0].compact }.joined(separator: "/")
                    if doubts.contains(where: { $0.field == label }) { continue }
                    doubts.append(ItemDoubt(field: label, reason:
                        "本行单元格与表头列数不符，另一种排列几乎同样合理（\(label)为“\(rivalText.isEmpty ? "空" : String(rivalText.prefix(16)))”），请核对"))
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
    private func placeMarks(_ marks: [Int: [String]], into record: inout RowRecord, doubts: inout [ItemDoubt]) {
        for (index, cells) in marks {
            guard case .marks(let columns) = table.header.slots[index], !cells.isEmpty else { continue }
            var ticked: [MarkColumn] = []
            if cells.count == columns.count {
                ticked = zip(columns, cells).filter { !$0.1.isEmpty }.map(\.0)
            } else {
                let checks = cells.filter { !$0.isEmpty }.count
                var families: [[MarkColumn]] = []
                for column in columns {
                    if let last = families.last?.last, last.family == column.family { families[families.count - 1].append(column) }
                    else { families.append([column]) }
                }
                var extra = checks - families.count
                for (position, family) in families.enumerated() where position < checks {
                    ticked.append(family[0])
                }
                for family in families.reversed() where extra > 0 {
                    for column in family.dropFirst() where extra > 0 {
                        ticked.append(column)
                        extra -= 1
                    }
                }
                if checks < families.count {
                    let lost = families[checks...].compactMap { $0.first?.family }
                    for family in lost where family == .audience || family == .mode {
                        doubts.append(ItemDoubt(field: family == .audience ? "公开对象" : "公开方式",
                            reason: "本行只有\(checks)个“√”，空白格已丢失，无法确定\(family == .audience ? "公开对象" : "公开方式")"))
                    }
                }
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
}

extension NameCell {
    private static let outlineCodes = [
        try! NSRegularExpression(pattern: #"^(\d{1,3}(?:[.．]\d{1,3})+)[.．、]?\s*(?=[^\d\s.．、])"#),
        try! NSRegularExpression(pattern: #"^(\d{1,3})[.．、]\s*(?=[^\d\s.．、])"#),
        try! NSRegularExpression(pattern: #"^(\d{2,6})\s+(?=[^\d\s])"#),
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
