import GongkaiCore
import Testing

/// The scenarios, each worked out by hand from the articles and the 2026 holiday data
/// (Sources/GongkaiInterchange/Calendar/Holidays/2026.json). "n workdays after X" never counts X (民法典 第二百零一条).
@Suite struct RequestScenarioTests {
    let calendar = TestCalendar.calendar
    func d(_ text: String) -> CivilDate { TestCalendar.date(text) }
    func clock(_ events: [RequestEvent], _ today: String) -> ClockState {
        RequestClock.compute(events: events, calendar: calendar, today: d(today))
    }

    /// 补正 then restart (第三十条). 2026: 清明 4/4–4/6 off; 劳动节 5/1–5/5 off, Sat 5/9 调休上班.
    /// Received Mon 03-23 in person (第三十一条第（一）项). Notice limit, 7 workdays: 3/24 25 26 27 30 31 4/1 → 04-01;
    /// the notice on Thu 03-26 is the 3rd workday. Reply period, 15 workdays after 3/26: 3/27 30 31 4/1 2 3 (6),
    /// [4/4–4/6 清明], 4/7–10 (10), 4/13–17 (15) → 04-17. Correction on Thu 04-09 restarts the full 20 (“自收到补正的申请之日起
    /// 计算”): 4/10 (1), 4/13–17 (6), 4/20–24 (11), 4/27–30 (15), [5/1–5/5], 5/6 7 8 (18), Sat 5/9 调休 (19), Mon 5/11 (20).
    /// Without 补正 the due date would be 04-21; pausing instead of restarting (3 used + 17) would give 05-07.
    @Test func clarificationThenRestart() throws {
        let notice: [RequestEvent] = [
            .received(on: d("2026-03-23"), channel: .inPerson),
            .assigned(on: d("2026-03-23"), department: "待遇保障科"),
            .clarificationRequested(on: d("2026-03-26"), items: ["请写明所需文件的文号或成文时间"]),
        ]
        let waiting = clock(notice, "2026-04-01")
        #expect(waiting.status == .awaitingClarification)
        #expect(waiting.dueDate == nil)
        #expect(waiting.clarificationDeadline == d("2026-04-17"))
        #expect(waiting.flags.isEmpty)

        let corrected = notice + [.clarificationReceived(on: d("2026-04-09"))]
        let running = clock(corrected, "2026-05-08")
        #expect(running.clockStart == d("2026-04-09"))
        #expect(running.dueDate == d("2026-05-11"))
        #expect(running.status == .running)
        #expect(running.usedWorkdays == 18)
        #expect(running.remainingWorkdays == 2)
        #expect(running.isDueSoon)
        #expect(running.segments.map(\.kind) == [.superseded, .stopped, .counted])
        #expect(running.segments.map(\.workdays) == [3, 0, 20])
        #expect(running.explanation.contains("重新计算"))
        #expect(running.explanation.contains("2026-05-01至2026-05-05（劳动节）"))
        #expect(running.explanation.contains("2026-05-09（劳动节调休）"))

        let answered = clock(corrected + [.answered(on: d("2026-05-11"), outcome: .disclosed)], "2026-05-20")
        #expect(answered.status == .answered)
        #expect(answered.usedWorkdays == 20)
        #expect(clock(corrected + [.answered(on: d("2026-05-12"), outcome: .disclosed)], "2026-05-20").status == .answeredLate)
    }

    /// 补正 never answered (第三十条 视为放弃申请). 2026: 端午 Fri 6/19 off.
    /// Received Mon 06-01 online; notice Wed 06-03 with the default 15 workdays: 6/4 5 (2), 6/8–12 (7), 6/15–18 (11),
    /// [6/19–21], 6/22 23 24 25 (15) → the applicant may correct through Thu 06-25; abandonment can be recorded from 06-26.
    @Test func clarificationNeverAnswered() throws {
        let events: [RequestEvent] = [
            .received(on: d("2026-06-01"), channel: .online),
            .clarificationRequested(on: d("2026-06-03"), items: ["申请内容不明确，请说明所需信息的名称"]),
        ]
        #expect(clock(events, "2026-06-25").status == .awaitingClarification)
        #expect(clock(events, "2026-06-25").explanation.contains("2026-06-19至2026-06-21（端午节）"))
        #expect(clock(events, "2026-06-26").status == .clarificationLapsed)

        let state = try RequestWorkflow.replay(events, calendar: calendar)
        #expect(throws: RequestWorkflow.Failure.clarificationNotLapsed(deadline: d("2026-06-25"))) {
            try RequestWorkflow.apply(.clarificationExpired(on: d("2026-06-25")), to: state, calendar: calendar)
        }
        let abandoned = events + [.clarificationExpired(on: d("2026-06-26"))]
        let closed = try RequestWorkflow.replay(abandoned, calendar: calendar)
        #expect(closed.phase == .closed)
        #expect(closed.outcome == .otherHandling(.clarificationOverdue))
        #expect(closed.concludedOn == d("2026-06-26"))
        let result = clock(abandoned, "2026-07-01")
        #expect(result.status == .abandoned)
        #expect(result.dueDate == nil)
        #expect(result.explanation.contains("视为放弃申请"))
    }

    /// Third-party consultation across 中秋 and 国庆 2026 (第三十二条, 第三十三条第三款). 2026: 中秋 9/25–27 off,
    /// 国庆 10/1–7 off, 调休上班 Sun 9/20 and Sat 10/10. Received Mon 09-21 in person.
    /// Counted before the pause: 9/22 23 24 = 3 (the serving day 9/24 counts). The party's 15 workdays after 9/24:
    /// 9/28 29 30 (3), 10/8 9 (5), Sat 10/10 (6), 10/12–16 (11), 10/19–22 (15) → 10-22. Reply received Fri 10-16:
    /// paused 9/28 29 30, 10/8 9 10 12 13 14 15 16 = 11 workdays. Remaining 17 after 10/16: 10/19–23 (5), 10/26–30 (10),
    /// 11/2–6 (15), 11/9 (16), 11/10 (17) → Tue 11-10. No pause would give 10-26; forgetting 调休 10/10 would give 11-09.
    /// Served on the holiday 9/25 instead gives the same dates (9/25 is no workday).
    @Test(arguments: ["2026-09-24", "2026-09-25"])
    func thirdPartyPauseAcrossNationalDay(served: String) throws {
        let started: [RequestEvent] = [
            .received(on: d("2026-09-21"), channel: .inPerson),
            .consultationStarted(on: d(served), party: .thirdParty),
        ]
        // While paused, the due date shown is the latest one: 17 workdays after 10/22:
        // 10/23 (1), 10/26–30 (6), 11/2–6 (11), 11/9–13 (16), 11/16 (17).
        let paused = clock(started, "2026-10-09")
        #expect(paused.status == .paused)
        #expect(paused.isPaused)
        #expect(paused.usedWorkdays == 3)
        #expect(paused.remainingWorkdays == 17)
        #expect(paused.consultationDeadline == d("2026-10-22"))
        #expect(paused.dueDate == d("2026-11-16"))
        #expect(!paused.isDueSoon)

        let ended = clock(started + [.consultationEnded(on: d("2026-10-16"))], "2026-10-19")
        #expect(ended.status == .running)
        #expect(ended.dueDate == d("2026-11-10"))
        #expect(ended.usedWorkdays == 4)
        #expect(ended.segments.map(\.kind) == [.counted, .paused, .counted])
        #expect(ended.segments.map(\.workdays) == [3, 11, 17])
        #expect(ended.explanation.contains("2026-10-01至2026-10-07（国庆节）"))
        #expect(ended.explanation.contains("2026-10-10（国庆节调休）"))
        #expect(ended.explanation.contains("共11个工作日（第三十三条第三款）"))
    }

    /// Extension (第三十三条第二款). 2026: 端午 Fri 6/19 off. Received Mon 06-08 by registered post, signed that day.
    /// 20 workdays: 6/9–12 (4), 6/15–18 (8), [6/19], 6/22–26 (13), 6/29 30 (15), 7/1–3 (18), 7/6 (19), Tue 7/7 (20).
    /// Extended on Fri 07-03 by 20: 7/8–10 (3), 7/13–17 (8), 7/20–24 (13), 7/27–31 (18), 8/3 (19), Tue 8/4 (20).
    @Test func extensionOfTwentyWorkdays() throws {
        let received: [RequestEvent] = [.received(on: d("2026-06-08"), channel: .registeredPost)]
        #expect(clock(received, "2026-06-09").dueDate == d("2026-07-07"))
        let extended = received + [.extended(on: d("2026-07-03"), workdays: 20, approver: "李明（政务公开办负责人）")]
        let result = clock(extended, "2026-07-08")
        #expect(result.dueDate == d("2026-08-04"))
        #expect(result.allowedWorkdays == 40)
        #expect(result.status == .running)
        #expect(result.explanation.contains("由2026-07-07延至2026-08-04"))

        let state = try RequestWorkflow.replay(extended, calendar: calendar)
        #expect(throws: RequestWorkflow.Failure.extensionAlreadyGranted(on: d("2026-07-03"))) {
            try RequestWorkflow.apply(.extended(on: d("2026-07-10"), workdays: 5, approver: "李明"), to: state, calendar: calendar)
        }
    }

    /// A duplicate of an application already answered (第三十六条第（六）项) → 不予处理·重复申请, answered.
    /// Received Tue 2026-03-03 online; due: 3/4–6 (3), 3/9–13 (8), 3/16–20 (13), 3/23–27 (18), 3/30 (19), Tue 3/31 (20).
    /// Answered Thu 03-05, the 2nd workday.
    @Test func duplicateRequest() throws {
        let events: [RequestEvent] = [
            .received(on: d("2026-03-03"), channel: .online),
            .answered(on: d("2026-03-05"), outcome: .notProcessed(.duplicate)),
        ]
        let state = try RequestWorkflow.replay(events, calendar: calendar)
        #expect(state.phase == .answered)
        #expect(state.answer?.legalBasis == "《中华人民共和国政府信息公开条例》第三十六条第（六）项")
        #expect(state.outcome?.groupRowLabel == "（五）不予处理")
        #expect(state.outcome?.itemRowLabel == "2.重复申请")
        let result = clock(events, "2026-03-06")
        #expect(result.status == .answered)
        #expect(result.dueDate == d("2026-03-31"))
        #expect(result.usedWorkdays == 2)
        #expect(result.explanation.contains("不予处理·重复申请"))
    }

    /// A 信访 complaint filed as an application (第三十九条第一款) → 不予处理·信访举报投诉类申请.
    /// Received Mon 2026-11-02 by ordinary letter (confirmed that day, 第三十一条第（二）项); due: 11/3–6 (4), 11/9–13 (9),
    /// 11/16–20 (14), 11/23–27 (19), Mon 11/30 (20). Answered Mon 11-09: 11/3 4 5 6 9 = the 5th workday.
    @Test func petitionFiledAsRequest() throws {
        let events: [RequestEvent] = [
            .received(on: d("2026-11-02"), channel: .ordinaryPost),
            .assigned(on: d("2026-11-03"), department: "办公室"),
            .answered(on: d("2026-11-09"), outcome: .notProcessed(.petitionOrComplaint)),
            .archived(on: d("2026-11-10")),
        ]
        let state = try RequestWorkflow.replay(events, calendar: calendar)
        #expect(state.phase == .archived)
        #expect(state.outcome?.itemRowLabel == "1.信访举报投诉类申请")
        #expect(state.answer?.legalBasis == "《中华人民共和国政府信息公开条例》第三十九条第一款")
        let result = clock(events, "2026-11-20")
        #expect(result.status == .answered)
        #expect(result.dueDate == d("2026-11-30"))
        #expect(result.usedWorkdays == 5)
        #expect(result.explanation.contains("平常信函"))
    }
}
