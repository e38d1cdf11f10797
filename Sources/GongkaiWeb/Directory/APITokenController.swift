import Foundation
import GongkaiCore
import GongkaiStore
import Hummingbird

/// /admin/tokens: each staff member creates and revokes their own API tokens (Bearer tokens for /api/v1).
struct APITokenController {
    let accounts: AccountRepository
    let renderer: Renderer

    func addRoutes(to router: Router<WebContext>) {
        router.get(.tokens) { _, context in try await page(context) }
        router.post(.tokens) { request, context in
            let user = try requireUser(context)
            let form = try await FormData.read(request, context: context)
            do {
                let token = try await accounts.issueAPIToken(for: user, name: form.text("name"))
                return try await page(context, created: token)
            } catch let failure as AccountRepository.Failure {
                return try await page(context, error: failure.description, status: .badRequest)
            }
        }
        router.post(.tokenRevoke(.key)) { _, context in
            let user = try requireUser(context)
            guard try await accounts.revokeAPIToken(fingerprint: try context.parameters.require("fingerprint"), of: user) else {
                throw WebError.notFound("令牌")
            }
            return Renderer.redirect(SiteURL.tokens.path)
        }
    }

    private func page(_ context: WebContext, created: String? = nil, error: String? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try requireUser(context)
        let tokens = try await accounts.apiTokens(userID: user.id).map(TokenRow.init)
        // Admin pages are sent with Cache-Control: no-store, so the new token is kept by no cache.
        return renderer.render("tokens", title: "API 令牌",
                               content: TokensView(tokens: tokens, hasTokens: !tokens.isEmpty, created: created, error: error),
                               context: context, status: status)
    }
}
