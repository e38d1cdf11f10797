/// The catalog editor's page for one node of a draft: an item's every field (the 时限 with the rule read from it),
/// its name and place, retiring it; a category's name and place and what to add under it.
struct NodeEditorPage: Sendable, PageChrome {
    struct Choice: Sendable {
        var id: String
        var name: String
        var value: String
        var label: String
        var checked: Bool
    }

    struct ItemForm: Sendable {
        var content: String
        var legalBasis: String
        var deadlineText: String
        var rule: String
        var explanation: String
        var publisher: String
        var departments: [Choice]
        var channels: [Choice]
        var otherChannels: String
        var audiences: [Choice]
        var modes: [Choice]
        var tiers: [Choice]
        var updateFrequency: String
        var remarks: String
        /// The format the item's record titles must follow (checked by the compliance monitor); empty for none.
        var titlePattern: String
        var doubts: [String]
        var hasDoubts: Bool
    }

    var name: String
    var path: String
    var isItem: Bool
    var item: ItemForm?
    var draftTreeURL: String
    var revisionURL: String
    var saveURL: String
    var renameURL: String
    var moveURL: String
    var retireURL: String
    var addURL: String
    var parents: [SelectOption]
    var error: String?
    var trail: [Crumb]?
}
