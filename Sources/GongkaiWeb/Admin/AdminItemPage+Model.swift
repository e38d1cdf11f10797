/// A catalog item's staff page (/admin/items/ID, Templates/item.mustache): its fields, the deadline rule read from
/// its 时限, its records with their due dates, the note for an empty item and the item's title pattern.
extension AdminController {
    struct ItemView: Sendable {
        var nodeID: Int
        var newRecordURL: String
        var emptyReasonURL: String
        var titlePatternURL: String
        var path: String
        var name: String
        var content: String
        var legalBasis: String
        var deadlineText: String
        var ruleKind: String
        var ruleSummary: String
        var ruleExplanation: String
        var publisher: String
        var responsible: String
        var channels: String
        var records: [RecordRowView]
        var hasRecords: Bool
        var canDraft: Bool
        var emptyReason: String
        var canExplainEmpty: Bool
        var titlePattern: String
        var canSetTitlePattern: Bool
    }
}
