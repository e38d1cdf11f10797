import GongkaiStore

/// The API tokens page (Templates/tokens.mustache): the user's own tokens, each with its revoke form.
extension APITokenController {
    struct TokensView: Sendable {
        var tokens: [TokenRow]
        var hasTokens: Bool
        /// The token just created: shown on this response only.
        var created: String?
        var error: String?
    }

    struct TokenRow: Sendable {
        var fingerprint: String
        var name: String
        var createdAt: String
        var revokeURL: String

        init(_ row: AccountRepository.APITokenRow) {
            fingerprint = row.fingerprint
            name = row.name
            createdAt = row.createdAt
            revokeURL = SiteURL.tokenRevoke(.value(row.fingerprint)).path
        }
    }
}
