import Foundation

/// Failed logins per client address, next to AccountRepository's per-account count: one address trying many
/// usernames is refused after `limit` failures within `window`. Kept in memory by each server process (a restart
/// forgets it; several processes behind one proxy each count their own share). The limit is well above the
/// per-account one because an office's staff may share one address behind NAT.
actor LoginAddressThrottle {
    static let limit = 20
    static let window: TimeInterval = 15 * 60
    /// Addresses remembered at most; beyond it the stalest are forgotten, so a flood of addresses cannot exhaust memory.
    static let capacity = 10_000

    private var failures: [String: [Date]] = [:]

    func isRefused(_ address: String, now: Date) -> Bool {
        recent(address, now: now).count >= Self.limit
    }

    func recordFailure(_ address: String, now: Date) {
        failures[address] = recent(address, now: now) + [now]
        if failures.count > Self.capacity {
            let cutoff = now.addingTimeInterval(-Self.window)
            failures = failures.filter { ($0.value.last ?? .distantPast) > cutoff }
            while failures.count > Self.capacity, let stalest = failures.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }) {
                failures[stalest.key] = nil
            }
        }
    }

    private func recent(_ address: String, now: Date) -> [Date] {
        let cutoff = now.addingTimeInterval(-Self.window)
        return (failures[address] ?? []).filter { $0 > cutoff }
    }
}
