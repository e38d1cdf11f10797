/// The receipt after an application (Templates/apply-receipt.mustache): the tracking code to keep.
extension ApplyController {
    struct ReceiptView: Sendable {
        var code: String
        var agencyName: String
        var contact: String
    }
}
