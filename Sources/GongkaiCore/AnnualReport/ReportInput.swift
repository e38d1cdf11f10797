import Foundation

/// Everything the annual report (政府信息公开工作年度报告, 条例 第四十九–五十条) is computed from, as plain values:
/// storage gathers these, `AnnualReportBuilder.build(_:)` turns them into tables, checks and a narrative draft.
public struct ReportInput: Sendable {
    /// The statistical year, 1 January – 31 December (REGULATIONS §1.6).
    public var year: Int
    /// The agency's name as it heads the report (e.g. 某县医疗保障局).
    public var agencyName: String
    /// 规章 and 行政规范性文件 with their dates and 有效性 (table 二, 第二十条第（一）项).
    public var normativeDocuments: [NormativeDocumentFact]
    /// 行政许可 / 行政处罚 / 行政强制 decisions (table 二, 第二十条第（五）（六）项).
    public var decisions: [DecisionFact]
    /// Disclosure requests with their derived state (table 三; appeals for table 四).
    public var requests: [ReportRequest]
    /// Figures no record holds, entered by staff (收费金额 …).
    public var enteredFigures: [EnteredFigure]
    /// Last year's report: carry-over check and year-on-year changes in the narrative.
    public var previousReport: AnnualReport?
    /// Plain numbers from the compliance monitor for the narrative.
    public var compliance: ComplianceFacts

    public init(year: Int, agencyName: String, normativeDocuments: [NormativeDocumentFact] = [], decisions: [DecisionFact] = [],
                requests: [ReportRequest] = [], enteredFigures: [EnteredFigure] = [], previousReport: AnnualReport? = nil,
                compliance: ComplianceFacts = ComplianceFacts()) {
        self.year = year
        self.agencyName = agencyName
        self.normativeDocuments = normativeDocuments
        self.decisions = decisions
        self.requests = requests
        self.enteredFigures = enteredFigures
        self.previousReport = previousReport
        self.compliance = compliance
    }
}

/// One disclosure request as the report sees it: its table-三 column and its replayed state.
public struct ReportRequest: Sendable, Equatable {
    public var kind: ApplicantKind
    public var state: RequestState

    public init(kind: ApplicantKind, state: RequestState) {
        self.kind = kind
        self.state = state
    }

    /// Replays a stored request's event log (throws when the log does not replay).
    public init(_ request: DisclosureRequest, calendar: WorkingCalendar) throws {
        self.init(kind: request.applicant.kind, state: try request.state(calendar: calendar))
    }
}

/// A staff-entered figure for a cell no record can fill, with who entered it and when.
public struct EnteredFigure: Codable, Sendable, Equatable {
    /// The cell's stable id, e.g. `二.fee.amount` (行政事业性收费 本年收费金额（单位：万元）).
    public var cellID: String
    public var value: Decimal
    /// The staff member who entered it.
    public var enteredBy: String
    public var enteredOn: CivilDate

    public init(cellID: String, value: Decimal, enteredBy: String, enteredOn: CivilDate) {
        self.cellID = cellID
        self.value = value
        self.enteredBy = enteredBy
        self.enteredOn = enteredOn
    }
}

/// Numbers from the compliance monitor (主动公开) the narrative quotes; nil when not known.
public struct ComplianceFacts: Codable, Sendable, Equatable {
    /// Records published in the year.
    public var publishedRecords: Int?
    /// Publication obligations due in the year met on time, and met late or still overdue.
    public var obligationsOnTime: Int?
    public var obligationsLate: Int?
    /// Requests answered in the year within the statutory period (条例 第三十三条), and after it.
    public var requestsAnsweredOnTime: Int?
    public var requestsAnsweredLate: Int?

    public init(publishedRecords: Int? = nil, obligationsOnTime: Int? = nil, obligationsLate: Int? = nil,
                requestsAnsweredOnTime: Int? = nil, requestsAnsweredLate: Int? = nil) {
        self.publishedRecords = publishedRecords
        self.obligationsOnTime = obligationsOnTime
        self.obligationsLate = obligationsLate
        self.requestsAnsweredOnTime = requestsAnsweredOnTime
        self.requestsAnsweredLate = requestsAnsweredLate
    }
}
