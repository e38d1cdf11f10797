/// The branch of a composite rule that applies to a record kind, chosen once per item and kind so that the
/// sweep can use `DueDateCalculator.quickDue` on it instead of building an explanation per record.
///
/// Mirrors the choice `DueDateCalculator.due(_:trigger:period:recordKind:)` makes; a test checks that both
/// agree (CompositeBranchTests).
enum CompositeBranch {
    enum Choice {
        case rule(DeadlineRule)
        case none(String)
    }

    static func choose(_ rule: DeadlineRule, recordKind: String?, calculator: DueDateCalculator) -> Choice {
        let branches = rule.branches ?? []
        if let recordKind {
            if let chosen = branches.first(where: { $0.recordKinds.contains(recordKind) || $0.label.includes(recordKind) })
                ?? branches.first(where: { $0.recordKinds.isEmpty && $0.label.hasPrefix("其他") }) {
                return .rule(chosen.rule)
            }
            // The calculator's own message names the branches there are.
            do {
                _ = try calculator.due(rule, trigger: CivilDate(dayNumber: 0), recordKind: recordKind)
            } catch {
                return .none("\(error)")
            }
            return .none("该时限没有适用于“\(recordKind)”的分支")
        }
        if let chosen = branches.first(where: { $0.recordKinds.isEmpty && ($0.label.isEmpty || $0.label.hasPrefix("其他")) }) {
            return .rule(chosen.rule)
        }
        return .none("该时限按信息类别区分，须填写信息类别（" + branches.map(\.label).joined(separator: "、") + "）")
    }
}
