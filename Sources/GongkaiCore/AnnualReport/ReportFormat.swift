/// Which national template a report year uses. The 2021 format (国办公开办函〔2021〕30号, dated 2021-09-26)
/// replaced the 2019 trial format (国办公开办函〔2019〕60号); REGULATIONS §2 and §2.5.
public enum ReportFormat: String, Codable, Sendable, CaseIterable {
    /// 《…年度报告格式（试行）》, 国办公开办函〔2019〕60号.
    case trial2019
    /// 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号.
    case format2021

    /// The template for a report year: years before 2021 use the 2019 trial format.
    /// **Uncertain**: 30号 is dated 2021-09-26, so the cut is taken to be the 2021 report (published in 2022);
    /// a 2021 report written on the trial format is not modelled.
    public static func forYear(_ year: Int) -> ReportFormat { year < 2021 ? .trial2019 : .format2021 }

    /// The template's name and document number, for headers and explanations.
    public var label: String {
        switch self {
        case .trial2019: "政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）"
        case .format2021: "政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）"
        }
    }
}
