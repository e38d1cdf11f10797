import Foundation
import GongkaiCore
import GongkaiInterchange
import GongkaiStore

extension DatabaseOptions {
    /// The working-day calendar: bundled years, with years imported into the database laid over them.
    /// An SQLite file that does not exist yet is not created just to read the calendar.
    func workingCalendar() async throws -> WorkingCalendar {
        let bundled = try HolidayData.bundledYears()
        guard isPostgres || FileManager.default.fileExists(atPath: resolvedPath) else { return WorkingCalendar(bundled) }
        return try await withDatabase { try await CalendarRepository($0).calendar(bundled: bundled) }
    }
}

func parseDate(_ text: String, option: String) throws -> CivilDate {
    guard let date = CivilDate(text) else { throw UserFacingError("\(option)“\(text)”不是有效日期，请写成 YYYY-MM-DD，如 2026-09-30。") }
    return date
}
