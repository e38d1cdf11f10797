import GongkaiCore
import GongkaiStore

/// Which items of an agency play which part in the simulated year: the 解读 and policy columns, and the few items
/// where a problem is planted. Chosen from the catalog's own items, the same way on every run.
struct DemoRoles {
    static let proposalPattern = "对xx次会议第xx号建议/提案的答复"
    /// A well-formed mobile number, the kind the personal-data guard must catch.
    static let plantedMobile = "13912345678"

    var interpretationItems: Set<Int> = []
    var policyItems: Set<Int> = []
    /// Reply columns whose titles must follow `proposalPattern`.
    var titlePatterned: Set<Int> = []
    var empty: Int?
    var emptyNoted: Int?
    var stale: Set<Int> = []
    var periodicMissing: Int?
    var periodicLate: Int?
    var lateEvents: Set<Int> = []
    var overdueEvent: Int?
    var dueSoonEvent: Int?
    var personalData: Int?
    var titleMismatch: Int?
    /// Without a policy column, the column whose records the 解读 explain.
    var readingSource: Int?

    init(items: [ComplianceItem], random: inout SeededGenerator) {
        interpretationItems = Set(items.filter { $0.name.includes("解读") }.map(\.id))
        policyItems = Set(items.filter { PolicyItems.holdsPolicies($0) && !interpretationItems.contains($0.id) }.map(\.id))
        titlePatterned = Set(items.filter { ($0.name.includes("建议") || $0.name.includes("提案")) && !$0.name.includes("总体")
                                            && $0.rule?.kind != .periodic }.map(\.id))
        var taken = interpretationItems.union(policyItems)
        func pick(_ candidates: [ComplianceItem]) -> Int? {
            let free = candidates.filter { !taken.contains($0.id) }
            guard !free.isEmpty else { return nil }
            let chosen = free[Int(random.next() % UInt64(free.count))].id
            taken.insert(chosen)
            return chosen
        }
        let eventKinds: Set<DeadlineRule.Kind> = [.relative, .statutory, .prompt]
        let plainEvents = items.filter { eventKinds.contains($0.rule?.kind ?? .unparsed) && !titlePatterned.contains($0.id) }
        let plain = items.filter { $0.rule?.kind != .periodic && $0.rule?.kind != .synchronous && !titlePatterned.contains($0.id) }
        if policyItems.isEmpty, !interpretationItems.isEmpty {
            let documents = plainEvents.filter { $0.name.includes("文件") || $0.name.includes("政策") }
            readingSource = pick(documents.isEmpty ? plainEvents : documents)
        }
        empty = pick(plain.filter { $0.effectiveCategory == .other })
        emptyNoted = pick(plain.filter { $0.effectiveCategory == .other })
        for category in [ColumnCategory.news, .notices] {
            if let item = pick(plain.filter { $0.effectiveCategory == category && $0.rule?.kind != .composite }) { stale.insert(item) }
        }
        let periodic = items.filter { $0.rule?.kind == .periodic && $0.rule?.periodic?.explicitDates == nil }
        periodicMissing = pick(periodic)
        periodicLate = pick(periodic)
        for _ in 0..<2 { if let item = pick(plainEvents.filter { $0.effectiveCategory != .news }) { lateEvents.insert(item) } }
        overdueEvent = pick(plainEvents)
        dueSoonEvent = pick(plainEvents)
        personalData = pick(plainEvents)
        titleMismatch = titlePatterned.sorted().first
    }
}
