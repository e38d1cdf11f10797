/// A numbered link of a paged list (an item's records, search hits).
struct PageLink: Sendable {
    var number: Int
    var url: String
    var current: Bool

    /// The links to the first 50 pages.
    static func links(total: Int, pageSize: Int, current: Int, url: (Int) -> String) -> [PageLink] {
        let count = max(1, (total + pageSize - 1) / pageSize)
        return (1...min(count, 50)).map { PageLink(number: $0, url: url($0), current: $0 == current) }
    }
}
