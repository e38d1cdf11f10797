import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import Testing

/// Kills a real `gongkai serve` (SIGKILL) while staff cycle one annual report through save, submit, approve and
/// revise over HTTP; afterwards every acknowledged step is stored, no version is half written (the report row, its
/// version rows, the published snapshot and the audit entries agree), and the audit chain is intact.
@Suite struct ReportCrashSafetyTests {
    @Test(arguments: StoreBackend.allCases)
    func sigkillDuringReportPublishingLeavesNoHalfState(backend: StoreBackend) async throws {
        let year = CivilDate(localDate: Date()).year
        let (harness, (cookie, csrf, agency)) = try await CrashHarness.start(backend) { fixture in
            let (cookie, csrf) = try await fixture.session("agencyadmin")
            return (cookie, csrf, fixture.yiyuan)
        }
        let page = "\(harness.base)/admin/reports/\(agency)/\(year)"
        // One client cycles the report; each acknowledged step (a 303) is logged with the version it made.
        let acknowledged = try await harness.run(streams: 1, killAfter: 14) { (_, log: CrashHarness.Log<Int>) in
            var version = 0
            for cycle in 0..<200 {
                let steps: [(String, [String: String])] = [
                    (page, ["version": String(version), "figure.二.fee.amount": String(cycle), "section.6": "第\(cycle)次修改。"]),
                    (page + "/submit", [:]), (page + "/approve", [:]), (page + "/revise", [:]),
                ]
                for (url, fields) in steps {
                    guard (try? await Self.post(url, fields.merging(["_csrf": csrf]) { a, _ in a }, cookie: cookie)) == 303 else { return }
                    version += 1
                    await log.add(version)
                }
            }
        }
        #expect(acknowledged.count >= 8)

        let after = try await harness.reopen()
        let repository = AnnualReportRepository(after)
        let stored = try await repository.stored(agencyID: agency, year: year)
        let versions = try await repository.versions(agencyID: agency, year: year)
        // Every acknowledged step is there; the row's version is the newest version row; nothing skipped.
        #expect(stored.version >= acknowledged.last ?? 0)
        #expect(versions.map(\.version) == Array((1...stored.version).reversed()))
        #expect(versions.first?.status == stored.status)
        // Each published version has its snapshot and its audit entry, and the portal shows the newest of them.
        let published = versions.filter { $0.status == .published }
        #expect(published.allSatisfy { $0.hasSnapshot })
        #expect(stored.publishedVersion == published.first?.version)
        let audit = AuditLog(after)
        let entries = try await audit.entries(limit: nil, ascending: true, filter: .init(objectType: "annual_report"))
        #expect(entries.count == versions.count)
        #expect(entries.filter { $0.action == "report.published" }.count == published.count)
        if let version = stored.publishedVersion {
            #expect(try await repository.published(agencyID: agency, year: year)?.version == version)
        }
        if case .broken(let id, let reason) = try await audit.verify() { Issue.record("audit chain broken at \(id): \(reason)") }
        await after.close()
        await harness.dispose()
    }

    /// A form POST without following the redirect: its status.
    static func post(_ url: String, _ fields: [String: String], cookie: String) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.timeoutInterval = 5
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(fields.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
        }.joined(separator: "&").utf8)
        let (_, response) = try await session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// A session that neither follows redirects nor keeps cookies of its own (the test sends the staff session's).
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }
}
