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
        var sweep = Sweep(options: options, items: items, records: records)
        sweep.run()
        return ComplianceReport(at: options.at, windowStart: options.windowStart, windowEnd: options.windowEnd,
                                obligations: sweep.obligations, findings: sweep.sortedFindings(),
                                verdicts: sweep.verdicts())
    }

    /// Checks `items` and `records` with `options`.
    public static func check(items: [ComplianceItem], records: [ComplianceRecord], options: ComplianceOptions) -> ComplianceReport {
        ComplianceMonitor(options: options).check(items: items, records: records)
    }
}

/// The working state of one check.
struct Sweep {
    let options: ComplianceOptions
    let calculator: DueDateCalculator
    let items: [ComplianceItem]
    let records: [ComplianceRecord]
    var at: CivilDate { options.at }
    var calendar: WorkingCalendar { options.calendar }

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

    init(options: ComplianceOptions, items: [ComplianceItem], records: [ComplianceRecord]) {
        self.options = options
        self.items = items
        self.records = records
        calculator = DueDateCalculator(calendar: options.calendar, defaults: options.deadlineDefaults)
    }

    mutating func run() {
        groupRecords()
        for item in items {
            let indices = byItem[item.id] ?? []
            if let rule = item.rule {
                switch rule.kind {
                case .periodic: checkPeriodic(item, rule, indices)
                case .relative, .statutory, .prompt, .synchronous, .composite: checkEvents(item, rule, indices)
                case .continuous, .unparsed: break
                }
            }
            checkCurrency(item, indices)
            checkTitles(item, indices)
        }
        checkRecords()
    }

    private mutating func groupRecords() {
        for item in items { byItem[item.id] = [] }
        var linked = Set<Int>()
        for (index, record) in records.enumerated() {
            for itemID in record.itemIDs { byItem[itemID]?.append(index) }
            if record.isPolicy || !record.interpretationIDs.isEmpty || !record.interpretsIDs.isEmpty {
                linked.insert(record.id)
                linked.formUnion(record.interpretationIDs)
                linked.formUnion(record.interpretsIDs)
                for policy in record.interpretsIDs { interpretedBy[policy, default: []].append(record.id) }
            }
        }
        guard !linked.isEmpty else { return }
        for (index, record) in records.enumerated() where linked.contains(record.id) { linkIndex[record.id] = index }
    }

    /// Whether `date` is within the due-soon horizon from today (today included).
    func isDueSoon(_ due: CivilDate) -> Bool {
        due >= at && calendar.workdays(from: at, to: due) <= options.dueSoonWorkdays
    }

    /// The state of a deadline obligation first published on `published` (nil: not yet).
    func state(due: CivilDate, published: CivilDate?) -> Obligation.State {
        if let published { return published <= due ? .metOnTime : .metLate }
        if at > due { return .overdue }
        return isDueSoon(due) ? .dueSoon : .open
    }

    mutating func tally(_ agencyID: Int, _ update: (inout AgencyTally) -> Void) {
        update(&tallies[agencyID, default: AgencyTally()])
    }

    func sortedFindings() -> [Finding] {
        var position: [Int: Int] = [:]
        for (index, item) in items.enumerated() where position[item.id] == nil { position[item.id] = index }
        let kindOrder = Dictionary(uniqueKeysWithValues: Finding.Kind.allCases.enumerated().map { ($1, $0) })
        return findings.sorted { a, b in
            let pa = a.itemID.flatMap { position[$0] } ?? Int.max, pb = b.itemID.flatMap { position[$0] } ?? Int.max
            if pa != pb { return pa < pb }
            if a.kind != b.kind { return kindOrder[a.kind]! < kindOrder[b.kind]! }
            let da = a.due ?? a.published ?? CivilDate(dayNumber: Int.min), db = b.due ?? b.published ?? CivilDate(dayNumber: Int.min)
            if da != db { return da < db }
            return (a.recordID ?? 0) < (b.recordID ?? 0)
        }
    }
}
