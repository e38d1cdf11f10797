import Hummingbird

/// Headers every response carries; HSTS when the site is reached over HTTPS (`--secure-cookies`, or the TLS proxy's
/// `X-Forwarded-Proto: https`), since browsers ignore it over plain HTTP.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext
    var alwaysHTTPS = false

    /// Made once: a name parsed from a string on every response was a measurable part of a cached page's cost.
    static let headers: [(HTTPFields.Element.Name, String)] = [
        (HTTPFields.Element.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPFields.Element.Name("X-Frame-Options")!, "DENY"),
        (HTTPFields.Element.Name("Referrer-Policy")!, "same-origin"),
        (HTTPFields.Element.Name("Content-Security-Policy")!,
         "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"),
    ]
    static let strictTransportSecurity = HTTPFields.Element.Name("Strict-Transport-Security")!
    static let forwardedProto = HTTPFields.Element.Name("X-Forwarded-Proto")!

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers, https: wantsHSTS(request))
        return response
    }

    func wantsHSTS(_ request: Request) -> Bool {
        alwaysHTTPS || request.headers[Self.forwardedProto]?.lowercased() == "https"
    }

    static func apply(to headers: inout HTTPFields, https: Bool) {
        if https { headers[strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        for (name, value) in Self.headers { headers[name] = value }
    }
}
