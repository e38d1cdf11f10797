/// The page `<meta>` tags governments use (《政府网站发展指引》国办发〔2017〕47号 网页设计规范; the names are as seen
/// on government sites, UNCONFIRMED against the annex text).
struct MetaTags: Sendable {
    var siteName: String
    var siteDomain: String
    var columnName: String
    var articleTitle: String?
    var pubDate: String?
    var source: String
    var keywords: String
    var description: String
    var url: String
}
