import GongkaiCore
import Testing

/// Clock cases beyond the scenarios; dates worked out by hand from the 2026 holiday data.
@Suite struct RequestClockTests {
    let calendar = TestCalendar.calendar
    func d(_ text: String) -> CivilDate { TestCalendar.date(text) }
    func clock(_ events: [RequestEvent], _ today: String, options: ClockOptions = .standard) -> ClockState {
        RequestClock.compute(events: events, calendar: calendar, today: d(today), options: options)
    }

    /// 第三十条: the 补正 notice is due within 7 workdays. Received Mon 2026-09-21: 9/22 23 24, [中秋 9/25–27],
    /// 9/28 29 30 (6), [国庆 10/1–7], Thu 10/8 (7). Counting plain weekdays would wrongly give 09-30.
    @Test func lateClarificationNoticeIsFlagged() throws {
        let received: RequestEvent = .received(on: d("2026-09-21"), channel: .inPerson)
        let onTime = clock([received, .clarificationRequested(on: d("2026-10-08"), items: ["补充身份证明"])], "2026-10-09")
        #expect(onTime.flags.isEmpty)
        let late = clock([received, .clarificationRequested(on: d("2026-10-09"), items: ["补充身份证明"])], "2026-10-09")
        #expect(late.flags.count == 1)
        #expect(late.flags[0].contains("最迟应于2026-10-08告知"))
        #expect(late.explanation.contains("注意：补正告知日2026-10-09晚于"))
        #expect(late.status == .awaitingClarification)
    }

    /// Received Mon 2026-06-08, due Tue 07-07 (see the extension scenario). At Wed 07-01: used 6/9–12 (4), 6/15–18 (8),
    /// 6/22–26 (13), 6/29 30 (15), 7/1 (16) → 4 remain. At Mon 06-29: 14 used, 6 remain.
    @Test func dueSoonUsesTheConfiguredWorkdays() {
        let events: [RequestEvent] = [.received(on: d("2026-06-08"), channel: .registeredPost)]
        let soon = clock(events, "2026-07-01")
        #expect(soon.usedWorkdays == 16)
        #expect(soon.remainingWorkdays == 4)
        #expect(soon.isDueSoon)
        #expect(soon.explanation.contains("即将到期"))
        #expect(!clock(events, "2026-07-01", options: ClockOptions(dueSoonWorkdays: 3)).isDueSoon)
        #expect(!clock(events, "2026-06-29").isDueSoon)
        #expect(clock(events, "2026-06-29").remainingWorkdays == 6)
        let dueDay = clock(events, "2026-07-07")
        #expect(dueDay.remainingWorkdays == 0)
        #expect(dueDay.isDueSoon)
        #expect(!dueDay.isOverdue)
    }

    /// Received Tue 2026-03-03, due Tue 03-31; on Wed 04-01 it is one workday overdue.
    @Test func overdue() {
        let events: [RequestEvent] = [.received(on: d("2026-03-03"), channel: .online)]
        let result = clock(events, "2026-04-01")
        #expect(result.status == .overdue)
        #expect(result.isOverdue)
        #expect(!result.isDueSoon)
        #expect(result.usedWorkdays == 21)
        #expect(result.remainingWorkdays == -1)
        #expect(result.explanation.contains("已逾期1个工作日"))
        let late = clock(events + [.answered(on: d("2026-04-01"), outcome: .disclosed)], "2026-04-10")
        #expect(late.status == .answeredLate)
        #expect(late.flags.contains("答复日2026-04-01晚于到期日2026-03-31。"))
    }

    /// A reply later than the party's 15 workdays (deadline 10-22, see the consultation scenario) pauses only through
    /// 10-22: paused 9/28 29 30, 10/8 9 10 12–16 19–22 = 15, so the due date is the 35th workday after 9/21:
    /// the 31st is 11-10 (scenario), then 11/11 12 13, Mon 11/16.
    @Test func pauseStopsAtThePartysDeadline() {
        let started: [RequestEvent] = [
            .received(on: d("2026-09-21"), channel: .inPerson),
            .consultationStarted(on: d("2026-09-24"), party: .thirdParty),
        ]
        let lateReply = clock(started + [.consultationEnded(on: d("2026-10-26"))], "2026-10-26")
        #expect(lateReply.dueDate == d("2026-11-16"))
        #expect(lateReply.segments.map(\.workdays) == [3, 15, 17])
        #expect(lateReply.flags.contains { $0.contains("晚于15个工作日期限2026-10-22") })
        // No reply recorded at all: the clock resumes after 10-22 by itself. On Fri 10-23: 3 + 1 used.
        let silent = clock(started, "2026-10-23")
        #expect(silent.status == .running)
        #expect(!silent.isPaused)
        #expect(silent.dueDate == d("2026-11-16"))
        #expect(silent.usedWorkdays == 4)
        #expect(silent.flags.contains { $0.contains("第三十二条") })
    }

    /// Another agency (第三十四条): same 15 workdays, silence counts as consent.
    @Test func otherAgencySilenceMeansConsent() {
        let events: [RequestEvent] = [
            .received(on: d("2026-09-21"), channel: .inPerson),
            .consultationStarted(on: d("2026-09-24"), party: .otherAgency),
        ]
        #expect(clock(events, "2026-10-23").flags.contains { $0.contains("视为同意公开（第三十四条）") })
    }

    /// A consultation begun after the due date (03-31) cannot stop a clock that has run out.
    @Test func consultationAfterTheDueDateDoesNotPause() {
        let events: [RequestEvent] = [
            .received(on: d("2026-03-03"), channel: .online),
            .consultationStarted(on: d("2026-04-01"), party: .thirdParty),
        ]
        let result = clock(events, "2026-04-02")
        #expect(result.status == .overdue)
        #expect(result.dueDate == d("2026-03-31"))
        #expect(result.flags.contains { $0.contains("晚于答复期限") })
    }

    /// The clock is computed, never stored: adding a (hypothetical) day off on Tue 2026-06-30 moves the due date of a
    /// request received 06-08 from 07-07 to 07-08.
    @Test func recomputedWhenTheCalendarChanges() {
        let events: [RequestEvent] = [.received(on: d("2026-06-08"), channel: .inPerson)]
        var year = TestCalendar.years.first { $0.year == 2026 }!
        year.days.append(.init(name: "测试假日", date: d("2026-06-30"), isOffDay: true))
        let changed = calendar.replacing(year)
        #expect(RequestClock.compute(events: events, calendar: calendar, today: d("2026-06-09")).dueDate == d("2026-07-07"))
        #expect(RequestClock.compute(events: events, calendar: changed, today: d("2026-06-09")).dueDate == d("2026-07-08"))
    }

    /// A fee notice does not pause the clock (109号's effect on the clock is UNCONFIRMED). Received Mon 2026-03-02:
    /// 3/3–6 (4), 3/9–13 (9), 3/16–20 (14), 3/23–27 (19), Mon 3/30 (20).
    @Test func feeNoticeDoesNotPause() {
        let events: [RequestEvent] = [
            .received(on: d("2026-03-02"), channel: .inPerson),
            .feeNoticed(on: d("2026-03-05"), amount: 200, method: .perApplication),
        ]
        let result = clock(events, "2026-03-10")
        #expect(result.status == .running)
        #expect(result.dueDate == d("2026-03-30"))
        #expect(result.explanation.contains("不因收费暂停计时"))
        let expired = clock(events + [.feeExpired(on: d("2026-03-25"))], "2026-03-26")
        #expect(expired.status == .abandoned)
    }

    @Test func notReceivedAndProvisional() {
        #expect(RequestClock.compute(events: [], calendar: calendar, today: d("2026-01-05")).status == .notReceived)
        // 2099 has no holiday data: weekends only, marked provisional.
        let future = clock([.received(on: d("2099-03-02"), channel: .online)], "2099-03-03")
        #expect(future.provisional)
        #expect(future.explanation.contains("临时结果"))
    }

    @Test func invalidStoredEventsAreSkippedAndReported() {
        let events: [RequestEvent] = [
            .received(on: d("2026-03-03"), channel: .online),
            .archived(on: d("2026-03-04")),
        ]
        let result = clock(events, "2026-03-05")
        #expect(result.status == .running)
        #expect(result.flags.contains { $0.contains("第2个事件（归档）") })
    }
}
