import Foundation

/// Reads a 公开时限 text into a DeadlineRule. Robust to spaces inside numbers and words, full-width
/// digits and punctuation, 日/号 and small Chinese numerals. Never guesses silently: text that says
/// nothing computable becomes `unparsed` with the reason.
public enum DeadlineParser {
    public static func parse(_ text: String) -> DeadlineRule {
        let normalized = DeadlineText.normalize(text)
        guard !DeadlineText.isBlank(normalized) else {
            return DeadlineRule(kind: .unparsed, text: text, reason: "未填写公开时限")
        }
        let continuous = DeadlineText.mentionsUpkeep(normalized)
        let clauses = DeadlineText.clauses(normalized)
        if let reading = PeriodicParser.parse(normalized) {
            let notes = clauses.filter { !PeriodicParser.contributes($0) && !DeadlineText.isFiller($0) }
            return DeadlineRule(kind: .periodic, text: text, continuous: continuous, periodic: reading.term, notes: notes,
                                interpretation: reading.interpretation)
        }
        // Every clause ends up in a rule, a branch label or a note, each note kept in text order.
        var provisos: [(Int, String)] = []
        var leftovers: [(Int, String)] = []
        var branches: [(label: String?, labelClause: Int?, rule: DeadlineRule)] = []
        var pending: [(Int, String)] = []
        for (index, clause) in clauses.enumerated() {
            if clause.includes("从其规定") || clause.includes("另有规定") {
                provisos.append((index, clause))
                continue
            }
            let body = DeadlineText.removingUpkeep(clause)
            guard !body.isEmpty else { continue }
            if let (label, rule) = clauseRule(body, whole: text) {
                // A clause without a rule right before one names the records it covers.
                if label == nil, let named = pending.popLast() {
                    branches.append((named.1, named.0, rule))
                } else {
                    branches.append((label, nil, rule))
                }
                leftovers += pending
                pending = []
            } else if !DeadlineText.isFiller(body) {
                pending.append((index, body))
            }
        }
        leftovers += pending
        var rule: DeadlineRule
        switch branches.count {
        case 0:
            if continuous {
                rule = DeadlineRule(kind: .continuous, text: text, continuous: true,
                                    interpretation: DeadlineText.upkeepInterpretation(normalized))
            } else {
                // The reason already quotes the text; its clauses are not repeated as notes.
                leftovers = []
                rule = DeadlineRule(kind: .unparsed, text: text, reason: unparsedReason(normalized))
            }
        case 1:
            rule = branches[0].rule
            // One rule for everything: the clause naming its records is kept as a note, not a branch label.
            if let index = branches[0].labelClause, let label = branches[0].label { leftovers.append((index, label)) }
        default:
            rule = DeadlineRule(kind: .composite, text: text, branches: branches.map { branch in
                let label = branch.label ?? ""
                return DeadlineRule.Branch(label: label, recordKinds: DeadlineText.recordKinds(in: label), rule: branch.rule)
            })
        }
        rule.text = text
        rule.continuous = continuous
        rule.notes = (provisos + leftovers).sorted { $0.0 < $1.0 }.map(\.1) + rule.notes
        return rule
    }

    /// The rule stated by one clause, with the records it is about when the clause names them first.
    static func clauseRule(_ clause: String, whole: String) -> (String?, DeadlineRule)? {
        if let term = RelativeParser.parse(clause) {
            var rule = DeadlineRule(kind: .relative, text: whole, relative: term.term)
            if term.triggerAssumed {
                rule.notes.append("未写明起算事件，按《政府信息公开条例》第二十六条理解为信息形成或者变更之日")
            }
            return (term.label, rule)
        }
        if let range = clause.range(of: "同步") {
            var linked = String(clause[..<range.lowerBound])
            if let with = linked.range(of: "与", options: .backwards) { linked = String(linked[with.upperBound...]) }
            return (nil, DeadlineRule(kind: .synchronous, text: whole, synchronousWith: linked.isEmpty ? "关联文件" : linked))
        }
        if ["法定时间", "法定时限", "法定期限", "法定期间"].contains(where: clause.includes) {
            return (nil, DeadlineRule(kind: .statutory, text: whole))
        }
        for word in ["及时", "即时", "立即", "第一时间", "随时", "实时", "一次性公开"] {
            if let range = clause.range(of: word) {
                let before = String(clause[..<range.lowerBound])
                let label = ["按照有关规定", "按照规定", "按规定", "要", "应", "并"].contains(before) || before.isEmpty ? nil : before
                let interpretation = word == "实时" ? "“实时”没有规定天数，按“及时公开”处理，适用本机关默认期限" : nil
                return (label, DeadlineRule(kind: .prompt, text: whole, interpretation: interpretation))
            }
        }
        return nil
    }

    private static func unparsedReason(_ text: String) -> String {
        if text.includes("某日") || text.includes("某月") { return "只写了“某日/某月”，没有可计算的日期" }
        if text.includes("定期") { return "只写了“定期”，没有给出周期或日期" }
        if text.includes("上级要求") || text.includes("上级部署") { return "只写了“按照上级要求”，没有给出期限、日期或周期" }
        return "没有可识别的期限、日期或周期"
    }
}
