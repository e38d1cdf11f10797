import GongkaiCore
import GongkaiStore
@testable import GongkaiWeb
import Testing

/// Search input as the portal receives it (`SearchQuery.parse`); the cases the search fuzz target checks.
@Suite struct SearchQueryInputTests {
    /// page=9223372036854775807 made (page - 1) * pageSize overflow in both backends: a trap, the server gone.
    @Test func hugePageIsBounded() {
        let (query, error) = SearchQuery.parse { ["q": "医保", "page": String(Int.max)][$0] ?? "" }
        #expect(error == nil)
        #expect(query.page == SearchQuery.maxPage)
        #expect(!(query.page - 1).multipliedReportingOverflow(by: query.pageSize).overflow)
        #expect(SearchQuery(text: "x", page: Int.min).page == 1)
    }

    @Test func parametersAreTrimmedAndBounded() {
        let values = ["q": "  " + String(repeating: "政", count: 150) + " ", "agency": " 3 ", "from": "2024-13-01",
                      "to": "2024-12-31", "sort": "date", "validity": "nonsense"]
        let (query, error) = SearchQuery.parse { values[$0] ?? "" }
        #expect(query.text.count == 100)
        #expect(query.agencyID == 3)
        #expect(query.from == nil && error == "日期“2024-13-01”格式不对，请写成 YYYY-MM-DD。")
        #expect(query.to == CivilDate(year: 2024, month: 12, day: 31))
        #expect(query.sort == .date && query.validity == nil)
    }
}
