import Foundation
import GongkaiStore
import Metrics

/// A `RecordSearch` that records how long each search takes (`gongkai_search_duration_seconds`, by backend).
struct TimedRecordSearch: RecordSearch {
    let base: any RecordSearch
    let timer: CoreMetrics.Timer

    init(_ base: any RecordSearch, backend: GongkaiDatabase.Backend) {
        self.base = base
        timer = CoreMetrics.Timer(label: "gongkai_search_duration_seconds", dimensions: [("backend", backend.rawValue)])
    }

    func search(_ query: SearchQuery, now: Date) async throws -> SearchResults {
        let started = ContinuousClock.now
        defer { timer.record(duration: ContinuousClock.now - started) }
        return try await base.search(query, now: now)
    }
}
