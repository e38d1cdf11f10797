import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import GongkaiTestSupport
@testable import GongkaiWeb
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `/metrics`. The registry is the process's, shared with the tests running alongside, so counts are compared as
/// growth from a scrape taken before, never as exact totals.
@Suite struct MetricsTests {
    static let token = "metrics-test-token"

    static func router(_ fixture: WebFixture, token: String? = MetricsTests.token) async throws -> GongkaiSite {
        try await buildSite(database: fixture.database, calendar: WorkingCalendar(try HolidayData.bundledYears()),
                              config: WebConfig(bcryptCost: 4, contentCheckInterval: .zero, metricsToken: token, strictTemplates: true))
    }

    static func scrape(_ client: some TestClientProtocol) async throws -> PrometheusSamples {
        let response = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(token)"])
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        return PrometheusSamples(response.text)
    }

    @Test(arguments: StoreBackend.allCases)
    func requestsCacheSearchAndDatabaseAreMeasured(backend: StoreBackend) async throws {
        try await WebFixture.with(backend) { fixture in
            let id = try await PortalTests.publish(fixture, "指标测试")
            let app = Application(router: try await Self.router(fixture))
            try await app.test(.router) { client in
                let before = try await Self.scrape(client)
                // Three reads: the first fills the cache, a later one hits it even if a minute turns in between.
                for _ in 0..<3 { #expect(try await client.get("/records/\(id)", cookie: nil).status == .ok) }
                #expect(try await client.get("/search?q=%E6%8C%87%E6%A0%87\(UUID().uuidString.prefix(8))", cookie: nil).status == .ok)
                #expect(try await client.get("/no-such-page-\(id)", cookie: nil).status == .notFound)
                let after = try await Self.scrape(client)

                let record = ["http_route": "/records/{id}", "http_request_method": "GET", "http_response_status_code": "200"]
                #expect(after.total("hb_requests", record) - before.total("hb_requests", record) >= 3)
                #expect(after.total("http_server_request_duration_count", record) - before.total("http_server_request_duration_count", record) >= 3)
                #expect(after.total("hb_requests", ["http_route": "NotFound", "http_response_status_code": "404"]) >= 1)
                // Routes are templates: no series carries a raw path.
                #expect(!after.text.contains("/records/\(id)\"") && !after.text.contains("no-such-page"))
                #expect(after.text.contains("# TYPE hb_requests counter"))

                let hits = ["result": "hit"], misses = ["result": "miss"]
                #expect(after.total("gongkai_page_cache_lookups_total", hits) - before.total("gongkai_page_cache_lookups_total", hits) >= 1)
                #expect(after.total("gongkai_page_cache_lookups_total", misses) - before.total("gongkai_page_cache_lookups_total", misses) >= 1)

                let search = ["backend": fixture.database.backend.rawValue]
                #expect(after.total("gongkai_search_duration_seconds_count", search) - before.total("gongkai_search_duration_seconds_count", search) >= 1)
                #expect(after.total("gongkai_search_duration_seconds_sum", search) > 0)
                #expect(after.matching("gongkai_search_duration_seconds_bucket", search.merging(["le": "+Inf"]) { $1 }).count == 1)

                for name in ["gongkai_db_connections_in_use", "gongkai_db_connections_waiting"] {
                    let gauge = try #require(after.matching(name, search).first, "\(name)")
                    #expect(gauge.value >= 0)
                }
            }
        }
    }

    /// With the router test client there is no socket, so no peer: such a request counts as remote.
    @Test func othersGetThePlainNotFoundPage() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: try await Self.router(fixture))
            try await app.test(.router) { client in
                let unknown = try await client.get("/no-such-page", cookie: nil)
                for authorization in [nil, "Bearer wrong-token", "Bearer ", "Basic \(Self.token)", Self.token] {
                    let headers: HTTPFields = authorization.map { [.authorization: $0] } ?? [:]
                    let refused = try await client.execute(uri: "/metrics", method: .get, headers: headers)
                    #expect(refused.status == .notFound, "\(authorization ?? "none")")
                    #expect(refused.text == unknown.text, "\(authorization ?? "none")")
                }
                #expect(try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)"]).status == .ok)
            }
            // No token configured: a bearer token (even an empty one) opens nothing.
            let closed = Application(router: try await Self.router(fixture, token: nil))
            try await closed.test(.router) { client in
                let response = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer "])
                #expect(response.status == .notFound)
            }
        }
    }

    /// Over a real socket from 127.0.0.1: local scrapers need no token, but a request a proxy forwarded does.
    @Test func loopbackPeersNeedNoTokenUnlessForwarded() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: try await Self.router(fixture), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                // A request of its own: the series must not depend on what other tests asked first.
                _ = try await client.get("/no-such-page", cookie: nil)
                let local = try await client.get("/metrics", cookie: nil)
                #expect(local.status == .ok)
                #expect(local.text.contains("hb_requests"))
                for header in ["X-Forwarded-For", "Forwarded", "X-Real-IP"] {
                    let forwarded = try await client.execute(uri: "/metrics", method: .get, headers: [.init(header)!: "203.0.113.9"])
                    #expect(forwarded.status == .notFound, "\(header)")
                }
                let withToken = try await client.execute(uri: "/metrics", method: .get,
                                                         headers: [.init("X-Forwarded-For")!: "203.0.113.9", .authorization: "Bearer \(Self.token)"])
                #expect(withToken.status == .ok)
            }
        }
    }

    @Test func loopbackAddresses() {
        for address in ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"] {
            #expect(MetricsAccessMiddleware.isLoopback(address), "\(address)")
        }
        for address in ["", "10.0.0.1", "128.0.0.1", "::2", "::ffff:10.0.0.1", "fe80::1", "localhost", "127.0.0.1.evil"] {
            #expect(!MetricsAccessMiddleware.isLoopback(address), "\(address)")
        }
    }

    @Test func jobRunsAreCountedByJob() async throws {
        try await WebFixture.with { fixture in
            let app = Application(router: try await Self.router(fixture))
            try await app.test(.router) { client in
                let before = try await Self.scrape(client)
                let logger = Logger(label: "gongkai.test")
                let jobs = ScheduledJobs(database: fixture.database, calendar: WorkingCalendar(try HolidayData.bundledYears()),
                                         leader: try JobLeader(database: fixture.database, logger: logger), logger: logger)
                let running = Task { await jobs.run() }
                defer { running.cancel() }
                // Every job runs once at start; the sweep may take a few seconds on a loaded machine.
                var after = before
                for _ in 0..<120 {
                    after = try await Self.scrape(client)
                    let done = jobs.jobs.allSatisfy { job in
                        after.total("gongkai_job_runs_total", ["job": job.name]) > before.total("gongkai_job_runs_total", ["job": job.name])
                    }
                    if done { break }
                    try await Task.sleep(for: .milliseconds(250))
                }
                running.cancel()
                await running.value
                for job in jobs.jobs {
                    #expect(after.total("gongkai_job_runs_total", ["job": job.name]) > before.total("gongkai_job_runs_total", ["job": job.name]), "\(job.name)")
                    #expect(after.matching("gongkai_job_failures_total", ["job": job.name]).count == 1, "\(job.name)")
                }
            }
        }
    }
}
