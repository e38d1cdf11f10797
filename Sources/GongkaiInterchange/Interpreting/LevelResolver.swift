/// Gives every row its full category path. Empty name cells continue the category above
/// (they are the lower parts of merged cells); a few layouts need more care:
/// - codes: an item coded 310200 belongs under 310000 even when the row shows another first-level name
///   (a centred merged cell whose text landed on a neighbouring row); the displaced name waits for its row;
/// - a "过程" cell holding a category instead of a stage, on a row with no first-level name;
/// - a first-level cell left empty on the row above the one showing its (centred) text;
/// - a gap in the middle of the path, filled from the next row's centred text.
struct LevelResolver {
    let levelCount: Int

    struct Resolved {
        var record: RowRecord
        var path: [NameCell]
    }

    func resolve(_ records: [RowRecord], diagnostics: inout [ImportDiagnostic]) -> [Resolved] {
        var firstLevelByCode: [String: NameCell] = [:]
        for record in records {
            if let first = record.names.first ?? nil, let code = first.code { firstLevelByCode[code] = first }
        }
        var path = [NameCell?](repeating: nil, count: levelCount)
        var displaced: NameCell?
        var previousPath: [NameCell] = []
        var result: [Resolved] = []

        for (index, original) in records.enumerated() {
            var record = original
            var names = record.names
            let next = index + 1 < records.count ? records[index + 1] : nil
            let location = (record.first, record.last)

            // Codes decide the parent when they disagree with the first-level cell.
            if levelCount > 1, let deepest = names.lastIndex(where: { $0 != nil }), deepest > 0,
               let code = names[deepest]?.code, let parentCode = Self.parentCode(of: code) {
                let shown = names[0]
                let current = shown ?? path[0]
                if current?.code != parentCode {
                    let owner = displaced?.code == parentCode ? displaced : firstLevelByCode[parentCode]
                    if let owner {
                        if let shown, shown.code != parentCode { displaced = shown }
                        else if displaced?.code == parentCode { displaced = nil }
                        names[0] = owner
                        diagnostics.append(.init(.ambiguous, .centredCell, first: location.0, last: location.1,
                            "编码\(code)属于\(parentCode)（\(owner.name)），与本行显示的一级名称“\(current?.name ?? "")”不一致，按编码归入“\(owner.name)”"))
                    }
                }
            }
            if !names.contains(where: { $0 != nil }), let waiting = displaced {
                names[0] = waiting
                displaced = nil
                diagnostics.append(.init(.ambiguous, .centredCell, first: location.0, last: location.1,
                    "本行没有事项名称；上方错位显示的一级名称“\(waiting.name)”尚无所属行，推断为本行的事项"))
            }

            // A category written in the 过程 column on a row without a first-level name.
            let stageText = record.value(.stage)
            if names[0] == nil, !stageText.isEmpty, Stage.parse(stageText) == nil, stageText != path[0]?.name, levelCount > 1 {
                names[0] = NameCell(name: stageText, code: nil, marks: nil)
                record.values[.stage] = ""
                diagnostics.append(.init(.ambiguous, .columnGuessed, first: location.0, last: location.1,
                    "“过程”列的“\(stageText)”不是决策/执行/管理/服务/结果，而本行一级名称为空，推断它是一级分类"))
            } else if let first = names[0], stageText == first.name {
                record.values[.stage] = ""
                diagnostics.append(.init(.inference, .columnGuessed, first: location.0, last: location.1,
                    "“过程”列重复了一级名称“\(stageText)”，不作为五公开阶段"))
            }

            // An empty first-level cell above a centred one: the row shares its content with the next row.
            if names[0] == nil, levelCount > 1, let next, let nextFirst = next.names[0] ?? nil,
               nextFirst.name != path[0]?.name, !record.value(.content).isEmpty,
               record.value(.content) == next.value(.content),
               record.value(.content) != result.last?.record.value(.content) {
                names[0] = nextFirst
                diagnostics.append(.init(.ambiguous, .centredCell, first: location.0, last: location.1,
                    "一级名称为空；本行内容与下一行（一级“\(nextFirst.name)”）相同、与上一行不同，推断为居中显示的合并单元格，归入“\(nextFirst.name)”"))
            }

            // A gap in the middle of the path, filled from the next row's centred text.
            if let deepest = names.lastIndex(where: { $0 != nil }) {
                for level in 1..<max(deepest, 1) where names[level] == nil && names[level - 1] != nil {
                    guard let next, (0..<level).allSatisfy({ next.names[$0] == nil }), let fill = next.names[level] else { continue }
                    names[level] = fill
                    diagnostics.append(.init(.ambiguous, .centredCell, first: location.0, last: location.1,
                        "\(ColumnRole.level(level + 1).label)为空而下级有名称；推断下一行的“\(fill.name)”是居中显示的合并单元格，也属于本行"))
                }
            }

            let resolvedPath: [NameCell]
            if let first = names.firstIndex(where: { $0 != nil }), let deepest = names.lastIndex(where: { $0 != nil }) {
                for level in first..<levelCount { path[level] = names[level] }
                resolvedPath = path.compactMap { $0 }
                if path.prefix(deepest).contains(where: { $0 == nil }) {
                    diagnostics.append(.init(.warning, .structure, first: location.0, last: location.1,
                        "分类层级有空缺（上级名称为空且无法从上下行推断），已按现有名称建立路径"))
                }
            } else if !previousPath.isEmpty {
                resolvedPath = previousPath
                diagnostics.append(.init(.inference, .carriedDown, first: location.0, last: location.1,
                    "本行没有事项名称，沿用上一行的事项名称“\(previousPath.last!.name)”（合并单元格）"))
            } else {
                diagnostics.append(.init(.warning, .unreadable, first: location.0, last: location.1,
                    "本行没有事项名称，且上方没有可沿用的名称，已略过"))
                continue
            }
            record.names = names
            previousPath = resolvedPath
            result.append(Resolved(record: record, path: resolvedPath))
        }
        return result
    }

    /// 010100 → 010000, 210200 → 210000; nil for a top-level code.
    static func parentCode(of code: String) -> String? {
        var digits = Array(code)
        guard let last = stride(from: digits.count - 2, through: 0, by: -2).first(where: { digits[$0] != "0" || digits[$0 + 1] != "0" }),
              last > 0 else { return nil }
        digits[last] = "0"
        digits[last + 1] = "0"
        return String(digits)
    }
}

import GongkaiCore
