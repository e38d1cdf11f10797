/// Event items: one obligation per record, due a number of days after its trigger (信息形成或者变更之日,
/// 条例 第二十六条), or on the day its policy was published (synchronous 解读).
extension Sweep {
    enum Computed {
        case due(CivilDate)
        case none(String)
    }

    mutating func checkEvents(_ item: ComplianceItem, _ rule: DeadlineRule, _ indices: [Int]) {
        let summary = rule.summary
        var branches: [String?: CompositeBranch.Choice] = [:]
        // Record fields are read in place: copying a whole record per row costs more than the check itself.
        for index in indices {
            if records[index].status == .withdrawn { continue }
            let published = publicationDate(index)
            let (trigger, triggerLabel) = eventTrigger(index, rule)
            guard let trigger else {
                if options.inWindow(published ?? at) {
                    let reason = rule.kind == .synchronous ? "未关联已发布的所解读文件，无法确定同步发布日期"
                                                           : "缺少信息形成日期（触发日期或成文日期），无法计算到期日"
                    obligations.append(Obligation(itemID: item.id, kind: .event, rule: summary, recordIDs: [records[index].id],
                                                  published: published, state: .notComputable, reason: reason))
                }
                continue
            }
            let computed: Computed
            if rule.kind == .composite {
                let kind = records[index].recordKind
                let choice = branches[kind] ?? CompositeBranch.choose(rule, recordKind: kind, calculator: calculator)
                branches[kind] = choice
                computed = switch choice {
                case .rule(let branch): branchDue(branch, trigger: trigger)
                case .none(let reason): .none(reason)
                }
            } else if let due = calculator.quickDue(rule, trigger: trigger) {
                computed = .due(due)
            } else {
                computed = .none("该时限无法按触发日计算到期日")
            }
            guard case .due(let due) = computed else {
                if case .none(let reason) = computed, options.inWindow(trigger) {
                    obligations.append(Obligation(itemID: item.id, kind: .event, rule: summary, triggerDate: trigger,
                                                  recordIDs: [records[index].id], published: published,
                                                  state: .notComputable, reason: reason))
                }
                continue
            }
            guard options.inWindow(due) else { continue }
            let state = state(due: due, published: published)
            if options.includeMetObligations || !(state == .metOnTime || state == .metLate) {
                obligations.append(Obligation(itemID: item.id, kind: .event, rule: summary, triggerDate: trigger, due: due,
                                              recordIDs: [records[index].id], published: published, state: state))
            }
            guard state != .metOnTime, state != .open else { continue }
            if state == .metLate, rule.kind == .synchronous { lateSynchronous.insert(records[index].id) }
            findings.append(FindingText.event(state, item: item, record: records[index], rule: summary, trigger: trigger,
                                              triggerLabel: triggerLabel, due: due, published: published,
                                              calendar: calendar, at: at))
        }
    }

    /// The trigger date and what it is, in Chinese.
    private func eventTrigger(_ index: Int, _ rule: DeadlineRule) -> (CivilDate?, String) {
        if rule.kind == .synchronous {
            let dates = records[index].interpretsIDs.compactMap { linkIndex[$0].flatMap { publicationDate($0) } }
            return (dates.min(), "所解读文件发布日")
        }
        if let date = records[index].triggerDate { return (date, "信息形成或者变更之日") }
        return (records[index].writtenDate, "成文日期")
    }

    /// A composite branch's due date: the quick path, or the full computation for branches that need more.
    private func branchDue(_ branch: DeadlineRule, trigger: CivilDate) -> Computed {
        if let due = calculator.quickDue(branch, trigger: trigger) { return .due(due) }
        let result = try? calculator.due(branch, trigger: trigger)
        return result?.due.map(Computed.due) ?? .none("按该类信息的时限无法从触发日计算到期日")
    }
}
