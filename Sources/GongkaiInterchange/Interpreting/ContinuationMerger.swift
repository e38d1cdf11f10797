/// Joins rows that a page break split: the part on the next page only completes the text of the
/// row before it, often closing a bracket or quote that the first part left open.
enum ContinuationMerger {
    static func merge(_ records: [RowRecord], diagnostics: inout [ImportDiagnostic]) -> [RowRecord] {
        var result: [RowRecord] = []
        for record in records {
            guard let previous = result.last, isContinuation(record, of: previous) else {
                result.append(record)
                continue
            }
            var pieces: [String] = []
            if let tail = record.deepestName, let level = result[result.count - 1].names.lastIndex(where: { $0 != nil }) {
                let head = result[result.count - 1].names[level]!.name
                result[result.count - 1].names[level]!.name = head + tail.name
                pieces.append("名称“\(head)”+“\(tail.name)”")
            }
            for (field, text) in record.values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !text.isEmpty {
                // Rows with names only (a merged cell's lower part) do not own the text: go up past them.
                var index = result.count - 1
                while index > 0, result[index].value(field).isEmpty, !result[index].hasText { index -= 1 }
                result[index].values[field] = joined(result[index].value(field), text)
                result[index].last = max(result[index].last, record.last)
                pieces.append(field.label)
            }
            result[result.count - 1].last = record.last
            diagnostics.append(.init(.inference, .continuationMerged, first: record.first, last: record.last,
                "跨页续行，已并入第\(previous.first)行所在的事项（\(pieces.joined(separator: "、"))）"))
        }
        return result
    }

    /// A row is a continuation when it has neither number nor names but has text, or when it opens
    /// a page and closes a bracket that the previous row left open.
    static func isContinuation(_ record: RowRecord, of previous: RowRecord) -> Bool {
        guard record.sequence.isEmpty || record.sequence == previous.sequence else { return false }
        if !record.hasNames { return record.hasText && record.sequence.isEmpty }
        guard record.pageBreakBefore else { return false }
        return record.values.contains { field, text in
            !text.isEmpty && !Bracket.unclosed(in: previous.value(field)).isEmpty && Bracket.closesFirst(text)
        }
    }

    /// Wrapped Chinese text joins without a separator.
    static func joined(_ head: String, _ tail: String) -> String {
        guard !head.isEmpty else { return tail }
        if let last = head.last, let first = tail.first, CellText.isCJK(last) || CellText.isCJK(first) {
            return head + tail
        }
        return head + " " + tail
    }
}

import GongkaiCore
