import Foundation
import GongkaiCore

/// What time it is for the pages: the system clock, or a fixed instant so pages can be tested at a given date.
/// Handlers ask it instead of calling `Date()`.
public struct SiteClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = SiteClock { Date() }

    public static func fixed(_ instant: Date) -> SiteClock { SiteClock { instant } }

    /// Today in China (the calendar day deadlines are counted in).
    public var today: CivilDate { CivilDate(localDate: now()) }
}
