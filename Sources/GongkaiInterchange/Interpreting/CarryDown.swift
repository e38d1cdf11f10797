import GongkaiCore

/// Fills empty cells from the row above, as vertically merged cells would: always for cells the file
/// marks as merged, and within the same first-level category for the empty cells of text dumps.
enum CarryDown {
    /// `outerFields` sit left of the category columns (e.g. 过程): their merged cells span several
    /// first-level categories, so they carry down across them.
    static func apply(_ rows: [LevelResolver.Resolved], inferMerges: Bool, outerFields: Set<Field>, diagnostics: inout [ImportDiagnostic]) -> [LevelResolver.Resolved] {
        var result = rows
        for index in result.indices.dropFirst() {
            let previous = result[index - 1]
            let sameGroup = previous.path.first == result[index].path.first
            var carried: [String] = []
            for field in Field.allCases where field != .remarks {
                let record = result[index].record
                guard record.value(field).isEmpty, !record.spanned.contains(field), !previous.record.value(field).isEmpty,
                      ((sameGroup || outerFields.contains(field)) && inferMerges) || record.mergedFromAbove.contains(field) else { continue }
                result[index].record.values[field] = previous.record.value(field)
                if !record.mergedFromAbove.contains(field) { carried.append(field.label) }
            }
            if !carried.isEmpty {
                diagnostics.append(.init(.inference, .carriedDown, first: result[index].record.first, last: result[index].record.last,
                    "单元格为空，沿用上一行（同一分类下的合并单元格）：\(carried.joined(separator: "、"))"))
            }
        }
        return result
    }
}
