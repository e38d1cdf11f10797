import Foundation
import GongkaiCore
import GongkaiStore

/// A few 依申请公开 requests per agency in the simulated year, through the real repository and workflow on their
/// simulated dates: answered on time with different table-三 outcomes, one after 补正, one after a third-party
/// consultation, one extended, one abandoned, one still open; one answer is taken to 行政复议 (upheld) and one to court
/// (pending). They feed the requests pages and tables 三 and 四 of the annual report.
struct DemoRequests {
    let database: GongkaiDatabase
    let calendar: WorkingCalendar
    let year: Int
    let at: CivilDate
    let admin: User

    /// What each planned request asks for, who asks, and what happens to it.
    private enum Path { case disclosed, clarified, consulted, extended, withheld, notHeld, duplicate, abandoned, open }

    private static let plans: [(Path, ApplicantKind, String)] = [
        (.disclosed, .naturalPerson, "本县城乡居民基本医疗保险缴费标准的文件"),
        (.clarified, .naturalPerson, "医保报销的有关规定"),
        (.consulted, .commercialEnterprise, "本县定点医药机构协议管理考核结果"),
        (.extended, .legalServiceOrganization, "近三年医保基金监督检查行政处罚决定书"),
        (.withheld, .researchInstitution, "医保支付方式改革方案的讨论记录"),
        (.notHeld, .naturalPerson, "本县2010年新农合参合人员名单"),
        (.duplicate, .naturalPerson, "本县城乡居民基本医疗保险缴费标准的文件"),
        (.abandoned, .otherOrganization, "有关材料"),
        (.open, .socialWelfareOrganization, "医疗救助资金年度使用情况"),
    ]

    /// Returns how many requests were filed.
    func run(agencyID: Int, random: inout SeededGenerator) async throws -> Int {
        let requests = RequestRepository(database)
        let first = CivilDate(year: year, month: 1, day: 1)!
        // Requests arrive through the year, each early enough for its whole path to end before `at`.
        let span = max(at.dayNumber - first.dayNumber - 120, 10)
        var filed = 0
        for (index, (path, kind, information)) in Self.plans.enumerated() {
            var received = calendar.workdayOnOrAfter(first.adding(days: 10 + span * index / Self.plans.count + Int(random.next() % 9)))
            if path == .open {
                // Three workdays before `at`: still running, not yet due soon.
                received = at
                var back = 0
                while back < 3 { received = received.adding(days: -1); if calendar.isWorkday(received) { back += 1 } }
            }
            guard received < at else { continue }
            let submission = RequestSubmission(agencyID: agencyID, applicant: applicant(kind, index: index, agencyID: agencyID),
                                               requestedInformation: information, formRequirement: "电子数据", delivery: "电子邮件")
            let stored = try await requests.submit(submission, address: "demo-\(agencyID)-\(index)", now: DemoYearGenerator.instant(received))
            func record(_ event: RequestEvent) async throws {
                try await requests.record(event, id: stored.id, by: admin, calendar: calendar)
            }
            func workdays(_ count: Int, after day: CivilDate) -> CivilDate { calendar.adding(workdays: count, to: day) }
            try await record(.received(on: received, channel: .online))
            switch path {
            case .disclosed, .duplicate:
                let outcome: RequestOutcome = path == .disclosed ? .disclosed : .notProcessed(.duplicate)
                try await record(.answered(on: workdays(8, after: received), outcome: outcome,
                                           text: path == .disclosed ? "该文件已在本局网站“政策文件”栏目公开，现随本答复书提供电子版。" : nil))
            case .clarified:
                let asked = workdays(3, after: received)
                try await record(.clarificationRequested(on: asked, items: ["请写明所需信息的名称、文号或者其他特征性描述"]))
                let corrected = workdays(6, after: asked)
                try await record(.clarificationReceived(on: corrected))
                try await record(.answered(on: workdays(10, after: corrected), outcome: .disclosed))
            case .consulted:
                let started = workdays(4, after: received)
                try await record(.consultationStarted(on: started, party: .thirdParty))
                let ended = workdays(9, after: started)
                try await record(.consultationEnded(on: ended))
                try await record(.answered(on: workdays(12, after: ended), outcome: .partiallyDisclosed,
                                           text: "涉及第三方商业秘密的部分经征求意见后不予公开，其余部分予以公开。"))
            case .extended:
                try await record(.extended(on: workdays(18, after: received), workdays: 15, approver: "局长"))
                try await record(.answered(on: workdays(30, after: received), outcome: .disclosed))
            case .withheld:
                // The applicant asks for 行政复议; the review body upholds the answer (table 四).
                let answered = workdays(12, after: received)
                try await record(.answered(on: answered, outcome: .withheld(.processInformation)))
                let filed = workdays(20, after: answered), decided = workdays(45, after: filed)
                if filed < at { try await record(.reviewFiled(on: filed)) }
                if decided < at { try await record(.reviewDecided(on: decided, result: .upheld)) }
            case .notHeld:
                // The applicant sues without a review first; the case is still pending (table 四 尚未审结).
                let answered = workdays(7, after: received)
                try await record(.answered(on: answered, outcome: .unavailable(.notHeld)))
                let filed = workdays(30, after: answered)
                if filed < at { try await record(.litigationFiled(on: filed)) }
            case .abandoned:
                let asked = workdays(2, after: received)
                try await record(.clarificationRequested(on: asked, items: ["请写明所需信息的名称或文号"]))
                try await record(.clarificationExpired(on: workdays(16, after: asked)))
            case .open:
                break
            }
            filed += 1
        }
        return filed
    }

    /// A synthetic applicant: a resident ID with a valid GB 11643 check character for people, a placeholder
    /// 统一社会信用代码 for organisations (never a real one).
    private func applicant(_ kind: ApplicantKind, index: Int, agencyID: Int) -> ApplicantIdentity {
        let names = ["王某", "李某", "某医药连锁有限公司", "某律师事务所", "某大学公共卫生学院", "张某", "赵某", "某协会", "某慈善基金会"]
        let contact = "0533-81\(String(format: "%02d", agencyID))\(String(format: "%03d", index))"
        guard !kind.isOrganization else {
            return ApplicantIdentity(kind: kind, name: names[index % names.count], documentType: .unifiedSocialCreditCode,
                                     documentNumber: "DEMO\(String(format: "%014d", agencyID * 100 + index))", contact: contact)
        }
        let first17 = "370323" + "19\(70 + index)0\(1 + index % 9)1\(index % 10)" + String(format: "%03d", agencyID * 10 + index)
        let number = first17 + String(IDNumber.checkCharacter(for: first17) ?? "0")
        return ApplicantIdentity(kind: kind, name: names[index % names.count], documentType: .residentIDCard, documentNumber: number,
                                 contact: contact)
    }
}
