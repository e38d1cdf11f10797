/// 身份证明 kinds accepted on an application (条例 第二十九条第二款第（一）项 asks for 身份证明 without listing them).
public enum IdentityDocumentType: String, Codable, Sendable, CaseIterable {
    /// 居民身份证: checked with the GB 11643 checksum (`IDNumber`).
    case residentIDCard
    case passport
    /// 港澳台居民居住证、往来内地通行证 and similar.
    case travelPermit
    /// 统一社会信用代码 of a 法人或其他组织 (not checksum-validated here).
    case unifiedSocialCreditCode
    case other

    /// The Chinese name of the document.
    public var label: String {
        switch self {
        case .residentIDCard: "居民身份证"
        case .passport: "护照"
        case .travelPermit: "港澳台居民证件"
        case .unifiedSocialCreditCode: "统一社会信用代码"
        case .other: "其他证件"
        }
    }
}

/// Who applied: the items of 第二十九条第二款第（一）项 (姓名或者名称、身份证明、联系方式) and the table-三 column.
public struct ApplicantIdentity: Codable, Sendable, Equatable {
    /// The table-三 column the applicant is counted in.
    public var kind: ApplicantKind
    /// 姓名 or 名称.
    public var name: String
    /// 身份证明: which document, and its number.
    public var documentType: IdentityDocumentType
    public var documentNumber: String
    /// 联系方式: telephone, address or e-mail.
    public var contact: String

    /// An identity as entered; check it with `problems()`.
    public init(kind: ApplicantKind, name: String, documentType: IdentityDocumentType, documentNumber: String, contact: String) {
        self.kind = kind
        self.name = name
        self.documentType = documentType
        self.documentNumber = documentNumber
        self.contact = contact
    }

    /// Chinese messages for missing or invalid items; empty when the identity is complete (第二十九条).
    public func problems() -> [String] {
        var found: [String] = []
        if name.trimmed.isEmpty { found.append(kind.isOrganization ? "请填写申请人名称" : "请填写申请人姓名") }
        let number = documentNumber.trimmed
        if number.isEmpty {
            found.append("请填写\(documentType.label)号码（身份证明，条例第二十九条）")
        } else if documentType == .residentIDCard, !IDNumber.isValid(number) {
            found.append("居民身份证号码“\(Self.maskForStaff(number))”校验不通过（GB 11643），请核对")
        }
        if !kind.isOrganization, documentType == .unifiedSocialCreditCode {
            found.append("自然人申请应提供个人身份证明，而非统一社会信用代码")
        }
        if contact.trimmed.isEmpty { found.append("请填写联系方式（条例第二十九条）") }
        return found
    }

    /// The document number as staff lists show it.
    public var maskedDocumentNumber: String { Self.maskForStaff(documentNumber.trimmed) }

    /// Masks a document number for staff lists: an ID number keeps its 6-digit address code and last 4 characters
    /// (`370323********1233`); shorter numbers keep only their first and last character. Public pages use the
    /// stricter publication mask of REGULATIONS §5.3 (`35*************123`, see PersonalDataScanner) instead.
    public static func maskForStaff(_ number: String) -> String {
        let chars = Array(number)
        let (head, tail) = chars.count >= 11 ? (6, 4) : (1, 1)
        guard chars.count > head + tail else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(head)) + String(repeating: "*", count: chars.count - head - tail) + String(chars.suffix(tail))
    }
}
