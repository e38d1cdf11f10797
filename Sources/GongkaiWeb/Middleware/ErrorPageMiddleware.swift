import Foundation
import GongkaiStore
import Hummingbird

/// Turns errors into one Chinese error page (or a JSON error under /api) with the right status.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let renderer: Renderer

    struct ErrorView: Sendable {
        var status: Int
        var message: String
        var signIn: Bool
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = Self.webError(error)
            context.logger.info("request failed", metadata: ["status": "\(failure.status.code)", "path": "\(request.uri.path)"])
            if request.uri.path.hasPrefix(SiteURL.apiPrefix + "/") || SiteURL.openAPI.matches(request.uri.path) {
                let body = (try? JSONEncoder().encode(["error": failure.message])) ?? Data()
                return Response(status: failure.status, headers: [.contentType: "application/json; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(bytes: body)))
            }
            if failure.status == .unauthorized, request.method == .get {
                return Renderer.redirect(SiteURL.login.path + "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? SiteURL.admin.path))
            }
            return renderer.render("error", title: "出错了", content: ErrorView(status: Int(failure.status.code), message: failure.message,
                                                                            signIn: failure.status == .unauthorized),
                                   context: context, status: failure.status)
        }
    }

    static func webError(_ error: any Error) -> WebError {
        switch error {
        case let error as WebError: error
        case let error as RecordFailure: WebError(error)
        case let error as RequestFailure: WebError(error)
        case let error as AccountRepository.Failure: .badRequest(error.description)
        case let error as HTTPError where error.status == .notFound: .notFound()
        case let error as HTTPError where error.status == .contentTooLarge: WebError(status: .contentTooLarge, message: "上传的内容过大：每个附件不能超过20MB。")
        case let error as HTTPError: WebError(status: error.status, message: "请求无法处理。")
        case let error where GongkaiDatabase.isUnavailable(error):
            WebError(status: .serviceUnavailable, message: "数据库暂时无法连接，网站暂停服务；请稍后再试。")
        // Body limits (`collect(upTo:)`) throw NIOTooManyBytesError, which knows its status (413) but is no HTTPError.
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            WebError(status: .contentTooLarge, message: "上传的内容过大：每个附件不能超过20MB。")
        case let error as any HTTPResponseError: WebError(status: error.status, message: "请求无法处理。")
        default: WebError(status: .internalServerError, message: "服务器内部错误，请稍后再试；如果问题持续，请联系系统管理员。")
        }
    }
}
