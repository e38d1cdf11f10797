/// Tables 二, 三 and 四, encoded under their Chinese numerals: `{"二": …, "三": …, "四": …}`.
public struct ReportTables: Codable, Sendable, Equatable {
    /// 二、主动公开政府信息情况
    public var two: ReportTable
    /// 三、收到和处理政府信息公开申请情况
    public var three: ReportTable
    /// 四、政府信息公开行政复议、行政诉讼情况
    public var four: ReportTable

    public init(two: ReportTable, three: ReportTable, four: ReportTable) {
        self.two = two
        self.three = three
        self.four = four
    }

    enum CodingKeys: String, CodingKey {
        case two = "二", three = "三", four = "四"
    }

    /// All three, in order.
    public var all: [ReportTable] { [two, three, four] }

    /// The cell with `id` in any table.
    public func cell(_ id: String) -> ReportCell? { all.lazy.compactMap { $0.cell(id) }.first }
}
