import GongkaiCore

/// 政府信息公开申请答复书: the agency's written answer to an application (条例 第三十六条 and following).
/// Texts are given as they are to appear; `ResponseLetterWriter` lays them out.
public struct ResponseLetter: Hashable, Sendable {
    /// The contact shown under the date as “（联系人：… 联系电话：…）”.
    public struct Contact: Hashable, Sendable {
        public var name: String
        public var phone: String

        public init(name: String, phone: String) {
            self.name = name
            self.phone = phone
        }
    }

    /// The answering agency, also the signature (淄博市医疗保障局沂源分局).
    public var agency: String
    /// 发文字号 (沂医保依申复〔2026〕3号).
    public var letterNumber: String
    /// The applicant's name or, for an organisation, its name (申请人姓名或者名称).
    public var applicant: String
    /// The agency's registration number of the application.
    public var requestCode: String
    /// The date the application was received (条例 第三十一条).
    public var received: CivilDate
    /// What was asked for, as the applicant described it.
    public var requestDescription: String
    /// The outcome label of the annual report's table 三 (予以公开, 部分公开, 不予公开（属于国家秘密）…).
    public var outcome: String
    /// The reasoning with its legal basis, one paragraph each (“……根据《中华人民共和国政府信息公开条例》
    /// 第三十六条第（四）项的规定，……”).
    public var reasoning: [String]
    /// How the information is provided (电子邮件发送至您预留的邮箱); nil when nothing is provided.
    public var delivery: String?
    /// A 信息处理费 notice (国办函〔2020〕109号), printed as it is.
    public var feeNotice: String?
    /// Names of the attached documents, in order.
    public var attachments: [String]
    /// The 行政复议机关 named in the remedy notice (沂源县人民政府).
    public var reviewBody: String
    /// The court named in the remedy notice.
    public var court: String
    /// Whether the remedy notice says that 行政复议 must come before a lawsuit. 《中华人民共和国行政复议法》
    /// (2023年修订) 第二十三条第一款第（四）项 requires it when an agency 不予公开 what was applied for.
    public var reviewFirst: Bool
    public var contact: Contact?
    /// 成文日期.
    public var date: CivilDate

    public init(agency: String, letterNumber: String, applicant: String, requestCode: String, received: CivilDate,
                requestDescription: String, outcome: String, reasoning: [String], delivery: String? = nil,
                feeNotice: String? = nil, attachments: [String] = [], reviewBody: String, court: String = "人民法院",
                reviewFirst: Bool? = nil, contact: Contact? = nil, date: CivilDate) {
        self.agency = agency
        self.letterNumber = letterNumber
        self.applicant = applicant
        self.requestCode = requestCode
        self.received = received
        self.requestDescription = requestDescription
        self.outcome = outcome
        self.reasoning = reasoning
        self.delivery = delivery
        self.feeNotice = feeNotice
        self.attachments = attachments
        self.reviewBody = reviewBody
        self.court = court
        self.reviewFirst = reviewFirst ?? Self.withholds(outcome)
        self.contact = contact
        self.date = date
    }

    /// Whether an outcome label withholds information: 不予公开 in full, or the withheld part of 部分公开.
    public static func withholds(_ outcome: String) -> Bool {
        outcome.hasPrefix("不予公开") || outcome.hasPrefix("部分公开")
    }
}
