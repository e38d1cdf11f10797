/// The counts of table 三 (收到和处理政府信息公开申请情况, REGULATIONS §2.3) for one calendar year, per applicant column.
/// A request is 新收 in the year it was received, 办理结果 in the year it was answered or terminated
/// (`RequestState.concludedOn`), and 结转 while neither. The corner rule holds by construction:
/// 一 + 二 = （七）总计 + 四 in every column.
public struct RequestTableCounts: Sendable, Equatable {
    /// The report year (1 January – 31 December).
    public var year: Int
    /// 一、本年新收政府信息公开申请数量
    public var newlyReceived: [ApplicantKind: Int] = [:]
    /// 二、上年结转政府信息公开申请数量
    public var carriedOver: [ApplicantKind: Int] = [:]
    /// 三、本年度办理结果, by row.
    public var outcomes: [RequestOutcome: [ApplicantKind: Int]] = [:]
    /// 四、结转下年度继续办理
    public var carriedForward: [ApplicantKind: Int] = [:]

    /// Empty counts for `year`.
    public init(year: Int) { self.year = year }

    /// Counts the requests whose applicant kind and state are given; requests never received are ignored.
    public static func count(_ requests: [(kind: ApplicantKind, state: RequestState)], year: Int) -> RequestTableCounts {
        var counts = RequestTableCounts(year: year)
        for (kind, state) in requests {
            guard let received = state.receivedOn?.year, received <= year else { continue }
            let concluded = state.concludedOn?.year
            if let concluded, concluded < year { continue }
            if received == year { counts.newlyReceived[kind, default: 0] += 1 } else { counts.carriedOver[kind, default: 0] += 1 }
            if concluded == year, let outcome = state.outcome {
                counts.outcomes[outcome, default: [:]][kind, default: 0] += 1
            } else {
                counts.carriedForward[kind, default: 0] += 1
            }
        }
        return counts
    }

    /// One cell of 三: `outcome` for `kind`, or the 总计 column when `kind` is nil.
    public func count(_ outcome: RequestOutcome, _ kind: ApplicantKind? = nil) -> Int {
        Self.cell(outcomes[outcome] ?? [:], kind)
    }

    /// （七）总计 of 三 for `kind`, or for all columns when nil.
    public func concluded(_ kind: ApplicantKind? = nil) -> Int {
        outcomes.values.reduce(0) { $0 + Self.cell($1, kind) }
    }

    /// A cell of a row given as a dictionary: the column, or the 总计 column when `kind` is nil.
    public static func cell(_ row: [ApplicantKind: Int], _ kind: ApplicantKind?) -> Int {
        kind.map { row[$0] ?? 0 } ?? row.values.reduce(0, +)
    }

    /// The corner rule of table 三 for every column: 一 + 二 = （七）总计 + 四.
    public var isBalanced: Bool {
        (ApplicantKind.allCases.map(Optional.some) + [nil]).allSatisfy { kind in
            Self.cell(newlyReceived, kind) + Self.cell(carriedOver, kind) == concluded(kind) + Self.cell(carriedForward, kind)
        }
    }
}
