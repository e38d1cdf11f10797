/// What one agency's items and records add to its inspection verdict.
struct AgencyTally {
    /// 动态要闻类 not updated in 2 weeks, 通知公告、政策文件类 not updated in 6 months.
    var staleInspected: [Int] = []
    /// Other columns past their staleness limit.
    var longUnupdated: [Int] = []
    var blank: [Int] = []
    var policiesWithoutInterpretation: [Int] = []
    var personalData: [Int] = []
}

extension Sweep {
    /// One verdict per agency that has items or flagged records, by agency id.
    func verdicts() -> [InspectionVerdict] {
        var agencies = Set(items.map(\.agencyID))
        agencies.formUnion(tallies.keys)
        let thresholds = options.thresholds
        return agencies.sorted().map { agency in
            let tally = tallies[agency] ?? AgencyTally()
            return InspectionVerdict(
                agencyID: agency,
                conditions: [
                    .init(kind: .staleColumns, itemIDs: tally.staleInspected, threshold: thresholds.staleColumns),
                    .init(kind: .longUnupdatedColumns, itemIDs: tally.longUnupdated, threshold: thresholds.longUnupdatedColumns),
                    .init(kind: .blankColumns, itemIDs: tally.blank, threshold: thresholds.blankColumns),
                ],
                policiesWithoutInterpretation: tally.policiesWithoutInterpretation,
                personalDataRecords: tally.personalData)
        }
    }
}
