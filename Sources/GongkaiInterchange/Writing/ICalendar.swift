import Foundation
import GongkaiCore

/// An iCalendar (RFC 5545) feed of all-day events, as calendar programs subscribe to it: CRLF line endings,
/// lines folded at 75 octets without splitting a UTF-8 sequence, TEXT values escaped.
public struct ICalendar: Sendable {
    /// One all-day event.
    public struct Event: Sendable, Equatable {
        /// Stable across fetches, so that a client updates the event instead of adding a copy.
        public var uid: String
        public var date: CivilDate
        public var summary: String
        public var description: String
        public var url: String?
        public var categories: [String]
        /// Remind this many days before the day (a VALARM); nil for none.
        public var alarmDaysBefore: Int?

        public init(uid: String, date: CivilDate, summary: String, description: String = "", url: String? = nil,
                    categories: [String] = [], alarmDaysBefore: Int? = nil) {
            self.uid = uid
            self.date = date
            self.summary = summary
            self.description = description
            self.url = url
            self.categories = categories
            self.alarmDaysBefore = alarmDaysBefore
        }
    }

    public var name: String
    public var description: String
    public var timeZone: String
    public var productID: String
    public var events: [Event]

    public init(name: String, description: String = "", timeZone: String = "Asia/Shanghai",
                productID: String = "-//Gongkai//Disclosure deadlines//ZH", events: [Event]) {
        self.name = name
        self.description = description
        self.timeZone = timeZone
        self.productID = productID
        self.events = events
    }

    /// The feed's text; `stamp` is the DTSTAMP of every event (when the feed was made).
    public func text(stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.escape(productID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:" + Self.escape(timeZone)]
        if !description.isEmpty { lines.append("X-WR-CALDESC:" + Self.escape(description)) }
        let dtstamp = Self.utc(stamp)
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + Self.escape(event.uid), "DTSTAMP:" + dtstamp,
                      "DTSTART;VALUE=DATE:" + Self.date(event.date), "DTEND;VALUE=DATE:" + Self.date(event.date.adding(days: 1)),
                      "SUMMARY:" + Self.escape(event.summary), "TRANSP:TRANSPARENT"]
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            if let url = event.url { lines.append("URL:" + url.filter { !$0.isNewline }) }
            if !event.categories.isEmpty { lines.append("CATEGORIES:" + event.categories.map(Self.escape).joined(separator: ",")) }
            if let days = event.alarmDaysBefore {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P\(days)D", "DESCRIPTION:" + Self.escape(event.summary), "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`, other
    /// control characters dropped.
    public static func escape(_ text: String) -> String {
        var result = ""
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for scalar in normalized.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\t": result.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20, scalar.value != 0x7F { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines begin with one
    /// space, and a multi-octet UTF-8 character is never split.
    public static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            // The first line may hold 75 octets; the others 74 after their leading space.
            if octets + size > (parts.isEmpty ? 75 : 74) {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }

    /// A DATE value: 20260131.
    public static func date(_ date: CivilDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    /// A UTC DATE-TIME value: 20260131T083000Z.
    public static func utc(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let time = seconds - day.dayNumber * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return date(day) + "T" + two(time / 3600) + two(time % 3600 / 60) + two(time % 60) + "Z"
    }
}
