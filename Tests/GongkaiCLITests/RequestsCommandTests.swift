import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore
import Testing

extension CLITests {
    @Suite struct RequestsCommandTests {
        /// `gongkai requests --json`: code, status, received and due computed from the events at --at.
        @Test func requestsJSONListsCodeStatusReceivedAndDue() async throws {
            let db = try CommandRunner.temporaryDirectory().appendingPathComponent("g.sqlite").path
            _ = try await CommandRunner.run(["import", "--db", db, CommandRunner.seed("003")])
            let calendar = WorkingCalendar(try HolidayData.bundledYears())
            let code: String = try await {
                let database = try await GongkaiDatabase.open(path: db)
                do {
                    let agency = try await AgencyDirectory(database).agencies()[0].id
                    let staff = User(id: 0, username: "staff", displayName: "办公室", role: .systemAdmin, agencyID: nil)
                    let requests = RequestRepository(database)
                    let filed = try await requests.submit(RequestSubmission(
                        agencyID: agency, applicant: ApplicantIdentity(kind: .commercialEnterprise, name: "某医药公司", documentType: .unifiedSocialCreditCode,
                                                                       documentNumber: "91370000MA3C000000", contact: "0533-0000000"),
                        requestedInformation: "定点医药机构名单", formRequirement: "电子数据", delivery: "电子邮件"), address: "127.0.0.1")
                    try await requests.record(.received(on: CivilDate("2026-09-21")!, channel: .inPerson), id: filed.id, by: staff, calendar: calendar)
                    try await requests.record(.consultationStarted(on: CivilDate("2026-09-24")!, party: .thirdParty), id: filed.id, by: staff,
                                              calendar: calendar)
                    try await requests.record(.consultationEnded(on: CivilDate("2026-10-16")!), id: filed.id, by: staff, calendar: calendar)
                    _ = try await requests.submit(RequestSubmission(
                        agencyID: agency, applicant: ApplicantIdentity(kind: .naturalPerson, name: "李四", documentType: .residentIDCard,
                                                                       documentNumber: "11010519491231002X", contact: "13800000000"),
                        requestedInformation: "医保目录", formRequirement: "", delivery: ""), address: "127.0.0.1")
                    await database.close()
                    return filed.code
                } catch {
                    await database.close()
                    throw error
                }
            }()
            let listed = try await CommandRunner.run(["requests", "--db", db, "--at", "2026-10-19", "--json"])
            #expect(listed.exitCode == 0)
            let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [[String: Any]]
            #expect(rows.count == 2)
            let row = try #require(rows.first { $0["code"] as? String == code })
            #expect(row["status"] as? String == "registered")
            #expect(row["statusLabel"] as? String == "已登记")
            #expect(row["received"] as? String == "2026-09-21")
            #expect(row["due"] as? String == "2026-11-10")
            #expect(row["clock"] as? String == "running")
            #expect(row["remainingWorkdays"] as? Int == 16)
            let fresh = try #require(rows.first { $0["code"] as? String != code })
            #expect(fresh["status"] as? String == "new" && fresh["received"] == nil)
            #expect(!listed.stdout.contains("李四") && !listed.stdout.contains("11010519491231002X"))
            let text = try await CommandRunner.run(["requests", "--db", db, "--at", "2026-10-19"])
            #expect(text.stdout.contains(code) && text.stdout.contains("期限 2026-11-10"))
            #expect(try await CommandRunner.run(["requests", "--db", db, "--agency", "99"]).exitCode != 0)
        }
    }
}
