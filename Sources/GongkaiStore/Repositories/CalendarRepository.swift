import Foundation
import GongkaiCore
import SQLKit

/// Holiday years imported by users (they replace the bundled data for that year) and the due dates
/// stored for records, which are recomputed whenever a year they depend on changes.
public struct CalendarRepository: Sendable {
    let database: GongkaiDatabase
    public init(_ database: GongkaiDatabase) { self.database = database }

    public func importedYears() async throws -> [HolidayYear] {
        try await database.sql.select().columns("data").from("calendar_years").orderBy("year").all()
            .map { try JSONText.decode(HolidayYear.self, try $0.decode(column: "data", as: String.self)) }
    }

    /// The bundled years with the imported ones laid over them.
    public func calendar(bundled: [HolidayYear]) async throws -> WorkingCalendar {
        var years: [Int: HolidayYear] = [:]
        for year in bundled { years[year.year] = year }
        for year in try await importedYears() { years[year.year] = year }
        return WorkingCalendar(Array(years.values))
    }

    public struct ImportOutcome: Sendable, Equatable {
        public var replaced: Bool
        public var recomputed: Int
        public var changed: Int
    }

    /// Stores a year and, in the same transaction, recomputes every stored due date whose computation
    /// spans that year.
    public func importYear(_ year: HolidayYear, source: String, bundled: [HolidayYear],
                           defaults: DeadlineDefaults = .standard) async throws -> ImportOutcome {
        let previous = try await calendar(bundled: bundled)
        let replaced = previous.years[year.year] != nil
        let updated = previous.replacing(year)
        return try await database.transaction { db in
            try await db.delete(from: "calendar_years").where("year", .equal, year.year).run()
            try await db.insert(into: "calendar_years").columns("year", "data", "source", "imported_at")
                .values(SQLBind(year.year), SQLBind(try JSONText.encode(year)), SQLBind(source), SQLBind(Timestamp.now()))
                .run()
            let (recomputed, changed) = try await DueDateRows.recompute(spanning: year.year, calendar: updated, defaults: defaults, in: db)
            // Disclosure requests: the clock is always recomputed when shown; the cached due dates follow here.
            try await RequestRepository.refreshCache(calendar: updated, in: db)
            return ImportOutcome(replaced: replaced, recomputed: recomputed, changed: changed)
        }
    }

    /// Computes and stores the due date of `subject` (e.g. "record:42").
    @discardableResult
    public func storeDueDate(subject: String, rule: DeadlineRule, trigger: CivilDate?, period: ReportingPeriod?,
                             recordKind: String?, calendar: WorkingCalendar, defaults: DeadlineDefaults = .standard) async throws -> DueDate {
        try await database.transaction { db in
            try await DueDateRows.store(subject: subject, rule: rule, trigger: trigger, period: period, recordKind: recordKind,
                                        calendar: calendar, defaults: defaults, in: db)
        }
    }

    public func dueDate(subject: String) async throws -> DueDate? {
        guard let row = try await database.sql.select().columns("due", "provisional", "explanation").from("due_dates")
            .where("subject", .equal, subject).first() else { return nil }
        return DueDate(due: try row.decode(column: "due", as: String?.self).flatMap(CivilDate.init),
                       provisional: try row.decode(column: "provisional", as: Int.self) != 0,
                       explanation: try row.decode(column: "explanation", as: String.self))
    }
}

enum DueDateRows {
    static func store(subject: String, rule: DeadlineRule, trigger: CivilDate?, period: ReportingPeriod?, recordKind: String?,
                      calendar: WorkingCalendar, defaults: DeadlineDefaults, in db: any SQLDatabase) async throws -> DueDate {
        let result = try DueDateCalculator(calendar: calendar, defaults: defaults)
            .due(rule, trigger: trigger, period: period, recordKind: recordKind)
        let start = trigger ?? period?.firstDay ?? result.due ?? CivilDate(dayNumber: 0)
        let end = result.due ?? period?.next.lastDay ?? start
        try await db.delete(from: "due_dates").where("subject", .equal, subject).run()
        try await db.insert(into: "due_dates")
            .columns("subject", "rule", "trigger_date", "period", "record_kind", "due", "provisional", "explanation",
                     "first_year", "last_year", "computed_at")
            .values(SQLBind(subject), SQLBind(try JSONText.encode(rule)), SQLBind(trigger?.description), SQLBind(period?.description),
                    SQLBind(recordKind), SQLBind(result.due?.description), SQLBind(result.provisional ? 1 : 0),
                    SQLBind(result.explanation), SQLBind(min(start, end).year), SQLBind(max(start, end).year + 1),
                    SQLBind(Timestamp.now()))
            .run()
        return result
    }

    /// Recomputes the stored due dates whose computation may reach into `year`. Returns how many were
    /// recomputed and how many of them changed date or provisional state.
    static func recompute(spanning year: Int, calendar: WorkingCalendar, defaults: DeadlineDefaults,
                          in db: any SQLDatabase) async throws -> (Int, Int) {
        let rows = try await db.select().columns("subject", "rule", "trigger_date", "period", "record_kind", "due", "provisional")
            .from("due_dates").where("first_year", .lessThanOrEqual, year).where("last_year", .greaterThanOrEqual, year).all()
        var changed = 0
        for row in rows {
            let rule = try JSONText.decode(DeadlineRule.self, try row.decode(column: "rule", as: String.self))
            let before = (try row.decode(column: "due", as: String?.self), try row.decode(column: "provisional", as: Int.self))
            let result = try await store(subject: try row.decode(column: "subject", as: String.self), rule: rule,
                                   trigger: try row.decode(column: "trigger_date", as: String?.self).flatMap(CivilDate.init),
                                   period: try row.decode(column: "period", as: String?.self).flatMap(ReportingPeriod.init),
                                   recordKind: try row.decode(column: "record_kind", as: String?.self),
                                   calendar: calendar, defaults: defaults, in: db)
            if before.0 != result.due?.description || before.1 != (result.provisional ? 1 : 0) { changed += 1 }
        }
        return (rows.count, changed)
    }
}
