/// "自该信息形成或者变更之日起20个工作日内", "本级政府财政部门批复后20日内", "答复…1个月内",
/// "收到申请之日起7日内", "会议召开后3个工作日内", "发布当日", "次日公开".
enum RelativeParser {
    struct Result {
        var term: RelativeTerm
        /// What the clause says the records are, when it names them before the trigger.
        var label: String?
        var triggerAssumed: Bool
    }

    /// Trigger events in order of precedence, each with the words that name it.
    static let triggers: [(name: String, words: [String])] = [
        ("全部答复", ["全部答复"]),
        ("答复", ["答复"]),
        ("批复", ["批复"]),
        ("登记编号", ["登记编号"]),
        ("检查及查处结果作出", ["检查及查处结果作出", "查处结果作出"]),
        ("作出决定", ["执法决定作出", "决定作出", "作出"]),
        ("政策发布", ["政策发布"]),
        ("制定", ["制定"]),
        ("信息形成或者获取", ["获取"]),
        ("信息形成或者变更", ["信息形成", "形成", "变更"]),
    ]

    static func parse(_ clause: String) -> Result? {
        counted(clause) ?? sameOrNextDay(clause)
    }

    /// "N个工作日 / N日内 / N天内 / N个月" after a trigger.
    static func counted(_ clause: String) -> Result? {
        let chars = Array(clause)
        var index = 0
        while index < chars.count {
            guard chars[index].isASCII, chars[index].isNumber else { index += 1; continue }
            var end = index
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            let rest = String(chars[end...])
            // More digits than a period can have ("99999999999999999999日内" does not fit in an Int): not a period.
            guard let count = Int(String(chars[index..<end])) else { index = end; continue }
            var unit: RelativeTerm.Unit?
            for (prefix, candidate, needsWithin) in [("个工作日", RelativeTerm.Unit.workday, false), ("工作日", .workday, false),
                                                     ("个月", .month, false), ("日", .day, true), ("天", .day, true)] {
                guard rest.hasPrefix(prefix) else { continue }
                let after = rest.dropFirst(prefix.count)
                if !needsWithin || after.hasPrefix("内") || after.hasPrefix("以内") {
                    unit = candidate
                }
                break
            }
            // A year or date ("2021年", "10日前") is not a period; nor is one longer than ten years (a typo, and days
            // counted one by one on the calendar would not end: found by scripts/fuzz deadline).
            let before = index > 0 ? chars[index - 1] : nil
            let limit = unit == .month ? 120 : 3_660
            if let unit, before != "年", before != "月", count <= limit {
                return result(count: count, unit: unit, prefix: String(chars[..<index]),
                              eventEndings: ["之日起的", "之日起", "次日起", "之日", "之后", "后的", "后", "起"])
            }
            index = end
        }
        return nil
    }

    /// 当日公开 · 当天 · 发布当日: 0 days; 次日公开 · 第二天 · 翌日: 1 calendar day after the trigger.
    static func sameOrNextDay(_ clause: String) -> Result? {
        // "第二天" reads "第2天" after normalization.
        let words: [(String, Int)] = [("当日", 0), ("当天", 0), ("次日", 1), ("翌日", 1), ("第2天", 1)]
        guard let (word, count) = words.first(where: { clause.includes($0.0) }),
              let range = clause.range(of: word) else { return nil }
        return result(count: count, unit: .day, prefix: String(clause[..<range.lowerBound]),
                      eventEndings: ["之日的", "之日", "之后", "后的", "后", "的", ""])
    }

    /// The term with its trigger: a known one, else the event the text names before `eventEndings`
    /// ("收到申请之日起" → 收到申请), else 信息形成或者变更 (assumed).
    static func result(count: Int, unit: RelativeTerm.Unit, prefix: String, eventEndings: [String]) -> Result {
        let (known, position) = trigger(in: prefix)
        let label = position.flatMap { trimLabel(String(prefix[..<$0])) }
        let trigger = known ?? namedEvent(prefix, endings: eventEndings)
        return Result(term: RelativeTerm(count: count, unit: unit, trigger: trigger ?? "信息形成或者变更"),
                      label: label, triggerAssumed: trigger == nil)
    }

    /// An event outside the vocabulary, as the text names it: "自收到申请之日起" → "收到申请", "会议召开后" → "会议召开".
    /// Nil unless the text marks it as an event (之日起, 后 …): "要在" names nothing.
    static func namedEvent(_ prefix: String, endings: [String]) -> String? {
        guard let ending = endings.first(where: prefix.hasSuffix) else { return nil }
        var event = String(prefix.dropLast(ending.count))
        if let lead = ["自该", "自", "应当在", "应在", "要在", "在", "于"].first(where: event.hasPrefix) {
            event.removeFirst(lead.count)
        }
        return event.isEmpty ? nil : event
    }

    /// The canonical trigger named in the text before the number, and where its words start.
    static func trigger(in prefix: String) -> (String?, String.Index?) {
        for (name, words) in triggers {
            let positions = words.compactMap { prefix.range(of: $0)?.lowerBound }
            if let first = positions.min() { return (name, first) }
        }
        return (nil, nil)
    }

    /// "行政许可和行政处罚决定在" → "行政许可和行政处罚决定"; "自该" → nil.
    static func trimLabel(_ text: String) -> String? {
        var label = text
        for suffix in ["在", "于", "自该", "自", "的", "要在", "应在"] where label.hasSuffix(suffix) {
            label.removeLast(suffix.count)
        }
        for prefix in ["自该", "自", "在", "要在", "应在"] where label.hasPrefix(prefix) {
            label.removeFirst(prefix.count)
        }
        return label.isEmpty || ["要", "应", "应当", "须", "并"].contains(label) ? nil : label
    }
}
