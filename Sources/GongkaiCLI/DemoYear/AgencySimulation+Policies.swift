import GongkaiCore
import GongkaiStore

extension AgencySimulation {
    /// 规范性文件 with their 解读, published the same day and linked both ways; 解读 columns of agencies without a
    /// policy column interpret records of another column. Planted: a policy without 解读, one without 有效性, one
    /// past its 有效期至, and a 解读 a week late.
    mutating func simulatePolicies(_ roles: DemoRoles) async throws {
        let readingItems = items.filter { roles.interpretationItems.contains($0.id) }
        let policyItems = items.filter { roles.policyItems.contains($0.id) }
        guard !readingItems.isEmpty else {
            for item in policyItems { try await simulateColumn(item, roles: roles) }
            return
        }
        // Without a policy column, 解读 explain records of a column that holds documents (or any event column).
        let sources = policyItems.isEmpty ? items.filter { $0.id == roles.readingSource } : policyItems
        guard !sources.isEmpty else { return }
        var planted = Set<String>()
        var lastReading: [Int: CivilDate] = [:]
        var reading = 0
        for source in sources {
            let isPolicy = roles.policyItems.contains(source.id)
            for index in 0..<4 {
                let span = max(at.dayNumber - since.dayNumber - 60, 8)
                let written = since.adding(days: 20 + span * index / 4 + Int(writer.random.next() % 8))
                let day = min(dueDate(source, trigger: written) ?? written.adding(days: 1), written.adding(days: 1))
                let title = writer.policyTitle(for: demoItem(source), year: day.year)
                var validity: Validity? = isPolicy ? .valid : nil
                var validUntil: CivilDate? = isPolicy ? CivilDate(year: day.year + 5, month: day.components.month, day: 1) : nil
                var plant: String?
                if isPolicy {
                    for candidate in ["noValidity", "expired", "noReading", "lateReading"] where !planted.contains(candidate) {
                        if candidate == "lateReading", calendar.adding(workdays: 8, to: day) >= at { continue }
                        plant = candidate
                        planted.insert(candidate)
                        break
                    }
                } else if index == 1, !planted.contains("lateReading"), calendar.adding(workdays: 8, to: day) < at {
                    plant = "lateReading"
                    planted.insert("lateReading")
                }
                if plant == "noValidity" { validity = nil; validUntil = nil }
                if plant == "expired" { validUntil = at.adding(days: -30) }
                let number = writer.documentNumber(year: day.year, serial: 3 + index * 7)
                let policy = try await publish(source, title: title, trigger: written, on: day, documentNumber: number,
                                               validity: validity, validUntil: validUntil)
                switch plant {
                case "noValidity": expected.append(.init(kind: .validityMissing, item: source.id, record: policy, note: "规范性文件未标注有效性"))
                case "expired": expected.append(.init(kind: .validityExpired, item: source.id, record: policy, note: "规范性文件超过有效期仍标为有效"))
                case "noReading":
                    expected.append(.init(kind: .missingInterpretation, item: source.id, record: policy, note: "政策未配发解读"))
                    continue
                default: break
                }
                let readingItem = readingItems[reading % readingItems.count]
                reading += 1
                let late = plant == "lateReading"
                let readingDay = late ? calendar.adding(workdays: 6, to: day) : day
                let interpretation = try await publish(readingItem, title: writer.interpretationTitle(forPolicy: title), trigger: day,
                                                       on: readingDay)
                lastReading[readingItem.id] = max(lastReading[readingItem.id] ?? readingDay, readingDay)
                try await records.link(policy: policy, interpretation: interpretation, by: admin)
                if late {
                    // A synchronous 解读 column reports the delay as a late publication; otherwise the 3-workday rule does.
                    let synchronous = readingItem.rule?.kind == .synchronous
                    if synchronous || isPolicy {
                        expected.append(.init(kind: synchronous ? .late : .unsyncedInterpretation, item: readingItem.id,
                                              record: interpretation, note: "解读晚于政策6个工作日发布"))
                    }
                }
            }
        }
        // Every 解读 column ends current: one more pair where it has none yet or its last is older than a third of its
        // staleness limit.
        for (offset, item) in readingItems.enumerated() {
            let recent = item.stalenessLimit(defaultLimit: Self.defaultStaleness).map { max(limitDays($0) / 3, 2) } ?? 10_000
            if let last = lastReading[item.id], last >= at.adding(days: -recent) { continue }
            let source = sources[0]
            let day = at.adding(days: -min(recent, 20) + 1 + offset % 2)
            let title = writer.policyTitle(for: demoItem(source), year: day.year)
            let isPolicy = roles.policyItems.contains(source.id)
            let policy = try await publish(source, title: title, trigger: day, on: day,
                                           documentNumber: writer.documentNumber(year: day.year, serial: 60 + offset),
                                           validity: isPolicy ? .valid : nil)
            let interpretation = try await publish(item, title: writer.interpretationTitle(forPolicy: title), trigger: day, on: day)
            try await records.link(policy: policy, interpretation: interpretation, by: admin)
        }
    }
}
