/// What a page's content gives the layout around it: the 政府网站 meta tags, its Atom feed, and its 当前位置
/// trail. Pages without them get nil (the layout then shows 首页 › title), so the layout never asks the content
/// for a key it may not have.
protocol PageChrome {
    var meta: MetaTags? { get }
    var feedURL: String? { get }
    /// From the site's home to the page's parent; the page itself (its title) is added by the renderer.
    var trail: [Crumb]? { get }
}

extension PageChrome {
    var meta: MetaTags? { nil }
    var feedURL: String? { nil }
    var trail: [Crumb]? { nil }
}

/// One step of the 当前位置 breadcrumb.
struct Crumb: Sendable {
    var name: String
    var url: String
    /// The page itself: shown, not linked.
    var isCurrent = false

    static let home = Crumb(name: "首页", url: SiteURL.home.path)
    static let workbench = Crumb(name: "工作台", url: SiteURL.admin.path)
}
