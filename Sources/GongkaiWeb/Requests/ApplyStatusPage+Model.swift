/// The applicant's status page (Templates/apply-status.mustache): the code-and-contact form, then the request found
/// with its clock, the 补正 form while one is asked for and the answer.
extension ApplyController {
    struct StatusView: Sendable {
        var csrf: String
        var error: String?
        var code: String
        var contact: String
        var found: StatusDetail?
        var notice: String?
    }

    struct StatusDetail: Sendable {
        var code: String
        var agencyName: String
        var phaseLabel: String
        var clockLabel: String
        var received: String
        var due: String
        var information: String
        var steps: [String]
        var awaitingClarification: Bool
        var clarificationItems: [String]
        var clarificationDeadline: String
        var answered: Bool
        var outcomeLabel: String
        var legalBasis: String?
        var answeredOn: String
        /// The agency's answer in its own words, when it wrote one.
        var answerText: String?
        var letterNumber: String?
        var canDownload: Bool
    }
}
