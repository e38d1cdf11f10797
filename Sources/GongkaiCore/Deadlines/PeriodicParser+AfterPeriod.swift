/// 每季度结束后15日内 · 季度终了后10日内 · 每月结束后5个工作日内 · 年度结束后3个月内 · 上半年结束后20日内:
/// due a number of days, workdays or months after the reported period's last day.
extension PeriodicParser {
    static let periodEndMarkers = ["结束之日起", "终了之日起", "结束之后", "终了之后", "结束后", "终了后", "末后"]

    static func afterPeriod(_ text: String) -> PeriodicTerm? {
        for marker in periodEndMarkers {
            var searchStart = text.startIndex
            while let range = text.range(of: marker, range: searchStart..<text.endIndex) {
                searchStart = range.upperBound
                guard let frequency = frequency(endingAt: text[..<range.lowerBound]),
                      let offset = offset(atStartOf: text[range.upperBound...]) else { continue }
                // The period that ends is the one reported, whatever else the text says (本季度结束后…).
                return PeriodicTerm(frequency: frequency, reported: .previous, reportedInferred: false,
                                    dueMonth: nil, dueDay: nil, afterPeriodEnd: offset)
            }
        }
        return nil
    }

    /// The period named right before 结束后: "每季度" → quarterly, "上半年" → half-yearly, "年度" → yearly.
    /// Nil for a length or a date ("3个月结束后", "2026年结束后") and for events ("会议结束后").
    static func frequency(endingAt head: Substring) -> PeriodicTerm.Frequency? {
        let names: [(String, PeriodicTerm.Frequency)] = [
            ("半年度", .halfYearly), ("半年", .halfYearly), ("季度", .quarterly), ("季", .quarterly),
            ("年度", .yearly), ("年", .yearly), ("月度", .monthly), ("月份", .monthly), ("月", .monthly),
        ]
        guard let (name, frequency) = names.first(where: { head.hasSuffix($0.0) }) else { return nil }
        if let before = head.dropLast(name.count).last, before == "个" || before.isASCII && before.isNumber { return nil }
        return frequency
    }

    /// "15日内" → 15 days, "15个工作日内" → 15 workdays, "3个月内" → 3 months; "的" and "起" before the number are skipped.
    static func offset(atStartOf rest: Substring) -> PeriodicTerm.PeriodOffset? {
        var rest = rest
        while let first = rest.first, first == "的" || first == "起" { rest = rest.dropFirst() }
        guard let count = number(atStartOf: rest) else { return nil }
        let unitText = rest.drop { $0.isASCII && $0.isNumber }
        let units: [(String, RelativeTerm.Unit)] = [("个工作日", .workday), ("工作日", .workday), ("个月", .month), ("日", .day), ("天", .day)]
        guard let (_, unit) = units.first(where: { unitText.hasPrefix($0.0) }) else { return nil }
        return PeriodicTerm.PeriodOffset(count: count, unit: unit)
    }
}
