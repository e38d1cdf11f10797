import Crypto
import Foundation
import GongkaiStore
import Hummingbird
import Metrics

/// Serves public pages from memory and answers conditional requests with 304.
/// A cached page is valid while the content version (the newest audit entry: every change appends one, checked at
/// most once per `WebConfig.contentCheckInterval`, a second by default) and the current minute (scheduled publications become public on the minute) are unchanged. Staff (signed in) always
/// get live pages.
struct PublicCacheMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let portal: PortalQueries
    let store = PageStore()
    let versions: VersionProbe
    let hits = Counter(label: "gongkai_page_cache_lookups_total", dimensions: [("result", "hit")])
    let misses = Counter(label: "gongkai_page_cache_lookups_total", dimensions: [("result", "miss")])

    let clock: SiteClock

    init(portal: PortalQueries, checkInterval: Duration, clock: SiteClock) {
        self.portal = portal
        self.clock = clock
        versions = VersionProbe(interval: checkInterval)
    }

    static let cacheablePages: [SiteURL] = [.home, .sitemap, .robots]
    /// Every page under these: an agency's pages, feeds and reports; items and their feeds; records; searches.
    static let cacheablePrefixes = [SiteURL.agency(.key), .item(.key), .record(.key)].map(\.staticPrefix) + [SiteURL.search.path]

    static func isCacheable(_ path: String) -> Bool {
        cacheablePages.contains { $0.matches(path) } || cacheablePrefixes.contains { path.hasPrefix($0) }
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .get, context.user == nil, Self.isCacheable(request.uri.path) else {
            return try await next(request, context)
        }
        let key = context.displayMode + " " + request.uri.description
        let version = "\(try await versions.current(portal))-\(Int(clock.now().timeIntervalSince1970 / 60))"
        let page: Page
        if let cached = await store.page(key, version: version) {
            hits.increment()
            page = cached
        } else {
            misses.increment()
            let response = try await next(request, context)
            let box = BufferBox()
            try await response.body.write(CollectingWriter(box: box))
            let etag = "\"" + SHA256.hash(data: Data(buffer: box.buffer)).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
            let gzipped = box.buffer.readableBytes > 1024 ? Gzip.compress(box.buffer) : nil
            page = Page(status: response.status, headers: response.headers, body: box.buffer, gzipped: gzipped, etag: etag)
            if response.status == .ok { await store.put(key, version: version, page: page) }
        }
        var headers = page.headers
        // The length is the body's own; a stale one (the uncompressed size) would leave clients waiting.
        headers[.contentLength] = nil
        let acceptsGzip = request.headers[.acceptEncoding].map { $0.lowercased().contains("gzip") } ?? false
        let gzipped = acceptsGzip ? page.gzipped : nil
        // The compressed variant is a different representation, so it gets its own tag.
        let etag = gzipped == nil ? page.etag : String(page.etag.dropLast()) + "-gz\""
        headers[.eTag] = etag
        headers[.cacheControl] = "public, max-age=60"
        headers[.vary] = "Accept-Encoding"
        if page.status == .ok, let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmed == etag }) {
            return Response(status: .notModified, headers: headers)
        }
        if let gzipped {
            headers[.contentEncoding] = "gzip"
            return Response(status: page.status, headers: headers, body: .init(byteBuffer: gzipped))
        }
        return Response(status: page.status, headers: headers, body: .init(byteBuffer: page.body))
    }

    struct Page: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var gzipped: ByteBuffer?
        var etag: String
    }

    /// Asks the database for the content version at most once a second: a hot page then costs no query, and
    /// changes made by this or another instance show within a second.
    actor VersionProbe {
        private let interval: Duration
        private var value = -1
        private var checked = ContinuousClock.now - .seconds(3600)

        init(interval: Duration) { self.interval = interval }

        func current(_ portal: PortalQueries) async throws -> Int {
            let now = ContinuousClock.now
            if now - checked < interval, value >= 0 { return value }
            value = try await portal.contentVersion()
            checked = now
            return value
        }
    }

    actor PageStore {
        private var pages: [String: (version: String, page: Page)] = [:]

        func page(_ key: String, version: String) -> Page? {
            guard let entry = pages[key], entry.version == version else { return nil }
            return entry.page
        }

        func put(_ key: String, version: String, page: Page) {
            if pages.count > 5_000 { pages.removeAll(keepingCapacity: true) }
            pages[key] = (version, page)
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
