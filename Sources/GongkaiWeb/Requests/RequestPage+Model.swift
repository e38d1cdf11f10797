/// A request's staff page (Templates/request.mustache): its applicant data, the clock with every stop, pause and
/// restart, the event log and one form per next step.
extension DisclosureRequestController {
    struct DetailView: Sendable {
        var id: Int
        var eventsURL: String
        var letterDocxURL: String
        var letterPDFURL: String
        var code: String
        var agencyName: String
        var applicantName: String
        var kindLabel: String
        var documentLabel: String
        var documentNumber: String
        var contact: String
        var information: String
        var formRequirement: String
        var delivery: String
        var department: String
        var phaseLabel: String
        var clockLabel: String
        var received: String
        var due: String
        var remaining: String
        var steps: [String]
        var segments: [String]
        var flags: [String]
        var events: [EventRow]
        var error: String?
        var today: String
        var letterNumber: String?
        var canDownload: Bool
        var forms: Forms
        var departments: [SelectOption]
        var channels: [SelectOption]
        var parties: [SelectOption]
        var outcomes: [SelectOption]
        var results: [SelectOption]
        var feeMethods: [SelectOption]
        var fees: [String]
        var attachments: [AttachmentLink]
        var hasAttachments: Bool
        var hasFlags: Bool
    }

    struct AttachmentLink: Sendable {
        var url: String
        var name: String
        var size: String
    }

    struct EventRow: Sendable {
        var date: String
        var label: String
        var detail: String
    }

    /// Which step forms the page offers in the current phase (the workflow still checks each event).
    struct Forms: Sendable {
        var receive = false, assign = false, clarify = false, clarificationReceived = false, clarificationExpired = false
        var consult = false, endConsultation = false, extend = false, feeNotice = false, feePaid = false, feeExpired = false
        var answer = false, archive = false, review = false, reviewDecided = false, litigation = false, litigationDecided = false
    }
}
