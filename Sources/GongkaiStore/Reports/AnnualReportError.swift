import GongkaiCore

/// Why an annual-report operation was refused, in Chinese for staff.
public enum AnnualReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchAgency(Int)
    case yearOutOfRange(Int)
    case notAllowed
    case workflow(String)
    case checksFailed([ReportCheck])
    case badFigure(cellID: String, text: String)
    case unknownCell(String)
    case sectionTooLong(Int)
    case staleVersion(expected: Int, actual: Int)
    case nothingSubmitted

    public var description: String {
        switch self {
        case .noSuchAgency(let id): "没有编号为\(id)的机构。"
        case .yearOutOfRange(let year): "年度\(year)无效：可编写2019年度（全国统一格式施行）至本年度的报告。"
        case .notAllowed: "您没有权限进行此操作。"
        case .workflow(let message): message
        case .checksFailed(let checks): "年度报告未通过校验，不能提交或发布：" + checks.map(\.name).joined(separator: "；") + "。"
        case .badFigure(let cell, let text): "单元格\(cell)的数值“\(text)”无效：请填写不小于0的数字。"
        case .unknownCell(let cell): "本年度报告格式中没有可填报的单元格\(cell)。"
        case .sectionTooLong(let number): "第\(number)部分超过50000字。"
        case .staleVersion(let expected, let actual): "报告已被他人修改（您编辑的是第\(expected)版，现为第\(actual)版），请刷新后重试。"
        case .nothingSubmitted: "没有待审核的报告版本。"
        }
    }
}
