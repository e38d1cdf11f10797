/// Where the forms and links of a staff record page go.
struct RecordActionLinks: Sendable {
    var attach: String
    var review: String
    var submit: String
    var approve: String
    var reject: String
    var revise: String
    var withdraw: String
    var link: String

    init(recordID id: Int) {
        func action(_ action: SiteURL.RecordAction) -> String { SiteURL.adminRecordAction(.value(id), action).path }
        attach = SiteURL.adminRecordAttachments(.value(id)).path
        review = SiteURL.adminRecordReview(.value(id)).path
        submit = action(.submit)
        approve = action(.approve)
        reject = action(.reject)
        revise = action(.revise)
        withdraw = action(.withdraw)
        link = action(.link)
    }
}
