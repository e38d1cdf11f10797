/// How an application arrived, which decides its date of receipt (条例 第三十一条). The receipt date recorded on
/// `RequestEvent.received` is already the effective one; the channel says which rule produced it.
public enum ReceiptChannel: String, Codable, Sendable, CaseIterable {
    /// 当面提交: the day it is handed in (第三十一条第（一）项).
    case inPerson
    /// 邮寄 needing a signature: the day the agency signs for it (第三十一条第（二）项).
    case registeredPost
    /// 平常信函 and other post without signature: the agency confirms with the applicant on the day it arrives,
    /// and the confirmation date counts (第三十一条第（二）项).
    case ordinaryPost
    /// 互联网渠道: the day both sides confirm (第三十一条第（三）项).
    case online
    /// 传真 to the disclosure office: the day both sides confirm (第三十一条第（三）项).
    case fax

    /// The channel in Chinese.
    public var label: String {
        switch self {
        case .inPerson: "当面提交"
        case .registeredPost: "邮寄（需签收）"
        case .ordinaryPost: "平常信函"
        case .online: "互联网渠道"
        case .fax: "传真"
        }
    }

    /// Which day is the date of receipt, in Chinese, with the article.
    public var receiptRule: String {
        switch self {
        case .inPerson: "以提交之日为收到申请之日（第三十一条第（一）项）"
        case .registeredPost: "以行政机关签收之日为收到申请之日（第三十一条第（二）项）"
        case .ordinaryPost: "于收到当日与申请人确认，以确认之日为收到申请之日（第三十一条第（二）项）"
        case .online, .fax: "以双方确认之日为收到申请之日（第三十一条第（三）项）"
        }
    }
}
