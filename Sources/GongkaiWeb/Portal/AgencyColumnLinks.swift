import GongkaiStore

/// The columns every 政府信息公开 site has (指南, 制度, 年报) where an agency's catalog keeps them as items: the
/// first item whose name says so. The name must say 公开: catalogs also have 办事指南, 行政执法服务指南, 执法统计年报
/// and 制度安排, which are not these columns.
struct AgencyColumnLinks: Sendable {
    var guide: String?
    var rules: String?
    var report: String?

    init(outline: [CatalogRepository.OutlineNode]) {
        for node in outline where node.isItem {
            if guide == nil, node.name.contains("公开指南") { guide = SiteURL.item(node.id).path }
            if rules == nil, node.name.contains("公开制度") { rules = SiteURL.item(node.id).path }
            if report == nil, node.name.contains("公开"), node.name.contains("年度报告") || node.name.contains("年报") { report = SiteURL.item(node.id).path }
        }
    }
}
