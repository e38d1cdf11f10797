/// What a published record counts as in table 二: a normative document, a decision, or neither. Records carry
/// no kind of their own, so it is read from the record and the catalog item it is filed under.
///
/// Our inference, not law (30号 counts documents and decisions, not records):
/// - a record is a 规章 or 行政规范性文件 when it is a policy (filed under a 规范性文件 column, or labelled with
///   有效性: `ComplianceRecord.isPolicy`); 规章 when its item or an ancestor names 规章 (and not 规范性文件);
/// - one record is one decision (行政许可/行政处罚/行政强制决定) when its title names exactly one of the three kinds,
///   or, failing that, the nearest of its item and the item's ancestors that names any kind names exactly one.
///   Columns of lists and procedures (清单, 流程, 依据, 指南, 标准, 目录) hold no decisions.
/// - a record whose title and nearest naming column name several kinds (行政许可和行政处罚双公示) is `ambiguous`:
///   it is not counted, and the report lists it for staff to refile.
public enum ReportSubject: Equatable, Sendable {
    case normativeDocument(NormativeDocumentFact.Kind)
    case decision(DecisionKind)
    case ambiguous([DecisionKind])
    case none

    static let nonDecisionWords = ["清单", "流程", "依据", "指南", "标准", "目录"]

    /// The subject of `record`, filed under `item` (its primary item), if any.
    public static func of(_ record: ComplianceRecord, item: ComplianceItem?) -> ReportSubject {
        let names = item.map { [$0.name] + $0.path.dropLast().reversed() } ?? []
        if record.isPolicy {
            let regulation = names.contains { $0.contains("规章") && !$0.contains("规范性文件") }
            return .normativeDocument(regulation ? .regulation : .normativeDocument)
        }
        if nonDecisionWords.contains(where: record.title.contains) { return .none }
        let inTitle = kinds(in: record.title)
        if inTitle.count == 1 { return .decision(inTitle[0]) }
        for name in names {
            if nonDecisionWords.contains(where: name.contains) { return .none }
            let named = kinds(in: name)
            if named.count == 1 { return .decision(named[0]) }
            if named.count > 1 { return .ambiguous(named) }
        }
        return .none
    }

    /// The decision kinds a text names: 行政许可, 行政处罚, 行政强制, or the bare 许可/处罚/强制 of power-list items
    /// ("对…的处罚", "对…进行封存" does not count).
    static func kinds(in text: String) -> [DecisionKind] {
        DecisionKind.allCases.filter { kind in
            text.contains(kind.label) || text.contains(String(kind.label.dropFirst(2)))
        }
    }
}
