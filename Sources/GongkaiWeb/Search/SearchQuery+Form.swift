import GongkaiCore
import GongkaiStore

extension SearchQuery {
    /// A search as the portal's form and `/search?format=json` send it: q (at most 100 characters), agency, item,
    /// from/to (YYYY-MM-DD), validity, sort=date, page. `dateError` names a date that is not YYYY-MM-DD.
    static func parse(_ value: (String) -> String, pageSize: Int = 20) -> (query: SearchQuery, dateError: String?) {
        var error: String?
        func date(_ key: String) -> CivilDate? {
            let text = value(key).trimmed
            guard !text.isEmpty else { return nil }
            guard let date = CivilDate(text) else { error = "日期“\(text)”格式不对，请写成 YYYY-MM-DD。"; return nil }
            return date
        }
        func number(_ key: String) -> Int? { Int(value(key).trimmed) }
        let query = SearchQuery(text: String(value("q").trimmed.prefix(100)), agencyID: number("agency"), itemNodeID: number("item"),
                                from: date("from"), to: date("to"), validity: Validity(rawValue: value("validity").trimmed),
                                sort: value("sort").trimmed == "date" ? .date : .relevance, page: number("page") ?? 1, pageSize: pageSize)
        return (query, error)
    }
}
