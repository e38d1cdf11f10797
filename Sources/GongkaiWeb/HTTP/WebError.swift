import GongkaiStore
import Hummingbird

/// Errors a handler raises on purpose; each renders the Chinese error page (or JSON for /api) with its status.
struct WebError: Error {
    var status: HTTPResponse.Status
    var message: String

    static func notFound(_ what: String = "页面") -> WebError { WebError(status: .notFound, message: "没有找到该\(what)。") }
    static let signInRequired = WebError(status: .unauthorized, message: "请先登录。")
    static func forbidden(_ why: String = "您没有权限执行此操作。") -> WebError { WebError(status: .forbidden, message: why) }
    static func badRequest(_ why: String) -> WebError { WebError(status: .badRequest, message: why) }

    init(status: HTTPResponse.Status, message: String) {
        self.status = status
        self.message = message
    }

    init(_ failure: RecordFailure) {
        switch failure {
        case .notFound: self = .notFound("信息")
        case .forbidden(let why): self = .forbidden(why)
        case .invalid, .workflow, .personalData: self = .badRequest(failure.description)
        }
    }

    init(_ failure: RequestFailure) {
        switch failure {
        case .notFound: self = .notFound("申请")
        case .forbidden(let why): self = .forbidden(why)
        case .rateLimited: self = WebError(status: .tooManyRequests, message: failure.description)
        case .invalid, .workflow: self = .badRequest(failure.description)
        }
    }
}
