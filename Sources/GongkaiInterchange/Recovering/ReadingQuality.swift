import GongkaiCore

/// How much a reading of a file can be trusted: how well each item's fields read like what their columns
/// hold, less what the reader warned about. Two readers of the same text are compared by it. Doubts do not
/// count against a reading: only one of the readers states them.
enum ReadingQuality {
    static func score(_ result: ImportResult) -> Double {
        let items = result.catalog.items
        guard !items.isEmpty else { return -.infinity }
        var total = 0.0
        for pathed in items {
            let item = pathed.item
            var parts: [Double] = [CellFit.name(pathed.path.last?.filter { !$0.isWhitespace } ?? "")]
            // Every item states what it discloses: a reading that lost the content lost a column.
            parts.append(item.content.isEmpty ? -1.5 : CellFit.fit(.content, item.content))
            if !item.deadlineText.isEmpty { parts.append(CellFit.fit(.deadline, item.deadlineText)) }
            if !item.legalBasisText.isEmpty { parts.append(CellFit.fit(.legalBasis, item.legalBasisText)) }
            if !item.channelText.isEmpty { parts.append(CellFit.fit(.channel, item.channelText)) }
            if !item.publisher.isEmpty { parts.append(CellFit.fit(.publisher, item.publisher)) }
            total += parts.reduce(0, +) / Double(parts.count)
        }
        let warnings = Double(result.count(.warning))
        return total / Double(items.count) - 0.2 * warnings / Double(items.count)
    }
}
