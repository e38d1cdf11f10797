/// A record's admin page: its content, status, versions, links and attachments, and what the user may do with it.
struct RecordPageModel: Sendable {
    var id: Int
    var actions: RecordActionLinks
    var title: String
    var statusLabel: String
    var statusReason: String?
    var indexNumber: String
    var version: Int
    var publicVersion: String
    var documentNumber: String
    var issuer: String
    var writtenDate: String
    var triggerDate: String
    var publishedDate: String
    var reportingPeriod: String
    var topic: String
    var validity: String
    var validUntil: String
    var bodyHTML: String
    var itemPath: String
    var itemURL: String
    /// Nil until a version is published: a draft has no public page.
    var publicURL: String?
    var form: RecordFormModel?
    var canSubmit: Bool
    var canReview: Bool
    var canRevise: Bool
    var canWithdraw: Bool
    var canLink: Bool
    var policies: [LinkView]
    var interpretations: [LinkView]
    var versions: [VersionView]
    var attachments: [AttachmentLink]
    var hasAttachments: Bool
    var canAttach: Bool
    /// Unmasked personal data in the current version (PersonalDataGuard), one line per finding.
    var personalData: [String]
    var hasPersonalData: Bool

    struct LinkView: Sendable {
        var id: Int
        var url: String
    }

    struct VersionView: Sendable {
        var version: Int
        var statusLabel: String
        var createdAt: String
        var title: String
    }
}
