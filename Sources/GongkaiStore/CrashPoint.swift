import Foundation

/// Named points inside transactions where a test may have the process killed (`GONGKAI_CRASH_AT=name`), to show
/// that a crash at the worst moment leaves the database as it was before the transaction. Does nothing otherwise.
enum CrashPoint {
    static func reach(_ name: String) {
        guard ProcessInfo.processInfo.environment["GONGKAI_CRASH_AT"] == name else { return }
        kill(getpid(), SIGKILL)
    }
}
