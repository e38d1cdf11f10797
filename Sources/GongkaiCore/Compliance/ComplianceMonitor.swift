/// Checks items and their records against deadlines, the inspection rules and the content rules, in one pass.
///
/// Records are grouped by item once; each item then walks its own records. Due dates of trigger-based rules
/// come from `DueDateCalculator.quickDue` (no explanation text); periodic due dates are computed once per
/// item and period. Text is built only for findings, never for met obligations.
public struct ComplianceMonitor: Sendable {
    public let options: ComplianceOptions

    public init(options: ComplianceOptions) { self.options = options }

    /// Checks `items` and `records` (the records of the same agencies; a record counts for every item it is
    /// listed under) as of `options.at`.
    public func check(items: [ComplianceItem], records: [ComplianceRecord]) -> ComplianceReport {
        // Rows are read through a buffer pointer: reading a field through Array's subscript copied (and
        // retained) the whole record, which dominated a million-record sweep.
        records.withUnsafeBufferPointer { rows in
            var sweep = Sweep(options: options, items: items, records: rows)
            sweep.run()
            return ComplianceReport(at: options.at, windowStart: options.windowStart, windowEnd: options.windowEnd,
                                    obligations: sweep.obligations, findings: sweep.sortedFindings(),
                                    verdicts: sweep.verdicts())
        }
    }

    /// Checks `items` and `records` with `options`.
    public static func check(items: [ComplianceItem], records: [ComplianceRecord], options: ComplianceOptions) -> ComplianceReport {
        ComplianceMonitor(options: options).check(items: items, records: records)
    }
}

/// The working state of one check; lives only inside `ComplianceMonitor.check`, like the buffer it reads.
struct Sweep {
    /// The options of the check, with the window narrowed to the days the current item's version is in force.
    var options: ComplianceOptions
    let window: (start: CivilDate, end: CivilDate)
    let calculator: DueDateCalculator
    let items: [ComplianceItem]
    let records: UnsafeBufferPointer<ComplianceRecord>
    let at: CivilDate
    let calendar: WorkingCalendar

    /// Item id → indices into `records`.
    var byItem: [Int: [Int]] = [:]
    /// Record id → index, for records that are policies or linked to one.
    var linkIndex: [Int: Int] = [:]
    /// Policy id → ids of records that say they interpret it.
    var interpretedBy: [Int: [Int]] = [:]
    /// 解读 already reported late under a synchronous item, so the 3-workday check does not repeat it.
    var lateSynchronous = Set<Int>()
    var obligations: [Obligation] = []
    var findings: [Finding] = []
    var tallies: [Int: AgencyTally] = [:]

    init(options: ComplianceOptions, items: [ComplianceItem], records: UnsafeBufferPointer<ComplianceRecord>) {
        self.options = options
        window = (options.windowStart, options.windowEnd)
        self.items = items
        self.records = records
        at = options.at
        calendar = options.calendar
        calculator = DueDateCalculator(calendar: options.calendar, defaults: options.deadlineDefaults)
    }

    mutating func run() {
        groupRecords()
        for item in items {
            let indices = byItem[item.id] ?? []
            options.windowStart = max(window.start, item.activeFrom ?? window.start)
            options.windowEnd = min(window.end, item.activeUntil.map { $0.adding(days: -1) } ?? window.end)
            defer { (options.windowStart, options.windowEnd) = window }
            if let rule = item.rule {
                switch rule.kind {
                case .periodic: checkPeriodic(item, rule, indices)
                case .relative, .statutory, .prompt, .synchronous, .composite: checkEvents(item, rule, indices)
                case .continuous, .unparsed: break
                }
            }
            // A column is blank or stale only while its version is in force; a retired item's records stay
            // judged by their deadlines above.
            if item.isActive(on: at) { checkCurrency(item, indices) }
            checkTitles(item, indices)
        }
        checkRecords()
    }

    private mutating func groupRecords() {
        // Counted first so that each item's list is allocated once.
        var counts: [Int: Int] = [:]
        for item in items { counts[item.id] = 0 }
        for record in records.indices { for itemID in records[record].itemIDs { counts[itemID]? += 1 } }
        byItem.reserveCapacity(counts.count)
        for (itemID, count) in counts {
            var list: [Int] = []
            list.reserveCapacity(count)
            byItem[itemID] = list
        }
        var linked = Set<Int>()
        for index in records.indices {
            for itemID in records[index].itemIDs { byItem[itemID]?.append(index) }
            if records[index].isPolicy || !records[index].interpretationIDs.isEmpty || !records[index].interpretsIDs.isEmpty {
                let record = records[index]
                linked.insert(record.id)
                linked.formUnion(record.interpretationIDs)
                linked.formUnion(record.interpretsIDs)
                for policy in record.interpretsIDs { interpretedBy[policy, default: []].append(record.id) }
            }
        }
        guard !linked.isEmpty else { return }
        for index in records.indices where linked.contains(records[index].id) { linkIndex[records[index].id] = index }
    }

    /// The publication date of row `index` if it is public today (`ComplianceRecord.publication(asOf:)`), reading
    /// the two fields in place: calling the method on the row copied the whole record.
    @inline(__always)
    func publicationDate(_ index: Int) -> CivilDate? {
        guard records[index].status == .published, let date = records[index].publishedDate, date <= at else { return nil }
        return date
    }

    /// Whether `date` is within the due-soon horizon from today (today included).
    func isDueSoon(_ due: CivilDate) -> Bool { options.isDueSoon(due) }

    /// The state of a deadline obligation first published on `published` (nil: not yet).
    func state(due: CivilDate, published: CivilDate?) -> Obligation.State {
        if let published { return published <= due ? .metOnTime : .metLate }
        if at > due { return .overdue }
        return isDueSoon(due) ? .dueSoon : .open
    }

    mutating func tally(_ agencyID: Int, _ update: (inout AgencyTally) -> Void) {
        update(&tallies[agencyID, default: AgencyTally()])
    }

    /// By item (in the order given), kind, date, record; sorted on small keys rather than whole findings.
    func sortedFindings() -> [Finding] {
        var position: [Int: Int] = [:]
        for (index, item) in items.enumerated() where position[item.id] == nil { position[item.id] = index }
        let kindOrder = Dictionary(uniqueKeysWithValues: Finding.Kind.allCases.enumerated().map { ($1, $0) })
        let keys = findings.enumerated().map { index, finding in
            (item: finding.itemID.flatMap { position[$0] } ?? Int.max, kind: kindOrder[finding.kind]!,
             day: (finding.due ?? finding.published)?.dayNumber ?? Int.min, record: finding.recordID ?? 0, index: index)
        }
        return keys.sorted { ($0.item, $0.kind, $0.day, $0.record, $0.index) < ($1.item, $1.kind, $1.day, $1.record, $1.index) }
            .map { findings[$0.index] }
    }
}
