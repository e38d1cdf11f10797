import Hummingbird

/// The site as a page's `<meta>` tags name it: the configured name, and the host and origin the request came to.
struct PageSite: Sendable {
    var name: String
    var domain: String
    var origin: String

    init(name: String, request: Request) {
        self.name = name
        domain = request.head.authority ?? ""
        origin = request.origin
    }
}
