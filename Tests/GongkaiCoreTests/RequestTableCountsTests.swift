import GongkaiCore
import Testing

/// Table 三 for 2026 from five requests across the year boundaries.
@Suite struct RequestTableCountsTests {
    let calendar = TestCalendar.calendar
    func d(_ text: String) -> CivilDate { TestCalendar.date(text) }
    func state(_ events: [RequestEvent]) throws -> RequestState { try RequestWorkflow.replay(events, calendar: calendar) }

    @Test func countsNewCarriedAndConcludedPerColumn() throws {
        let requests: [(kind: ApplicantKind, state: RequestState)] = [
            // Received 2025, answered 2026: 上年结转 and counted in 2026's results.
            (.naturalPerson, try state([.received(on: d("2025-12-22"), channel: .online),
                                        .answered(on: d("2026-01-08"), outcome: .disclosed)])),
            // Received and answered in 2025: not in 2026's table at all.
            (.naturalPerson, try state([.received(on: d("2025-03-03"), channel: .online),
                                        .answered(on: d("2025-03-05"), outcome: .disclosed)])),
            // Received 2026, abandoned for lack of 补正 in 2026: 其他处理 1.
            (.legalServiceOrganization, try state([.received(on: d("2026-06-01"), channel: .online),
                                                   .clarificationRequested(on: d("2026-06-03"), items: ["文号"]),
                                                   .clarificationExpired(on: d("2026-06-26"))])),
            // Received 2026, still open at year end: 结转下年度.
            (.commercialEnterprise, try state([.received(on: d("2026-12-21"), channel: .inPerson)])),
            // Received 2027: ignored.
            (.naturalPerson, try state([.received(on: d("2027-01-04"), channel: .inPerson)])),
        ]
        let counts = RequestTableCounts.count(requests, year: 2026)
        #expect(counts.newlyReceived == [.legalServiceOrganization: 1, .commercialEnterprise: 1])
        #expect(counts.carriedOver == [.naturalPerson: 1])
        #expect(counts.count(.disclosed, .naturalPerson) == 1)
        #expect(counts.count(.otherHandling(.clarificationOverdue)) == 1)
        #expect(counts.concluded() == 2)
        #expect(RequestTableCounts.cell(counts.carriedForward, nil) == 1)
        #expect(counts.isBalanced)
        var broken = counts
        broken.carriedForward = [:]
        #expect(!broken.isBalanced)
    }
}
