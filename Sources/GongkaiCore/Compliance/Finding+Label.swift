extension Finding.Kind {
    /// The Chinese name staff see in lists, the dashboard and exports.
    public var label: String {
        switch self {
        case .late: "逾期发布"
        case .overdue: "到期未发布"
        case .dueSoon: "即将到期"
        case .emptyItem: "空白栏目"
        case .staleItem: "栏目不更新"
        case .missingInterpretation: "政策缺少解读"
        case .unsyncedInterpretation: "解读未同步发布"
        case .validityMissing: "未标注有效性"
        case .validityExpired: "超过有效期"
        case .titleMismatch: "标题不合格式"
        case .personalData: "含个人信息"
        }
    }
}
