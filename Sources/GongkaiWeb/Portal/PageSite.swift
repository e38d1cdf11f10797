import Foundation
import Hummingbird

/// The site as a page sees it: the configured name, the host and origin the request came to (for `<meta>` tags),
/// and the moment the page is made at (the site's clock, which decides what is public yet).
struct PageSite: Sendable {
    var name: String
    var domain: String
    var origin: String
    var now: Date

    init(_ config: WebConfig, request: Request) {
        name = config.siteName
        domain = request.head.authority ?? ""
        origin = request.origin
        now = config.clock.now()
    }
}
