/// The public application form (Templates/apply.mustache): the fields as the applicant left them, with what is wrong.
extension ApplyController {
    struct ApplyView: Sendable {
        var csrf: String
        var errors: [String]
        var hasErrors: Bool
        var agencies: [SelectOption]
        var kinds: [SelectOption]
        var documentTypes: [SelectOption]
        var forms: [SelectOption]
        var deliveries: [SelectOption]
        var name: String
        var documentNumber: String
        var contact: String
        var information: String
    }
}
