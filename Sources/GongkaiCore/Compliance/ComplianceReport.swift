/// The result of one compliance check.
public struct ComplianceReport: Codable, Sendable, Equatable {
    public var at: CivilDate
    public var windowStart: CivilDate
    public var windowEnd: CivilDate
    /// By item (in the order the items were given), then by due date.
    public var obligations: [Obligation]
    /// By item, then kind, then due date.
    public var findings: [Finding]
    /// One per agency, by agency id.
    public var verdicts: [InspectionVerdict]

    public init(at: CivilDate, windowStart: CivilDate, windowEnd: CivilDate, obligations: [Obligation],
                findings: [Finding], verdicts: [InspectionVerdict]) {
        self.at = at
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.obligations = obligations
        self.findings = findings
        self.verdicts = verdicts
    }

    public func findings(_ kind: Finding.Kind) -> [Finding] { findings.filter { $0.kind == kind } }

    public func verdict(for agencyID: Int) -> InspectionVerdict? { verdicts.first { $0.agencyID == agencyID } }
}
