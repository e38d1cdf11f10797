import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
import Testing

@Suite struct CalendarRepositoryTests {
    static func year2027() -> HolidayYear {
        // A made-up 2027 arrangement for the test: New Year on Friday 2027-01-01 and an adjusted Saturday.
        HolidayYear(year: 2027, days: [
            .init(name: "元旦", date: CivilDate("2027-01-01")!, isOffDay: true),
            .init(name: "元旦", date: CivilDate("2027-01-02")!, isOffDay: false),
        ])
    }

    @Test(arguments: StoreBackend.allCases)
    func importingAYearRecomputesTheDueDatesThatSpanIt(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let repository = CalendarRepository(database)
            let bundled = try HolidayData.bundledYears()
            let before = try await repository.calendar(bundled: bundled)
            let rule = DeadlineParser.parse("自该信息形成或者变更之日起5个工作日内")
            let stored = try await repository.storeDueDate(subject: "record:1", rule: rule, trigger: CivilDate("2026-12-28")!,
                                                           period: nil, recordKind: nil, calendar: before)
            #expect(stored.provisional)
            #expect(stored.due == CivilDate("2027-01-04"))
            try await repository.storeDueDate(subject: "record:2", rule: rule, trigger: CivilDate("2024-03-01")!,
                                              period: nil, recordKind: nil, calendar: before)

            let outcome = try await repository.importYear(Self.year2027(), source: "test", bundled: bundled)
            #expect((outcome.replaced, outcome.recomputed, outcome.changed) == (false, 1, 1))
            let after = try #require(try await repository.dueDate(subject: "record:1"))
            // Weekends only: 12-29, 12-30, 12-31, 01-01, 01-04. With the data: 12-29, 12-30, 12-31, 01-02 (adjusted), 01-04.
            #expect(after.due == CivilDate("2027-01-04"))
            #expect(!after.provisional)
            #expect(try await repository.calendar(bundled: bundled).years[2027] == Self.year2027())
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func storedRulesAreReparsed(backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { database in
            let result = try CatalogRepositoryTests.seed("000")
            let id = try await CatalogRepository(database).save(result.catalog, format: result.format, diagnostics: result.diagnostics)
            let loaded = try await CatalogRepository(database).load(id: id)
            #expect(loaded.items.allSatisfy { $0.item.deadlineRule != nil })
            let unchanged = try await DeadlineRuleRepository(database).reparseAll(using: DeadlineParser.parse)
            #expect(unchanged.total == 48 && unchanged.changed.isEmpty)
            let changed = try await DeadlineRuleRepository(database).reparseAll { DeadlineRule(kind: .unparsed, text: $0, reason: "测试") }
            #expect(changed.changed.count == 48)
            #expect(changed.kinds == ["unparsed": 48])
        }
    }
}
