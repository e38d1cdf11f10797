import Foundation

/// ISO 8601 UTC timestamps, stored as text so SQLite and PostgreSQL sort them the same way.
enum Timestamp {
    static func now() -> String { string(Date()) }

    static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }

    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
