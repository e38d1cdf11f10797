import Hummingbird

extension Request {
    /// scheme://host as the visitor reached the site (https behind a proxy that says so), for absolute links.
    var origin: String {
        let host = head.authority ?? "127.0.0.1"
        let scheme = headers[.init("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }
}
