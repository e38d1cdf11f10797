/// Event items: one obligation per record, due a number of days after its trigger (信息形成或者变更之日,
/// 条例 第二十六条), or on the day its policy was published (synchronous 解读).
extension Sweep {
    /// A composite rule's due date for one record kind and trigger day, computed once.
    struct CompositeKey: Hashable {
        var kind: String?
        var trigger: CivilDate
    }

    enum Computed {
        case due(CivilDate)
        case none(String)
    }

    mutating func checkEvents(_ item: ComplianceItem, _ rule: DeadlineRule, _ indices: [Int]) {
        let summary = rule.summary
        var composite: [CompositeKey: Computed] = [:]
        for index in indices {
            let record = records[index]
            if record.status == .withdrawn { continue }
            let published = record.publication(asOf: at)
            let (trigger, triggerLabel) = eventTrigger(record, rule)
            guard let trigger else {
                if options.inWindow(published ?? at) {
                    let reason = rule.kind == .synchronous ? "未关联已发布的所解读文件，无法确定同步发布日期"
                                                           : "缺少信息形成日期（触发日期或成文日期），无法计算到期日"
                    obligations.append(Obligation(itemID: item.id, kind: .event, rule: summary, recordIDs: [record.id],
                                                  published: published, state: .notComputable, reason: reason))
                }
                continue
            }
            let computed: Computed
            if rule.kind == .composite {
                let key = CompositeKey(kind: record.recordKind, trigger: trigger)
                if let cached = composite[key] { computed = cached } else {
                    computed = compositeDue(rule, key)
                    composite[key] = computed
                }
            } else if let due = calculator.quickDue(rule, trigger: trigger) {
                computed = .due(due)
            } else {
                computed = .none("该时限无法按触发日计算到期日")
            }
            guard case .due(let due) = computed else {
                if case .none(let reason) = computed, options.inWindow(trigger) {
                    obligations.append(Obligation(itemID: item.id, kind: .event, rule: summary, triggerDate: trigger,
                                                  recordIDs: [record.id], published: published, state: .notComputable,
                                                  reason: reason))
                }
                continue
            }
            guard options.inWindow(due) else { continue }
            let state = state(due: due, published: published)
            if options.includeMetObligations || !(state == .metOnTime || state == .metLate) {
                obligations.append(Obligation(itemID: item.id, kind: .event, rule: summary, triggerDate: trigger, due: due,
                                              recordIDs: [record.id], published: published, state: state))
            }
            guard state != .metOnTime, state != .open else { continue }
            if state == .metLate, rule.kind == .synchronous { lateSynchronous.insert(record.id) }
            findings.append(FindingText.event(state, item: item, record: record, rule: summary, trigger: trigger,
                                              triggerLabel: triggerLabel, due: due, published: published, sweep: self))
        }
    }

    /// The trigger date and what it is, in Chinese.
    private func eventTrigger(_ record: ComplianceRecord, _ rule: DeadlineRule) -> (CivilDate?, String) {
        if rule.kind == .synchronous {
            let dates = record.interpretsIDs.compactMap { linkIndex[$0].flatMap { records[$0].publication(asOf: at) } }
            return (dates.min(), "所解读文件发布日")
        }
        if let date = record.triggerDate { return (date, "信息形成或者变更之日") }
        return (record.writtenDate, "成文日期")
    }

    private func compositeDue(_ rule: DeadlineRule, _ key: CompositeKey) -> Computed {
        do {
            let result = try calculator.due(rule, trigger: key.trigger, recordKind: key.kind)
            return result.due.map(Computed.due) ?? .none("按该类信息的时限无法从触发日计算到期日")
        } catch {
            return .none("\(error)")
        }
    }
}
