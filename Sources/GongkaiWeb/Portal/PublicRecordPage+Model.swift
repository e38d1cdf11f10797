/// A record's public page (Templates/public-record.mustache): the published version with its 政府网站 meta tags, its
/// linked policies and interpretations and its attachments; a withdrawn record says so and why.
extension PublicController {
    struct PublicRecordView: Sendable, PageChrome {
        var title: String
        var indexNumber: String
        var issuer: String
        var writtenDate: String
        var documentNumber: String
        var publishedDate: String
        var topic: String
        var validity: String
        var bodyHTML: String
        var withdrawn: Bool
        var withdrawalReason: String
        var policies: [LinkView]
        var interpretations: [LinkView]
        var attachments: [AttachmentLink]
        var meta: MetaTags?
        var trail: [Crumb]?
    }

    struct LinkView: Sendable {
        var title: String
        var url: String
    }
}
