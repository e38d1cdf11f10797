import Crypto
import Foundation
import GongkaiStore
import Hummingbird
import Metrics

/// Serves public pages from memory and answers conditional requests with 304.
/// A cached page is valid while the content version (the newest audit entry: every change appends one, checked at
/// most once per `WebConfig.contentCheckInterval`, a second by default) and the current minute (scheduled
/// publications become public on the minute) are unchanged.
///
/// Hits are answered before the router (`CachedPageResponder`); misses reach it as the first middleware, ahead of
/// the security-header, metrics, session and CSRF middlewares, which an anonymous GET of a public page does not need:
/// a request without a session cookie or an `Authorization` header is a visitor's. A hit is counted and timed in its
/// route's series itself, with metrics made once per page: Hummingbird's MetricsMiddleware (a meter, a locked lookup
/// and a closure per request) cost a quarter of the hit rate. Staff (with a session cookie) always get live pages.
/// The page store and the version are behind locks, not actors: a hit is one lock, no hop.
struct PublicCacheMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let portal: PortalQueries
    let store = PageStore()
    let versions: VersionProbe
    let hits = Counter(label: "gongkai_page_cache_lookups_total", dimensions: [("result", "hit")])
    let misses = Counter(label: "gongkai_page_cache_lookups_total", dimensions: [("result", "miss")])

    let clock: SiteClock
    /// Applied to every page served from here, since a hit does not reach the security middleware.
    let security: SecurityHeadersMiddleware

    init(portal: PortalQueries, checkInterval: Duration, clock: SiteClock, security: SecurityHeadersMiddleware) {
        self.portal = portal
        self.clock = clock
        self.security = security
        versions = VersionProbe(interval: checkInterval)
    }

    static let cacheablePages: [SiteURL] = [.home, .sitemap, .robots]
    /// Every page under these: an agency's pages, feeds and reports; items and their feeds; records; searches.
    static let cacheablePrefixes = [SiteURL.agency(.key), .item(.key), .record(.key)].map(\.staticPrefix) + [SiteURL.search.path]

    static func isCacheable(_ path: String) -> Bool {
        cacheablePages.contains { $0.matches(path) } || cacheablePrefixes.contains { path.hasPrefix($0) }
    }

    /// Pages hold absolute links (meta tags, feeds, the sitemap) made from the request's scheme and host, so these
    /// are part of the key: a request with a forged `Host` must not leave its links in the page others are served.
    static func key(_ request: Request) -> String {
        SessionMiddleware.displayMode(request) + " " + request.origin + request.uri.description
    }

    /// A visitor: no session to look up, no token to check.
    static func isAnonymous(_ request: Request) -> Bool {
        request.headers[.authorization] == nil && request.cookies[SessionMiddleware.cookieName] == nil
    }

    /// The page from memory when this request may have it and it is stored: fresh, or the previous one while
    /// another request renders it anew. `CachedPageResponder` asks this before the router, so a hit costs no route
    /// lookup and no middleware; a miss goes through the router and reaches `handle` below.
    func cachedResponse(_ request: Request) async throws -> Response? {
        guard let lookup = try await cacheKey(request) else { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        guard let page = store.page(lookup.key, version: lookup.version) else { return nil }
        hits.increment()
        page.requests.increment()
        page.duration.recordNanoseconds(DispatchTime.now().uptimeNanoseconds - start)
        return response(page, for: request)
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard !context.rendersStaticPage, let (key, version) = try await cacheKey(request) else { return try await next(request, context) }
        let page: Page
        switch store.lookup(key, version: version) {
        case .fresh(let cached), .stale(let cached):
            // Stored between the responder's look and this one.
            hits.increment()
            cached.requests.increment()
            page = cached
        case .render:
            misses.increment()
            let response: Response
            do { response = try await next(request, context) } catch {
                store.abandon(key)
                throw error
            }
            page = try await Page(response, route: context.endpointPath ?? "Unknown")
            if response.status == .ok { store.put(key, version: version, page: page) } else { store.abandon(key) }
        }
        return response(page, for: request)
    }

    private func cacheKey(_ request: Request) async throws -> (key: String, version: Version)? {
        guard request.method == .get, Self.isAnonymous(request), Self.isCacheable(request.uri.path) else { return nil }
        return (Self.key(request), Version(content: try await versions.current(portal), minute: Int(clock.now().timeIntervalSince1970 / 60)))
    }

    private func response(_ page: Page, for request: Request) -> Response {
        let acceptsGzip = page.gzipped != nil && (request.headers[.acceptEncoding].map { $0.lowercased().contains("gzip") } ?? false)
        let variant = page.variant(gzip: acceptsGzip, https: security.wantsHSTS(request))
        if page.status == .ok, let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmed == variant.etag }) {
            return Response(status: .notModified, headers: variant.headers)
        }
        return Response(status: page.status, headers: variant.headers, body: .init(byteBuffer: acceptsGzip ? page.gzipped! : page.body))
    }

    /// A stored page with its four header sets (plain or gzip, with or without HSTS) made once when it is stored:
    /// setting a dozen headers on every hit was a tenth of a hit's own cost.
    struct Page: Sendable {
        var status: HTTPResponse.Status
        var body: ByteBuffer
        var gzipped: ByteBuffer?
        private var variants: [Variant]
        /// The series of the page's route that Hummingbird's MetricsMiddleware keeps, which a hit does not pass through.
        var requests: Counter
        var duration: Timer

        struct Variant: Sendable {
            var headers: HTTPFields
            var etag: String
        }

        init(_ response: Response, route: String) async throws {
            let box = BufferBox()
            try await response.body.write(CollectingWriter(box: box))
            status = response.status
            body = box.buffer
            gzipped = body.readableBytes > 1024 ? Gzip.compress(body) : nil
            let etag = "\"" + SHA256.hash(data: Data(buffer: body)).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
            var base = response.headers
            // HSTS follows each request's X-Forwarded-Proto, so the stored page carries none of its own.
            base[SecurityHeadersMiddleware.strictTransportSecurity] = nil
            base[.cacheControl] = "public, max-age=60"
            base[.vary] = "Accept-Encoding"
            variants = []
            for gzip in [false, true] {
                for https in [false, true] {
                    var headers = base
                    // The compressed variant is a different representation, so it gets its own tag.
                    let tag = gzip ? String(etag.dropLast()) + "-gz\"" : etag
                    headers[.eTag] = tag
                    // Hummingbird sets the body's own length; a stale one (the uncompressed size) would leave clients waiting.
                    headers[.contentLength] = nil
                    if gzip { headers[.contentEncoding] = "gzip" }
                    SecurityHeadersMiddleware.apply(to: &headers, https: https)
                    variants.append(Variant(headers: headers, etag: tag))
                }
            }
            let series = [("http.route", route), ("http.request.method", "GET"), ("http.response.status_code", response.status.code.description)]
            requests = Counter(label: "hb.requests", dimensions: series)
            duration = Timer(label: "http.server.request.duration", dimensions: series, preferredDisplayUnit: .seconds)
        }

        func variant(gzip: Bool, https: Bool) -> Variant {
            variants[(gzip ? 2 : 0) + (https ? 1 : 0)]
        }
    }

    struct Version: Equatable {
        var content: Int
        var minute: Int
    }

    /// Asks the database for the content version at most once per interval: a hot page then costs no query, and
    /// changes made by this or another instance show within it. When the interval has passed, one request asks
    /// while the others go on with the version known so far: before, every request in flight asked at once, and
    /// on PostgreSQL that queue for pooled connections put p99 at half a second once per interval.
    final class VersionProbe: @unchecked Sendable {
        private let interval: Duration
        private let lock = NSLock()
        private var value = -1
        private var checked = ContinuousClock.now - .seconds(3600)
        private var asking = false

        init(interval: Duration) { self.interval = interval }

        func current(_ portal: PortalQueries) async throws -> Int {
            let now = ContinuousClock.now
            let known: Int? = lock.withLock {
                if now - checked < interval && value >= 0 { return value }
                if asking && value >= 0 { return value }
                asking = true
                return nil
            }
            if let known { return known }
            do {
                let fresh = try await portal.contentVersion()
                lock.withLock {
                    value = fresh
                    checked = now
                    asking = false
                }
                return fresh
            } catch {
                lock.withLock { asking = false }
                throw error
            }
        }
    }

    final class PageStore: @unchecked Sendable {
        private let lock = NSLock()
        private var pages: [String: (version: Version, page: Page)] = [:]

        /// Pages being rendered again after their version changed.
        private var rendering = Set<String>()

        enum Lookup {
            case fresh(Page)
            /// Another request is rendering the page anew; until it is stored, the previous one is served.
            case stale(Page)
            /// The caller renders the page and stores it (`put`) or gives up (`abandon`).
            case render
        }

        /// The stored page when it may be served without rendering: its version is current, or another request
        /// is rendering it anew. Nil sends the request on to render it.
        func page(_ key: String, version: Version) -> Page? {
            lock.withLock {
                guard let entry = pages[key] else { return nil }
                return entry.version == version || rendering.contains(key) ? entry.page : nil
            }
        }

        /// One request renders a page whose version changed while the others get the page they had: at a minute's
        /// turn (scheduled publication) every request in flight used to render the same page at once.
        func lookup(_ key: String, version: Version) -> Lookup {
            lock.withLock {
                if let entry = pages[key] {
                    if entry.version == version { return .fresh(entry.page) }
                    if rendering.contains(key) { return .stale(entry.page) }
                }
                rendering.insert(key)
                return .render
            }
        }

        func put(_ key: String, version: Version, page: Page) {
            lock.withLock {
                if pages.count > 5_000 { pages.removeAll(keepingCapacity: true) }
                pages[key] = (version, page)
                rendering.remove(key)
            }
        }

        func abandon(_ key: String) {
            _ = lock.withLock { rendering.remove(key) }
        }
    }

    final class BufferBox: @unchecked Sendable {
        var buffer = ByteBuffer()
    }

    struct CollectingWriter: ResponseBodyWriter {
        let box: BufferBox
        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            box.buffer.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

import GongkaiCore
import NIOFoundationCompat
