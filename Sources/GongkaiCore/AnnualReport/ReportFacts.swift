/// A 规章 or 行政规范性文件 (table 二, 第二十条第（一）项) with the dates the counts need.
public struct NormativeDocumentFact: Codable, Sendable, Equatable {
    /// 规章 or 行政规范性文件 (the 2019 trial format says 规范性文件).
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case regulation, normativeDocument

        /// The row label of the 2021 format.
        public var label: String { self == .regulation ? "规章" : "行政规范性文件" }
    }

    public var recordID: Int
    public var kind: Kind
    /// 成文日期 (`RecordContent.writtenDate`).
    public var writtenDate: CivilDate?
    /// 发布日期 (`Record.publishedDate`); nil while unpublished.
    public var publishedDate: CivilDate?
    /// 有效性 as labelled now, and the day it became 失效/废止 (`RecordContent.validityChangedOn`).
    public var validity: Validity
    public var validityChangedOn: CivilDate?

    public init(recordID: Int, kind: Kind, writtenDate: CivilDate?, publishedDate: CivilDate?, validity: Validity = .valid,
                validityChangedOn: CivilDate? = nil) {
        self.recordID = recordID
        self.kind = kind
        self.writtenDate = writtenDate
        self.publishedDate = publishedDate
        self.validity = validity
        self.validityChangedOn = validityChangedOn
    }

    /// The day the document counts as 制发: its 成文日期, else its 发布日期.
    /// **Uncertain**: 30号 does not say whether 本年制发 means 成文 or 发布 in the year; we take 成文日期.
    public var issuedOn: CivilDate? { writtenDate ?? publishedDate }

    /// 现行有效 on `day`: issued by then and not yet 失效/废止 on that day.
    /// **Uncertain**: 现行有效 is read at 12月31日 of the report year, and 失效 documents are not 现行有效.
    public func isInForce(on day: CivilDate) -> Bool {
        guard let issued = issuedOn, issued <= day else { return false }
        guard validity != .valid, let changed = validityChangedOn else { return true }
        return changed > day
    }
}

/// A 行政许可 / 行政处罚 / 行政强制 decision (table 二, 第二十条第（五）（六）项).
public struct DecisionFact: Codable, Sendable, Equatable {
    public var recordID: Int
    public var kind: DecisionKind
    /// 决定日期: the decision counts in this day's year.
    public var decidedOn: CivilDate

    public init(recordID: Int, kind: DecisionKind, decidedOn: CivilDate) {
        self.recordID = recordID
        self.kind = kind
        self.decidedOn = decidedOn
    }
}

/// The kinds of decision table 二 counts.
public enum DecisionKind: String, Codable, Sendable, CaseIterable {
    case license, penalty, enforcement

    /// The row label, verbatim: 行政许可 / 行政处罚 / 行政强制.
    public var label: String {
        switch self {
        case .license: "行政许可"
        case .penalty: "行政处罚"
        case .enforcement: "行政强制"
        }
    }

    /// The kind named in a catalog or record kind string ("行政许可决定", "行政处罚信息" …); nil when none is named.
    public init?(label: String) {
        guard let kind = Self.allCases.first(where: { label.contains($0.label) }) else { return nil }
        self = kind
    }
}
