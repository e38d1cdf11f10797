import Foundation
import GongkaiCore
import GongkaiInterchange
import Testing

/// RFC 5545 details of the calendar writer: TEXT escaping, folding at 75 octets without splitting UTF-8, CRLF.
@Suite struct ICalendarTests {
    /// Undoes folding (RFC 5545 §3.1): a CRLF followed by one space or tab is removed.
    static func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
    }

    @Test func textValuesAreEscaped() {
        #expect(ICalendar.escape("a,b;c\\d") == "a\\,b\\;c\\\\d")
        #expect(ICalendar.escape("第一行\r\n第二行\n第三行\r第四行") == "第一行\\n第二行\\n第三行\\n第四行")
        #expect(ICalendar.escape("tab\tbell\u{7}del\u{7F}") == "tab\tbelldel")
        #expect(ICalendar.escape("：、。，；") == "：、。，；")
    }

    @Test func shortLinesAreNotFolded() {
        let line = "SUMMARY:" + String(repeating: "a", count: 67)
        #expect(line.utf8.count == 75)
        #expect(ICalendar.fold(line) == line)
    }

    @Test func asciiLinesFoldAt75Octets() {
        let line = "DESCRIPTION:" + String(repeating: "x", count: 200)
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts[0].utf8.count == 75)
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") && $0.utf8.count <= 75 })
        #expect(Self.unfold(folded) == line)
    }

    @Test(arguments: [0, 1, 2, 3])
    func chineseTextIsNeverSplitInsideACharacter(offset: Int) {
        // Shifting the start moves the 3-octet characters across the fold points.
        let line = "SUMMARY:" + String(repeating: "a", count: offset) + String(repeating: "到期年度抽查工作计划", count: 12) + "😀"
        let folded = ICalendar.fold(line)
        // Split the bytes, not the characters: every physical line must be valid UTF-8 on its own.
        var lines: [[UInt8]] = [[]]
        for byte in Array(folded.utf8) {
            if byte == 10, lines[lines.count - 1].last == 13 { lines[lines.count - 1].removeLast(); lines.append([]) } else { lines[lines.count - 1].append(byte) }
        }
        #expect(lines.count > 5)
        for bytes in lines {
            #expect(bytes.count <= 75)
            #expect(String(bytes: bytes, encoding: .utf8) != nil)
        }
        #expect(Self.unfold(folded) == line)
        #expect(folded.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.hasPrefix(" ") })
    }

    @Test func datesAndTimestamps() {
        #expect(ICalendar.date(CivilDate(year: 2026, month: 1, day: 31)!) == "20260131")
        #expect(ICalendar.utc(Date(timeIntervalSince1970: 1_780_000_000)) == "20260528T202640Z")
        #expect(ICalendar.utc(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
    }

    @Test func aFeedHasCRLFLinesAndOneAllDayEventPerEntry() {
        let due = CivilDate(year: 2026, month: 6, day: 30)!
        let calendar = ICalendar(name: "沂源医保局 综合科 公开时限", events: [
            ICalendar.Event(uid: "obligation-7-2026@gongkai", date: due, summary: "到期：年度抽查工作计划（2026年度）",
                            description: "时限：每年6月底前\n说明：应于2026-06-30前公开，还剩3个工作日。", url: "http://127.0.0.1/admin/items/7",
                            categories: ["即将到期"], alarmDaysBefore: 1),
            ICalendar.Event(uid: "obligation-8-current@gongkai", date: due.adding(days: 31), summary: "到期：工作动态（栏目更新）"),
        ])
        let text = calendar.text(stamp: Date(timeIntervalSince1970: 0))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = Self.unfold(text).components(separatedBy: "\r\n")
        #expect(lines.prefix(3) == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gongkai//Disclosure deadlines//ZH"])
        #expect(lines.contains("X-WR-CALNAME:沂源医保局 综合科 公开时限"))
        #expect(lines.contains("X-WR-TIMEZONE:Asia/Shanghai"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(lines.contains("DTSTART;VALUE=DATE:20260630"))
        #expect(lines.contains("DTEND;VALUE=DATE:20260701"))
        #expect(lines.contains("DTSTAMP:19700101T000000Z"))
        #expect(lines.contains("DESCRIPTION:时限：每年6月底前\\n说明：应于2026-06-30前公开，还剩3个工作日。"))
        #expect(lines.contains("URL:http://127.0.0.1/admin/items/7"))
        #expect(lines.contains("TRIGGER:-P1D"))
        #expect(lines.filter { $0 == "BEGIN:VALARM" }.count == 1)
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}
