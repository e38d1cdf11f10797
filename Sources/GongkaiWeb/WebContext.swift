import GongkaiCore
import GongkaiStore
import Hummingbird
import NIOCore

/// Per-request state: who is signed in (by session cookie or API token) and the session's CSRF token.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: User?
    public var csrfToken: String?
    /// The user came with an API token (no cookie, so no CSRF check).
    public var viaAPIToken = false
    /// 适老化 display mode chosen by the visitor: "", "large" or "contrast".
    public var displayMode = ""

    /// Set only in process, by the static mirror (`StaticMirror`): the page is rendered as it is now, not taken from
    /// the page cache (whose copy may be a check interval old), and it is not counted as a visitor's request.
    var rendersStaticPage = false

    /// The connection, kept so that its peer address is read only by the handlers that need it: reading it for every
    /// request took a lock and formatted an address, a measurable part of a cached page's cost.
    private let channel: any NIOCore.Channel
    /// The peer's IP address (the public request form's rate limit counts per address); empty when unknown.
    public var remoteAddress: String { channel.remoteAddress?.ipAddress ?? "" }
    /// The request reached us over HTTPS: a TLS-terminating proxy in front said so with `X-Forwarded-Proto: https`.
    /// Cookies are then sent `Secure` (a forged header can only make the sender's own cookies stricter).
    public var forwardedHTTPS = false

    public init(source: Source) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Attachments and forms; larger uploads are refused with 413. One attachment of the full AttachmentType.maxSize
    /// must fit, with room for the multipart envelope and the form's other fields.
    public var maxUploadSize: Int { AttachmentType.maxSize + 1024 * 1024 }
}

/// Settings read once at start.
public struct WebConfig: Sendable {
    public var secureCookies: Bool
    /// bcrypt cost for new passwords (tests use a low one).
    public var bcryptCost: UInt8
    public var siteName: String
    /// How often cached public pages check the database for changes (another instance may have written).
    public var contentCheckInterval: Duration
    /// Who runs the scheduled jobs (shown in /healthz); nil in tests that run no jobs.
    public var jobLeader: JobLeader?
    /// Lets a scraper off this machine read /metrics with `Authorization: Bearer <token>`; nil or empty: only
    /// local requests may (`GONGKAI_METRICS_TOKEN` for `gongkai serve`).
    public var metricsToken: String?
    /// Refuse (500) a page whose template asks for a key no view model has, instead of rendering it empty.
    /// Tests and `GONGKAI_STRICT_TEMPLATES=1` turn it on; a production site would rather show the page.
    public var strictTemplates: Bool
    /// The pages' clock; tests fix it to see pages at a given date.
    public var clock = SiteClock.system

    public init(secureCookies: Bool = false, bcryptCost: UInt8 = 12, siteName: String = "政府信息公开",
                contentCheckInterval: Duration = .seconds(1), metricsToken: String? = nil, strictTemplates: Bool = false) {
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.siteName = siteName
        self.contentCheckInterval = contentCheckInterval
        self.metricsToken = metricsToken
        self.strictTemplates = strictTemplates
    }
}
