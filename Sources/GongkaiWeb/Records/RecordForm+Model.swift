import GongkaiCore

/// The form that drafts or edits a record's content.
struct RecordFormModel: Sendable {
    var action: String
    var itemPath: String
    var errors: [String]
    var hasErrors: Bool
    var title: String
    var documentNumber: String
    var issuer: String
    var writtenDate: String
    var triggerDate: String
    var reportingPeriod: String
    var topic: String
    var validities: [SelectOption]
    var validityChangedOn: String
    var validUntil: String
    var body: String
    var isNew: Bool

    init(action: String, itemPath: String, content: RecordContent, errors: [String], isNew: Bool) {
        self.action = action
        self.itemPath = itemPath
        self.errors = errors
        hasErrors = !errors.isEmpty
        title = content.title
        documentNumber = content.documentNumber
        issuer = content.issuer
        writtenDate = content.writtenDate?.description ?? ""
        triggerDate = content.triggerDate?.description ?? ""
        reportingPeriod = content.reportingPeriod
        topic = content.topic
        validities = [SelectOption(value: "", label: "（非规范性文件）", selected: content.validity == nil)]
            + Validity.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: content.validity == $0) }
        validityChangedOn = content.validityChangedOn?.description ?? ""
        validUntil = content.validUntil?.description ?? ""
        body = content.body
        self.isNew = isNew
    }
}
