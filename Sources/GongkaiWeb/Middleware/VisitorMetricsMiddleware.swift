import Hummingbird

/// Hummingbird's request metrics, for requests that came over the network: the static mirror's renders of every
/// public page after each change are not visitors, and would swamp the series they are read for.
struct VisitorMetricsMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let metrics = MetricsMiddleware<WebContext>()

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if context.rendersStaticPage { return try await next(request, context) }
        return try await metrics.handle(request, context: context, next: next)
    }
}
